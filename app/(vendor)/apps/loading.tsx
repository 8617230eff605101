export default function LoadingApplications() {
  return (
    <div role="status" aria-label="Loading applications" className="grid gap-4 sm:grid-cols-2">
      <div className="h-32 animate-pulse rounded-lg bg-slate-100" />
      <div className="h-32 animate-pulse rounded-lg bg-slate-100" />
    </div>
  );
}
