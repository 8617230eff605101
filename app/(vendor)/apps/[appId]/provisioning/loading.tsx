export default function LoadingProvisioning() {
  return (
    <div role="status" aria-label="Loading provisioning settings" className="grid gap-8 lg:grid-cols-[1fr_18rem]">
      <div className="h-[36rem] animate-pulse rounded-lg border border-slate-200 bg-white" />
      <div className="h-40 animate-pulse rounded-lg bg-slate-100" />
    </div>
  );
}
