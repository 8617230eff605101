export default function LoadingCustomers() {
  return (
    <div role="status" aria-label="Loading customers" className="space-y-10">
      <div className="space-y-3">
        <div className="h-6 w-64 animate-pulse rounded bg-slate-100" />
        <div className="h-24 animate-pulse rounded-lg border border-slate-200 bg-white" />
        <div className="h-24 animate-pulse rounded-lg border border-slate-200 bg-white" />
      </div>
      <div className="h-20 animate-pulse rounded-lg bg-slate-100" />
      <div className="h-48 animate-pulse rounded-lg border border-slate-200 bg-white" />
    </div>
  );
}
