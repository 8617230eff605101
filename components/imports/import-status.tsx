"use client";

// One import from upload to the end: progress while it validates, the preview with the choice
// to import, progress while it applies (rows, rows/s, time left), then what it did. The page
// polls while the import is at work, so a reload picks up where it was.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { IssueTable } from "@/components/imports/issue-table";
import { OutcomeCounts } from "@/components/imports/outcome-counts";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ProgressBar } from "@/components/ui/progress-bar";
import { confirmImportAction, discardImportAction } from "@/lib/imports/actions";
import type { ImportIssueView, ImportSummary } from "@/lib/imports/queries";

type Detail = { summary: ImportSummary; issues: ImportIssueView[] };
const POLL_MS = 1_000;

async function fetchImport(importId: string): Promise<Detail> {
  const response = await fetch(`/api/district/imports/${importId}`, { cache: "no-store" });
  if (!response.ok) throw new Error("Could not refresh this import. Reload the page.");
  return (await response.json()) as Detail;
}

function duration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  return minutes < 60 ? `${minutes} min ${seconds % 60} s` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

function ApplyProgress({ summary }: { summary: ImportSummary }) {
  const elapsedMs = summary.startedAt ? Date.now() - Date.parse(summary.startedAt) : 0;
  const rate = elapsedMs > 1_000 ? summary.rowsDone / (elapsedMs / 1000) : 0;
  const left = rate > 0 && summary.rowsTotal > summary.rowsDone ? ((summary.rowsTotal - summary.rowsDone) / rate) * 1000 : null;
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-700">{summary.startedAt ? "Importing…" : "Waiting for the import to start…"}</p>
      <ProgressBar label="Import progress" value={summary.rowsDone} max={summary.rowsTotal || null} />
      <p className="text-xs tabular-nums text-slate-600">
        {summary.rowsDone.toLocaleString("en-US")} of {summary.rowsTotal.toLocaleString("en-US")} rows
        {rate > 0 ? ` · ${Math.round(rate).toLocaleString("en-US")} rows/s` : ""}
        {left !== null ? ` · about ${duration(left)} left` : ""}
      </p>
      <p className="text-xs text-slate-500">You can leave this page: the import goes on, and its progress is here when you come back.</p>
    </div>
  );
}

function Preview({ summary, issues }: Detail) {
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const problems = summary.counts.error + summary.counts.conflict;
  const writes = summary.counts.create + summary.counts.update + summary.counts.deactivate;
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["import", summary.id] });
  const confirm = useMutation({
    mutationFn: (validRowsOnly: boolean) => confirmImportAction({ importId: summary.id, validRowsOnly }),
    onSuccess: (result) => (result.ok ? refresh() : setError(result.formError)),
  });
  const discard = useMutation({
    mutationFn: () => discardImportAction({ importId: summary.id }),
    onSuccess: (result) => (result.ok ? refresh() : setError(result.formError)),
  });
  const busy = confirm.isPending || discard.isPending;
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-700">
        {summary.rowsTotal.toLocaleString("en-US")} rows checked{summary.mode ? ` (${summary.mode} file)` : ""}. Nothing has been written yet.
      </p>
      <OutcomeCounts counts={summary.counts} />
      <IssueTable issues={issues} total={summary.issueCount} reportHref={`/api/district/imports/${summary.id}/errors`} />
      {error ? <Alert tone="error">{error}</Alert> : null}
      <div className="flex flex-wrap items-center gap-3">
        {problems === 0 ? (
          <Button onClick={() => confirm.mutate(false)} disabled={busy}>
            {writes === 0 ? "Confirm (nothing to change)" : `Import ${writes.toLocaleString("en-US")} change${writes === 1 ? "" : "s"}`}
          </Button>
        ) : (
          <Button onClick={() => confirm.mutate(true)} disabled={busy}>
            Import the valid rows only
          </Button>
        )}
        <Button variant="secondary" onClick={() => discard.mutate()} disabled={busy}>
          Discard
        </Button>
        {problems > 0 ? (
          <Link href="/district/imports" className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline">
            Fix the file and upload it again
          </Link>
        ) : null}
      </div>
    </div>
  );
}

export function ImportStatus({ initial }: { initial: Detail }) {
  const query = useQuery({
    queryKey: ["import", initial.summary.id],
    queryFn: () => fetchImport(initial.summary.id),
    initialData: initial,
    refetchInterval: (state) => (state.state.data?.summary.status === "validating" || state.state.data?.summary.status === "applying" ? POLL_MS : false),
  });
  const { summary, issues } = query.data;
  const again = (
    <Link href="/district/imports" className="font-medium underline underline-offset-2">
      Upload a corrected file
    </Link>
  );

  switch (summary.status) {
    case "validating":
      return (
        <div className="space-y-2">
          <p className="text-sm text-slate-700">Checking every row… {summary.rowsDone.toLocaleString("en-US")} so far.</p>
          <ProgressBar label="Validation progress" value={summary.rowsDone} max={summary.rowsTotal || null} />
        </div>
      );
    case "previewed":
      return <Preview summary={summary} issues={issues} />;
    case "applying":
      return <ApplyProgress summary={summary} />;
    case "completed":
      return (
        <div className="space-y-4">
          <Alert tone="success">
            Import finished
            {summary.startedAt && summary.finishedAt ? ` in ${duration(Date.parse(summary.finishedAt) - Date.parse(summary.startedAt))}` : ""}.
            {summary.validRowsOnly && summary.counts.error + summary.counts.conflict > 0 ? " Rows with problems were skipped." : ""}
          </Alert>
          <OutcomeCounts counts={summary.counts} done />
          <IssueTable issues={issues} total={summary.issueCount} reportHref={`/api/district/imports/${summary.id}/errors`} />
        </div>
      );
    case "discarded":
      return <Alert tone="info">This upload was discarded; nothing was written.</Alert>;
    default:
      return (
        <Alert tone="error">
          {summary.message ?? "This import stopped; nothing was written."} {summary.channel === "upload" ? again : null}
        </Alert>
      );
  }
}
