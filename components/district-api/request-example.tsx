// A request a district's developer can paste into a terminal, and the answer it gets, so the
// format is clear before anyone opens the reference.
import { CopyButton } from "@/components/ui/copy-button";

const SAMPLE_BODY = {
  people: [
    { netid: "100234", email: "ada.lovelace@students.example.org", first_name: "Ada", last_name: "Lovelace", account_type: "Student", grade: "7", school: "Lincoln Middle School", graduation_year: 2031 },
    { netid: "100871", status: "inactive" },
  ],
};

const SAMPLE_ANSWER = {
  importId: "…",
  results: [
    { index: 0, outcome: "created", matchedBy: null, sourcedId: "…", errors: [] },
    { index: 1, outcome: "updated", matchedBy: "netid", sourcedId: "…", errors: [] },
  ],
  summary: { total: 2, created: 1, updated: 1, unchanged: 0, conflict: 0, error: 0 },
};

export function RequestExample({ url, tokenPrefix }: { url: string; tokenPrefix: string }) {
  const curl = [
    `curl -X POST '${url}' \\`,
    `  -H 'Authorization: Bearer ${tokenPrefix}…' \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  --data '${JSON.stringify(SAMPLE_BODY)}'`,
  ].join("\n");
  return (
    <div className="max-w-3xl space-y-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h4 id="request-example-heading" className="text-sm font-medium text-slate-800">
          Example request
        </h4>
        <CopyButton text={curl} label="Copy example request" />
      </div>
      <pre aria-labelledby="request-example-heading" className="overflow-x-auto rounded bg-slate-900 p-3 font-mono text-xs text-slate-100">
        {curl}
      </pre>
      <h4 id="answer-example-heading" className="text-sm font-medium text-slate-800">
        Answer (HTTP 200, one result per person, in the order sent)
      </h4>
      <pre aria-labelledby="answer-example-heading" className="overflow-x-auto rounded bg-slate-50 p-3 font-mono text-xs text-slate-800 ring-1 ring-slate-200">
        {JSON.stringify(SAMPLE_ANSWER, null, 2)}
      </pre>
    </div>
  );
}
