// A run's status as a labelled badge: the word carries the meaning, the colour repeats it.
import type { RunStatus } from "@/lib/deliveries/settings-schema";

export const RUN_STATUS_LABELS: Record<RunStatus, string> = {
  queued: "Queued",
  running: "Running",
  delivered: "Delivered",
  failed: "Failed",
  stopped: "Stopped",
};

const TONES: Record<RunStatus, string> = {
  queued: "border-slate-300 bg-slate-50 text-slate-700",
  running: "border-sky-300 bg-sky-50 text-sky-800",
  delivered: "border-emerald-300 bg-emerald-50 text-emerald-800",
  failed: "border-red-300 bg-red-50 text-red-800",
  stopped: "border-amber-300 bg-amber-50 text-amber-900",
};

const MARKS: Record<RunStatus, string> = { queued: "○", running: "↻", delivered: "✓", failed: "✕", stopped: "■" };

export function RunStatusBadge({ status }: { status: RunStatus }) {
  return (
    <span className={`inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-medium whitespace-nowrap ${TONES[status]}`}>
      <span aria-hidden>{MARKS[status]}</span>
      {RUN_STATUS_LABELS[status]}
    </span>
  );
}

/** The kind of a failure, as the log says it. */
export const ERROR_KIND_LABELS: Record<string, string> = {
  auth_refused: "Sign-in refused",
  host_key_changed: "Host key changed",
  host_key_unconfirmed: "Host key not confirmed",
  disk_full: "Disk full",
  timeout: "Timed out",
  unreachable: "Server unreachable",
  blocked_address: "Address not allowed",
  error: "Error",
};
