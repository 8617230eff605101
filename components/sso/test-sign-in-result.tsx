// A test sign-in's result: what a real sign-in would have done, the person as the mapping and
// rules read them, and every attribute received; or, for a refused assertion, why and what to check.
import Link from "next/link";
import { ReceivedAttributes } from "@/components/sso/received-attributes";
import { Alert } from "@/components/ui/alert";
import { FIELD_LABELS } from "@/lib/sso/attributes";
import type { TestSignInDetails } from "@/lib/sso/events";
import type { MappedPerson } from "@/lib/sso/mapping";
import type { AttributeMapping } from "@/lib/sso/types";

const WOULD_DO_TONES = { signed_in: "success", created: "success", not_provisioned: "warning", refused: "error" } as const;

export function TestSignInResult({ details, mapping }: { details: TestSignInDetails; mapping: AttributeMapping }) {
  if ("refused" in details) return <RefusedTest reason={details.refused} nameId={details.nameId} />;
  return (
    <div className="space-y-8">
      <section aria-labelledby="would-do-heading">
        <h2 id="would-do-heading" className="mb-3 text-lg font-semibold">
          What a real sign-in would do
        </h2>
        <Alert tone={WOULD_DO_TONES[details.wouldDo.kind]}>
          {details.wouldDo.sentence}
          {details.wouldDo.person ? (
            <>
              {" "}
              <Link href={`/district/people/${encodeURIComponent(details.wouldDo.person.sourcedId)}`} className="font-medium underline">
                Open {details.wouldDo.person.givenName} {details.wouldDo.person.familyName}
              </Link>
            </>
          ) : null}
        </Alert>
        <p className="mt-2 text-xs text-slate-500">Nothing was created or changed by this test.</p>
      </section>

      <section aria-labelledby="mapped-heading">
        <h2 id="mapped-heading" className="mb-3 text-lg font-semibold">
          The person, as your mapping reads them
        </h2>
        <MappedPersonView mapped={details.mapped} />
      </section>

      <section aria-labelledby="received-heading">
        <h2 id="received-heading" className="mb-1 text-lg font-semibold">
          Attributes received
        </h2>
        <p className="mb-3 text-sm text-slate-600">
          NameID: <code>{details.nameId ?? "(none)"}</code>. Highlighted rows are the ones your mapping uses.
        </p>
        <ReceivedAttributes attributes={details.attributes} friendlyNames={details.friendlyNames} mapping={mapping} />
      </section>
    </div>
  );
}

function MappedPersonView({ mapped }: { mapped: MappedPerson }) {
  const rows: [string, string | undefined][] = [
    [FIELD_LABELS.givenName, mapped.values.givenName],
    [FIELD_LABELS.familyName, mapped.values.familyName],
    [FIELD_LABELS.email, mapped.values.email],
    [FIELD_LABELS.netid, mapped.values.netid],
    [FIELD_LABELS.netid2, mapped.values.netid2],
    [FIELD_LABELS.netid3, mapped.values.netid3],
    [FIELD_LABELS.graduationYear, mapped.values.graduationYear?.toString()],
    ["Account-type values", mapped.accountTypeValues.length > 0 ? mapped.accountTypeValues.join(", ") : undefined],
    ["Rule that fired", mapped.decision ? `Rule ${mapped.decision.ruleIndex + 1}: ${mapped.decision.explanation}` : undefined],
    [FIELD_LABELS.accountType, mapped.accountType ?? undefined],
    ["OneRoster role", mapped.role ?? undefined],
  ];
  return (
    <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1.5 text-sm">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-500">{label}</dt>
            <dd className="break-all">{value ?? <span className="text-slate-400">—</span>}</dd>
          </div>
        ))}
      </dl>
      {mapped.problems.length > 0 ? (
        <div>
          <h3 className="text-sm font-semibold text-amber-900">Problems</h3>
          <ul className="mt-1 list-disc space-y-1 pl-5 text-sm text-amber-900">
            {mapped.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="text-sm text-emerald-800">No problems: every mapped attribute could be used.</p>
      )}
    </div>
  );
}

function RefusedTest({ reason, nameId }: { reason: string; nameId: string | null }) {
  return (
    <section aria-labelledby="refused-heading" className="space-y-4">
      <h2 id="refused-heading" className="text-lg font-semibold">
        Rollcall refused the assertion
      </h2>
      <Alert tone="error">{reason}</Alert>
      {nameId ? <p className="text-sm text-slate-600">NameID: <code>{nameId}</code></p> : null}
      <div className="rounded-lg border border-slate-200 bg-white p-5 text-sm shadow-sm">
        <h3 className="font-semibold text-slate-900">What to check</h3>
        <ul className="mt-2 list-disc space-y-1 pl-5 text-slate-700">
          <li>The identity provider&apos;s Identifier (entity ID) and Reply URL (ACS URL) are exactly Rollcall&apos;s, as shown on the Single sign-on page.</li>
          <li>The signing certificate saved in Rollcall is the one the identity provider signs with now; after a rollover, save its metadata again.</li>
          <li>The identity provider signs the assertion (or the whole response), and its clock is right.</li>
          <li>You started from the Test sign-in button, not from the identity provider&apos;s app portal, and used the sign-in within 10 minutes.</li>
        </ul>
      </div>
    </section>
  );
}
