export default function LoadingMyApps() {
  return (
    <div role="status" aria-label="Loading your apps">
      <div className="h-8 w-40 animate-pulse rounded bg-slate-200" />
      <div className="mt-8 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {[0, 1, 2].map((index) => (
          <div key={index} className="h-24 animate-pulse rounded-lg bg-slate-100" />
        ))}
      </div>
    </div>
  );
}
