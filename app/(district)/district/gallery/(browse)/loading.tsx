// The gallery sits in a route group so that this loading state wraps only the gallery
// itself: inside a streamed loading boundary, the application page's "not found" for an
// unpublished application would be sent with status 200 instead of 404.
export default function LoadingGallery() {
  return (
    <div role="status" aria-label="Loading the Application Gallery" className="space-y-6">
      <div className="h-8 w-64 animate-pulse rounded bg-slate-200" />
      <div className="h-40 animate-pulse rounded-xl bg-slate-100" />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <div className="h-36 animate-pulse rounded-lg bg-slate-100" />
        <div className="h-36 animate-pulse rounded-lg bg-slate-100" />
        <div className="h-36 animate-pulse rounded-lg bg-slate-100" />
      </div>
    </div>
  );
}
