/** The placeholder of a filtered table while it loads: its filters' row and the table. */
export function TableSkeleton({ label, tall = false }: { label: string; tall?: boolean }) {
  return (
    <div role="status" aria-label={label} className="space-y-2">
      <div className="h-10 animate-pulse rounded bg-slate-100" />
      <div className={`${tall ? "h-96" : "h-48"} animate-pulse rounded-lg bg-slate-100`} />
    </div>
  );
}
