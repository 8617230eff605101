// One application on My apps. The whole tile opens it through its name link (one tab stop per
// tile); an application whose vendor has not set a launch URL is shown, but cannot be opened.
import { MonogramLogo } from "@/components/gallery/monogram-logo";
import type { AppTile as Tile } from "@/lib/launch/portal";

export function AppTile({ tile }: { tile: Tile }) {
  return (
    <article
      aria-label={tile.name}
      className={`relative flex h-full items-start gap-4 rounded-lg border p-5 shadow-sm ${
        tile.launchable
          ? "border-slate-200 bg-white hover:border-brand-500 has-[a:focus-visible]:border-brand-500 has-[a:focus-visible]:ring-2 has-[a:focus-visible]:ring-brand-100"
          : "border-dashed border-slate-300 bg-slate-50"
      }`}
    >
      <span className={tile.launchable ? undefined : "opacity-60"}>
        <MonogramLogo name={tile.name} />
      </span>
      <div className="min-w-0">
        <h2 className="font-semibold break-words">
          {tile.launchable ? (
            // A plain link: /launch answers with a redirect to the vendor, never a page to prefetch.
            <a href={`/launch/${tile.applicationId}`} className="after:absolute after:inset-0 after:rounded-lg focus-visible:outline-none">
              {tile.name}
            </a>
          ) : (
            <span className="text-slate-600">{tile.name}</span>
          )}
        </h2>
        <p className="text-sm text-slate-500">{tile.vendorName}</p>
        {tile.launchable ? null : <p className="mt-2 text-sm font-medium text-slate-600">Not ready to open yet</p>}
      </div>
    </article>
  );
}
