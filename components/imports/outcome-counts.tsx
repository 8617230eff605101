import type { Outcome, OutcomeCounts as Counts } from "@/lib/imports/types";

export const OUTCOME_LABELS: Record<Outcome, string> = {
  create: "To create",
  update: "To update",
  unchanged: "Unchanged",
  deactivate: "To deactivate",
  conflict: "Conflicts",
  error: "Errors",
};

const DONE_LABELS: Record<Outcome, string> = { create: "Created", update: "Updated", unchanged: "Unchanged", deactivate: "Deactivated", conflict: "Conflicts", error: "Errors" };

const TONE: Record<Outcome, string> = {
  create: "text-emerald-700",
  update: "text-brand-700",
  unchanged: "text-slate-600",
  deactivate: "text-amber-700",
  conflict: "text-orange-700",
  error: "text-red-700",
};

export function OutcomeCounts({ counts, done = false }: { counts: Counts; done?: boolean }) {
  const labels = done ? DONE_LABELS : OUTCOME_LABELS;
  return (
    <dl className="grid grid-cols-3 gap-3 sm:grid-cols-6">
      {(Object.keys(labels) as Outcome[]).map((outcome) => (
        <div key={outcome} className="rounded-md border border-slate-200 bg-white px-3 py-2">
          <dt className="text-xs text-slate-500">{labels[outcome]}</dt>
          <dd className={`text-lg font-semibold tabular-nums ${counts[outcome] > 0 ? TONE[outcome] : "text-slate-400"}`}>{counts[outcome].toLocaleString("en-US")}</dd>
        </div>
      ))}
    </dl>
  );
}
