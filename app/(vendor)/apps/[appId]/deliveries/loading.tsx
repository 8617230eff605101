export default function LoadingDeliveries() {
  return (
    <div role="status" aria-label="Loading deliveries" className="space-y-4">
      <div className="h-14 animate-pulse rounded-lg bg-slate-100" />
      <div className="h-96 animate-pulse rounded-lg border border-slate-200 bg-white" />
    </div>
  );
}
