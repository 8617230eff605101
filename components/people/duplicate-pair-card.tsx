"use client";

// One probable duplicate: the evidence, both records side by side with their ways in, and
// the two answers: Merge… or Not a duplicate.
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import type { PairView } from "@/components/people/duplicate-list";
import { describeEvidence } from "@/components/people/evidence";
import { MergeDialog } from "@/components/people/merge-dialog";
import { ROLE_LABELS, STATUS_LABELS, personHref } from "@/components/people/people-labels";
import { FieldValue } from "@/components/people/field-value";
import { NoValue } from "@/components/ui/no-value";
import { SourceBadge } from "@/components/people/source-badge";
import { outcome, type Outcome } from "@/components/gallery/result-message";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { dismissDuplicateAction } from "@/lib/people/actions";
import type { MergeField } from "@/lib/people/merge-schema";
import type { PersonRecord } from "@/lib/people/records";

const SHOWN_FIELDS: { field: MergeField; label: string }[] = [
  { field: "email", label: "Email" },
  { field: "username", label: "Username" },
  { field: "netid", label: "Netid" },
  { field: "netid2", label: "Netid 2" },
  { field: "netid3", label: "Netid 3" },
  { field: "identifier", label: "Identifier" },
  { field: "grades", label: "Grades" },
  { field: "orgSourcedIds", label: "Schools" },
  { field: "graduationYear", label: "Graduation year" },
];

const nameOf = (person: PersonRecord) => `${person.givenName} ${person.familyName}`;

export function DuplicatePairCard({ pair, onOutcome }: { pair: PairView; onOutcome: (outcome: Outcome) => void }) {
  const router = useRouter();
  const headingId = useId();
  const [mergeOpen, setMergeOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { first, second } = pair;
  const title = `${nameOf(first)} and ${nameOf(second)}`;

  const dismiss = useMutation({
    mutationFn: () => dismissDuplicateAction({ firstId: first.id, secondId: second.id }),
    onSuccess: (result) => {
      if (!result.ok) return setError(result.formError);
      onOutcome(outcome("success", `${title} are marked as not a duplicate: this pair will not be suggested again.`));
      router.refresh();
    },
    onError: () => setError("The connection to Rollcall failed, so nothing was saved. Try again."),
  });

  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white shadow-sm">
      <div className="border-b border-slate-200 px-5 py-4">
        <h2 id={headingId} className="font-semibold">
          {title}
        </h2>
        <ul className="mt-1 list-disc pl-5 text-sm text-slate-700" aria-label="Evidence">
          {pair.evidence.map((evidence) => (
            <li key={JSON.stringify(evidence)}>{describeEvidence(evidence, first, second)}</li>
          ))}
        </ul>
      </div>
      <div className="grid gap-px bg-slate-200 sm:grid-cols-2">
        <RecordColumn person={first} />
        <RecordColumn person={second} />
      </div>
      <div className="space-y-3 border-t border-slate-200 px-5 py-3">
        {error ? <Alert tone="error">{error}</Alert> : null}
        {first.scimLinked && second.scimLinked ? (
          <p className="text-sm text-slate-700">
            Both records are linked to your identity provider, which keeps writing to each of them, so they cannot be merged here: remove one of them in
            your identity provider.
          </p>
        ) : null}
        <div className="flex flex-wrap gap-2">
          {first.scimLinked && second.scimLinked ? null : <Button onClick={() => setMergeOpen(true)}>Merge…</Button>}
          <Button
            variant="secondary"
            disabled={dismiss.isPending}
            onClick={() => {
              setError(null);
              dismiss.mutate();
            }}
          >
            {dismiss.isPending ? "Saving…" : "Not a duplicate"}
          </Button>
        </div>
      </div>
      {mergeOpen ? <MergeDialog first={first} second={second} onClose={() => setMergeOpen(false)} /> : null}
    </section>
  );
}

function RecordColumn({ person }: { person: PersonRecord }) {
  return (
    <div className="bg-white px-5 py-4">
      <h3 className="font-medium">
        <Link href={personHref(person.sourcedId)} className="text-brand-700 underline-offset-2 hover:underline">
          {nameOf(person)}
        </Link>
      </h3>
      <p className="font-mono text-xs text-slate-500">{person.sourcedId}</p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <SourceBadge source={person.source} />
        {person.scimLinked ? <span className="text-xs font-medium text-violet-800">Linked to your identity provider</span> : null}
      </div>
      <dl className="mt-3 grid grid-cols-[8rem_1fr] gap-y-1.5 text-sm">
        <dt className="text-slate-500">Role</dt>
        <dd>{ROLE_LABELS[person.role]}</dd>
        {SHOWN_FIELDS.map(({ field, label }) => (
          <div key={field} className="contents">
            <dt className="text-slate-500">{label}</dt>
            <dd className="break-words">
              <FieldValue person={person} field={field} />
            </dd>
          </div>
        ))}
        <dt className="text-slate-500">Birth date</dt>
        <dd>{person.birthDate ?? <NoValue />}</dd>
        <dt className="text-slate-500">Status</dt>
        <dd>{STATUS_LABELS[person.status]}</dd>
        <dt className="text-slate-500">Enrollments</dt>
        <dd>{person.enrollments.active}</dd>
      </dl>
    </div>
  );
}
