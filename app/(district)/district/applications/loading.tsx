export default function LoadingMyApplications() {
  return (
    <div role="status" aria-label="Loading your applications" className="space-y-6">
      <div className="h-8 w-56 animate-pulse rounded bg-slate-200" />
      <div className="h-16 animate-pulse rounded-lg bg-slate-100" />
      <div className="h-48 animate-pulse rounded-lg bg-slate-100" />
      <div className="h-48 animate-pulse rounded-lg bg-slate-100" />
    </div>
  );
}
