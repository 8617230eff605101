export default function LoadingDelivery() {
  return (
    <div role="status" aria-label="Loading delivery" className="space-y-4">
      <div className="h-56 animate-pulse rounded-lg border border-slate-200 bg-white" />
      <div className="h-40 animate-pulse rounded-lg bg-slate-100" />
    </div>
  );
}
