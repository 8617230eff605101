export default function LoadingDistrict() {
  return (
    <div role="status" aria-label="Loading the district" className="space-y-6">
      <div className="h-8 w-64 animate-pulse rounded bg-slate-200" />
      <div className="h-40 max-w-3xl animate-pulse rounded-lg bg-slate-100" />
      <div className="h-48 max-w-3xl animate-pulse rounded-lg bg-slate-100" />
    </div>
  );
}
