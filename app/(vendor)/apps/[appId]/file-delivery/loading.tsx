export default function LoadingFileDeliveryTab() {
  return (
    <div role="status" aria-label="Loading file delivery settings" className="space-y-8">
      <div className="h-24 animate-pulse rounded-lg border border-slate-200 bg-white" />
      <div className="h-96 animate-pulse rounded-lg border border-slate-200 bg-white" />
      <div className="h-48 animate-pulse rounded-lg bg-slate-100" />
    </div>
  );
}
