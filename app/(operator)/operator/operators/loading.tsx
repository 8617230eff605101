export default function LoadingOperators() {
  return (
    <div role="status" aria-label="Loading Operators" className="space-y-6">
      <div className="h-8 w-40 animate-pulse rounded bg-slate-200" />
      <div className="h-32 animate-pulse rounded-lg bg-slate-100" />
      <div className="h-24 max-w-3xl animate-pulse rounded-lg bg-slate-100" />
    </div>
  );
}
