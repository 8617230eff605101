export default function LoadingSignInTab() {
  return (
    <div role="status" aria-label="Loading sign-in settings" className="space-y-8">
      <div className="h-48 animate-pulse rounded-lg border border-slate-200 bg-white" />
      <div className="h-80 animate-pulse rounded-lg bg-slate-100" />
    </div>
  );
}
