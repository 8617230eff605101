import Link from "next/link";
import { LocalDateTime } from "@/components/deliveries/local-time";
import type { ImportSummary } from "@/lib/imports/queries";

const CHANNEL = { upload: "Upload", sftp: "SFTP drop", api: "Upsert API" } as const;
const STATUS_STYLE: Record<ImportSummary["status"], string> = {
  validating: "bg-brand-50 text-brand-700",
  previewed: "bg-amber-50 text-amber-800",
  applying: "bg-brand-50 text-brand-700",
  completed: "bg-emerald-50 text-emerald-700",
  failed: "bg-red-50 text-red-700",
  rejected: "bg-red-50 text-red-700",
  discarded: "bg-slate-100 text-slate-600",
};
const STATUS_LABEL: Record<ImportSummary["status"], string> = {
  validating: "Validating",
  previewed: "Awaiting confirmation",
  applying: "Importing",
  completed: "Completed",
  failed: "Failed",
  rejected: "Rejected",
  discarded: "Discarded",
};

function took(summary: ImportSummary): string {
  if (!summary.finishedAt) return "—";
  const ms = Date.parse(summary.finishedAt) - Date.parse(summary.startedAt ?? summary.createdAt);
  return ms < 1_000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

function countsText({ counts }: ImportSummary): string {
  const parts = [
    [counts.create, "created"],
    [counts.update, "updated"],
    [counts.deactivate, "deactivated"],
    [counts.unchanged, "unchanged"],
    [counts.conflict, "conflicts"],
    [counts.error, "errors"],
  ] as const;
  const shown = parts.filter(([count]) => count > 0).map(([count, label]) => `${count.toLocaleString("en-US")} ${label}`);
  return shown.length > 0 ? shown.join(", ") : "—";
}

export function ImportHistory({ imports, page, pages }: { imports: ImportSummary[]; page: number; pages: number }) {
  if (imports.length === 0) {
    return <p className="rounded-lg border border-dashed border-slate-300 px-4 py-8 text-center text-sm text-slate-600">No imports yet. Uploads, SFTP drops and upsert API calls appear here.</p>;
  }
  return (
    <div>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Import history</caption>
          <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="px-3 py-2">When</th>
              <th scope="col" className="px-3 py-2">Who</th>
              <th scope="col" className="px-3 py-2">Way in</th>
              <th scope="col" className="px-3 py-2">File</th>
              <th scope="col" className="px-3 py-2">Status</th>
              <th scope="col" className="px-3 py-2">Rows</th>
              <th scope="col" className="px-3 py-2">Took</th>
              <th scope="col" className="px-3 py-2"><span className="sr-only">Error report</span></th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {imports.map((summary) => (
              <tr key={summary.id}>
                <td className="whitespace-nowrap px-3 py-2 text-slate-600"><LocalDateTime at={summary.createdAt} compact /></td>
                <td className="px-3 py-2 text-slate-700">{summary.createdBy ?? "—"}</td>
                <td className="px-3 py-2 text-slate-700">{CHANNEL[summary.channel]}</td>
                <td className="max-w-48 truncate px-3 py-2">
                  <Link href={`/district/imports/${summary.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                    {summary.fileName ?? `${summary.rowsTotal} ${summary.rowsTotal === 1 ? "person" : "people"}`}
                  </Link>
                </td>
                <td className="px-3 py-2">
                  <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${STATUS_STYLE[summary.status]}`} title={summary.message ?? undefined}>{STATUS_LABEL[summary.status]}</span>
                </td>
                <td className="px-3 py-2 text-slate-700">{countsText(summary)}</td>
                <td className="whitespace-nowrap px-3 py-2 tabular-nums text-slate-600">{took(summary)}</td>
                <td className="whitespace-nowrap px-3 py-2">
                  {summary.issueCount > 0 ? (
                    <a href={`/api/district/imports/${summary.id}/errors`} className="text-brand-700 underline-offset-2 hover:underline">Error report</a>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 ? (
        <nav aria-label="Import history pages" className="mt-3 flex items-center justify-between text-sm">
          {page > 1 ? <Link href={`/district/imports?page=${page - 1}`} className="text-brand-700 hover:underline">← Newer</Link> : <span />}
          <span className="text-slate-500">Page {page} of {pages}</span>
          {page < pages ? <Link href={`/district/imports?page=${page + 1}`} className="text-brand-700 hover:underline">Older →</Link> : <span />}
        </nav>
      ) : null}
    </div>
  );
}
