export default function LoadingImportsApi() {
  return (
    <div role="status" aria-label="Loading API tokens" className="space-y-6">
      <div className="h-7 w-40 animate-pulse rounded bg-slate-200" />
      <div className="h-20 max-w-2xl animate-pulse rounded-lg bg-slate-100" />
      <div className="h-32 max-w-4xl animate-pulse rounded-lg bg-slate-100" />
    </div>
  );
}
