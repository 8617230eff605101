export default function Loading() {
  return (
    <div role="status" aria-label="Loading API keys" className="space-y-3">
      <div className="h-8 w-40 animate-pulse rounded bg-slate-200" />
      <div className="h-32 animate-pulse rounded-lg bg-slate-100" />
    </div>
  );
}
