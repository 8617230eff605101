export default function LoadingImportsSftp() {
  return (
    <div role="status" aria-label="Loading SFTP drop" className="space-y-6">
      <div className="h-7 w-40 animate-pulse rounded bg-slate-200" />
      <div className="h-40 max-w-3xl animate-pulse rounded-lg bg-slate-100" />
      <div className="h-32 max-w-5xl animate-pulse rounded-lg bg-slate-100" />
      <div className="h-24 max-w-3xl animate-pulse rounded-lg bg-slate-100" />
    </div>
  );
}
