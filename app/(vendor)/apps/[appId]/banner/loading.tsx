export default function LoadingBanner() {
  return (
    <div role="status" aria-label="Loading banner" className="grid gap-8 lg:grid-cols-2">
      <div className="h-[40rem] animate-pulse rounded-lg border border-slate-200 bg-white" />
      <div className="h-48 animate-pulse rounded-xl bg-slate-100" />
    </div>
  );
}
