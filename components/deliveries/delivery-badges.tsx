// Status and mode as small labelled badges: the word always carries the meaning, the
// colour only repeats it.
import { MODE_LABELS, STATUS_LABELS, type DeliveryMode, type DeliveryStatus } from "@/components/deliveries/delivery-filter";

const STATUS_TONES: Record<DeliveryStatus, string> = {
  pending: "border-slate-300 bg-slate-50 text-slate-700",
  retrying: "border-amber-300 bg-amber-50 text-amber-900",
  delivered: "border-emerald-300 bg-emerald-50 text-emerald-800",
  failed: "border-red-300 bg-red-50 text-red-800",
};

const STATUS_MARKS: Record<DeliveryStatus, string> = { pending: "○", retrying: "↻", delivered: "✓", failed: "✕" };

const MODE_TONES: Record<DeliveryMode, string> = {
  test: "border-violet-200 bg-violet-50 text-violet-800",
  trial: "border-sky-200 bg-sky-50 text-sky-800",
  standard: "border-slate-200 bg-white text-slate-700",
};

const badge = "inline-flex items-center gap-1 whitespace-nowrap rounded-full border px-2 py-0.5 text-xs font-medium";

export function StatusBadge({ status }: { status: DeliveryStatus }) {
  return (
    <span className={`${badge} ${STATUS_TONES[status]}`}>
      <span aria-hidden>{STATUS_MARKS[status]}</span>
      {STATUS_LABELS[status]}
    </span>
  );
}

export function ModeBadge({ mode }: { mode: DeliveryMode }) {
  return <span className={`${badge} ${MODE_TONES[mode]}`}>{MODE_LABELS[mode]}</span>;
}
