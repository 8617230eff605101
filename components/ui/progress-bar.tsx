/** A determinate bar when the total is known, an indeterminate one (no value announced) when not. */
export function ProgressBar({ label, value, max }: { label: string; value: number; max: number | null }) {
  const percent = max && max > 0 ? Math.min(100, Math.round((value / max) * 100)) : null;
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={percent === null ? undefined : 100}
      aria-valuenow={percent ?? undefined}
      className="h-2.5 w-full overflow-hidden rounded-full bg-slate-200"
    >
      <div
        className={`h-full rounded-full bg-brand-600 transition-[width] duration-500 ${percent === null ? "w-1/3 animate-pulse" : ""}`}
        style={percent === null ? undefined : { width: `${percent}%` }}
      />
    </div>
  );
}
