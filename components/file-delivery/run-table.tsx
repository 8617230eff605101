"use client";

// The delivery log's table: per run, the district, when, how it was started, its status, the
// files (rows, size, SHA-256), how long it took, where it went, attempts and the error in words.
import { LocalDateTime } from "@/components/deliveries/local-time";
import { ERROR_KIND_LABELS, RunStatusBadge } from "@/components/file-delivery/run-status-badge";
import { CopyButton } from "@/components/ui/copy-button";
import { NoValue } from "@/components/ui/no-value";
import type { DeliveryRunRow } from "@/lib/deliveries/log";

export function RunTable({ rows, busy }: { rows: DeliveryRunRow[]; busy: boolean }) {
  return (
    <div className={`overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm ${busy ? "opacity-60" : ""}`} aria-busy={busy}>
      <table className="min-w-full text-left text-sm">
        <caption className="sr-only">Delivery runs</caption>
        <thead className="bg-slate-50 text-slate-600">
          <tr>
            {["District", "When", "Trigger", "Status", "Files", "Duration", "Destination", "Attempts", "Error"].map((title) => (
              <th key={title} scope="col" className="px-3 py-2 font-medium whitespace-nowrap">
                {title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((run) => (
            <tr key={run.id} className="border-t border-slate-100 align-top">
              <td className="px-3 py-2 font-medium">{run.districtName}</td>
              <td className="px-3 py-2 text-xs whitespace-nowrap">
                <Moment label="Queued" at={run.queuedAt} />
                <Moment label="Started" at={run.startedAt} />
                <Moment label="Finished" at={run.finishedAt} />
              </td>
              <td className="px-3 py-2">{run.trigger === "manual" ? "Deliver now" : "Schedule"}</td>
              <td className="px-3 py-2">
                <RunStatusBadge status={run.status} />
                <span className="mt-1 block text-xs text-slate-500">{run.format === "custom_csv" ? `Custom v${run.formatVersion ?? "?"}` : "OneRoster CSV"}</span>
              </td>
              <td className="px-3 py-2">{run.files.length === 0 ? <NoValue /> : <RunFiles files={run.files} />}</td>
              <td className="px-3 py-2 whitespace-nowrap">{run.durationMs === null ? <NoValue /> : duration(run.durationMs)}</td>
              <td className="px-3 py-2 font-mono text-xs break-all">{run.destination || <NoValue />}</td>
              <td className="px-3 py-2 text-center">{run.attempts}</td>
              <td className="px-3 py-2 text-xs">
                {run.errorKind || run.error ? (
                  <>
                    {run.errorKind ? <span className="font-medium text-red-800">{ERROR_KIND_LABELS[run.errorKind] ?? run.errorKind}. </span> : null}
                    {run.error}
                  </>
                ) : (
                  <NoValue />
                )}
                {run.nextAttemptAt ? (
                  <span className="mt-1 block text-slate-600">
                    Next attempt <LocalDateTime at={iso(run.nextAttemptAt)} relative="after" compact />
                  </span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RunFiles({ files }: { files: DeliveryRunRow["files"] }) {
  return (
    <ul className="space-y-2">
      {files.map((file) => (
        <li key={file.name}>
          <span className="font-mono text-xs">{file.name}</span>
          <span className="block text-xs text-slate-600">
            {file.rows.toLocaleString("en-US")} {file.rows === 1 ? "row" : "rows"} · {bytes(file.bytes)}
          </span>
          <span className="flex items-center gap-2 text-xs text-slate-500">
            <abbr title={file.sha256} className="font-mono no-underline">
              SHA-256 {file.sha256.slice(0, 12)}…
            </abbr>
            <CopyButton text={file.sha256} label={`Copy SHA-256 of ${file.name}`} />
          </span>
        </li>
      ))}
    </ul>
  );
}

function Moment({ label, at }: { label: string; at: Date | string | null }) {
  if (!at) return null;
  return (
    <span className="block">
      <span className="text-slate-500">{label} </span>
      <LocalDateTime at={iso(at)} compact />
    </span>
  );
}

function iso(at: Date | string): string {
  return new Date(at).toISOString();
}

function duration(ms: number): string {
  if (ms < 1_000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1_000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1_000)} s`;
}

function bytes(count: number): string {
  if (count < 1_024) return `${count} B`;
  if (count < 1_048_576) return `${(count / 1_024).toFixed(1)} KB`;
  return `${(count / 1_048_576).toFixed(1)} MB`;
}
