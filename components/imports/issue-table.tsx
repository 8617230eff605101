import type { ImportIssueView } from "@/lib/imports/queries";

const KIND_STYLE = { error: "bg-red-50 text-red-700", conflict: "bg-orange-50 text-orange-700", warning: "bg-amber-50 text-amber-800" } as const;

/** "line 42, email: 'jsmith@' is not an email address." */
export function describeIssue(issue: Pick<ImportIssueView, "line" | "column" | "message">): string {
  const where = [issue.line === null ? null : `line ${issue.line}`, issue.column].filter(Boolean).join(", ");
  return where ? `${where}: ${issue.message}` : issue.message;
}

export function IssueTable({ issues, total, reportHref }: { issues: ImportIssueView[]; total: number; reportHref: string }) {
  if (issues.length === 0) return null;
  return (
    <div className="mt-4">
      <div className="flex items-baseline justify-between gap-4">
        <h3 className="text-sm font-semibold text-slate-800">
          {total.toLocaleString("en-US")} problem{total === 1 ? "" : "s"}
          {total > issues.length ? ` (the first ${issues.length} below)` : ""}
        </h3>
        <a href={reportHref} className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
          Download error report (CSV)
        </a>
      </div>
      <div className="mt-2 max-h-96 overflow-auto rounded-md border border-slate-200">
        <table className="w-full text-left text-sm">
          <thead className="sticky top-0 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="px-3 py-2">Kind</th>
              <th scope="col" className="px-3 py-2">File</th>
              <th scope="col" className="px-3 py-2">Line</th>
              <th scope="col" className="px-3 py-2">Column</th>
              <th scope="col" className="px-3 py-2">Problem</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {issues.map((issue) => (
              <tr key={issue.id} aria-label={describeIssue(issue)}>
                <td className="px-3 py-2">
                  <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${KIND_STYLE[issue.kind]}`}>{issue.kind}</span>
                </td>
                <td className="px-3 py-2 text-slate-600">{issue.file ?? "—"}</td>
                <td className="px-3 py-2 tabular-nums text-slate-600">{issue.line ?? "—"}</td>
                <td className="px-3 py-2 font-mono text-xs text-slate-700">{issue.column ?? "—"}</td>
                <td className="px-3 py-2 text-slate-800">{issue.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
