// One person: every field with the way in that last set it, and where merges have taken it.
import Link from "next/link";
import type { ReactNode } from "react";
import { FieldValue } from "@/components/people/field-value";
import { STATUS_LABELS, personHref } from "@/components/people/people-labels";
import { NoValue } from "@/components/ui/no-value";
import { SourceBadge } from "@/components/people/source-badge";
import { Alert } from "@/components/ui/alert";
import { MERGE_FIELD_LABELS, MERGE_FIELDS, type MergeField } from "@/lib/people/merge-schema";
import type { PersonDetail, PersonRecord } from "@/lib/people/records";

export function PersonDetailView({ person }: { person: PersonDetail }) {
  return (
    <div className="space-y-6">
      {person.mergedInto ? (
        <Alert tone="info">
          Merged into{" "}
          <Link href={personHref(person.mergedInto.sourcedId)} className="font-medium underline">
            {person.mergedInto.givenName} {person.mergedInto.familyName} ({person.mergedInto.sourcedId})
          </Link>
          . This record stays, to be deleted, so that applications holding its sourcedId see it retired.
        </Alert>
      ) : null}
      {person.alsoKnownAs.length > 0 ? (
        <Alert tone="info">
          Also known as{" "}
          {person.alsoKnownAs.map((sourcedId, index) => (
            <span key={sourcedId}>
              {index > 0 ? ", " : ""}
              <Link href={personHref(sourcedId)} className="font-mono font-medium underline">
                {sourcedId}
              </Link>
            </span>
          ))}
          : {person.alsoKnownAs.length === 1 ? "a record" : "records"} merged into this one.
        </Alert>
      ) : null}

      <section aria-labelledby="record-heading" className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h2 id="record-heading" className="mb-4 text-lg font-semibold">
          Record
        </h2>
        <dl className="grid grid-cols-[11rem_1fr] gap-y-3 text-sm">
          <Row label="sourcedId">
            <code>{person.sourcedId}</code>
          </Row>
          <Row label="Status">
            {STATUS_LABELS[person.status]}
            {person.enabledUser ? "" : " · sign-in disabled"}
          </Row>
          <Row label="Created by">
            <SourceBadge source={person.source} />
          </Row>
          <Row label="Identity provider">
            {person.scimLinked ? "Linked: your identity provider keeps this record up to date over SCIM." : "Not linked"}
          </Row>
          <Row label="Enrollments">
            {person.enrollments.active.toLocaleString("en-US")} active
            {person.enrollments.tobedeleted > 0 ? `, ${person.enrollments.tobedeleted.toLocaleString("en-US")} to be deleted` : ""}
          </Row>
          <Row label="Birth date">{person.birthDate ?? <NoValue />}</Row>
          <Row label="Last modified">
            <time dateTime={person.dateLastModified}>{person.dateLastModified.slice(0, 16).replace("T", " ")} UTC</time>
          </Row>
        </dl>
      </section>

      <section aria-labelledby="fields-heading" className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h2 id="fields-heading" className="text-lg font-semibold">
          Fields
        </h2>
        <p className="mt-1 mb-4 text-sm text-slate-600">Each field with the way in that last set it.</p>
        <dl className="grid grid-cols-[11rem_1fr_auto] items-start gap-x-4 gap-y-3 text-sm">
          {MERGE_FIELDS.map((field) => (
            <FieldRow key={field} label={MERGE_FIELD_LABELS[field]} person={person} field={field} />
          ))}
        </dl>
      </section>
    </div>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-slate-500">{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

function FieldRow({ label, person, field }: { label: string; person: PersonRecord; field: MergeField }) {
  return (
    <div className="contents">
      <dt className="text-slate-500">{label}</dt>
      <dd className="break-words">
        <FieldValue person={person} field={field} />
      </dd>
      <dd>
        <span className="sr-only">set by </span>
        <SourceBadge source={person.fieldSources[field]} />
      </dd>
    </div>
  );
}
