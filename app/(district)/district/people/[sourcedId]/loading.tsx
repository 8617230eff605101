export default function LoadingPerson() {
  return (
    <div role="status" aria-label="Loading the person" className="space-y-6">
      <div className="h-8 w-64 animate-pulse rounded bg-slate-200" />
      <div className="h-48 animate-pulse rounded-lg bg-slate-100" />
      <div className="h-96 animate-pulse rounded-lg bg-slate-100" />
    </div>
  );
}
