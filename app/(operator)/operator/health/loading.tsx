export default function LoadingOperatorHealth() {
  return (
    <div role="status" aria-label="Loading the instance's health" className="space-y-6">
      <div className="h-8 w-32 animate-pulse rounded bg-slate-200" />
      <div className="h-24 animate-pulse rounded-lg bg-slate-100" />
      <div className="h-72 animate-pulse rounded-lg bg-slate-100" />
    </div>
  );
}
