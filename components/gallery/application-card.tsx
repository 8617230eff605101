// One application in the gallery. The whole card is clickable through its title link (one
// tab stop per card); in the vendor's preview it links nowhere.
import Link from "next/link";
import { ActivationStatus } from "@/components/gallery/activation-status";
import { MonogramLogo } from "@/components/gallery/monogram-logo";
import type { GalleryCard } from "@/components/gallery/types";

export function ApplicationCard({ card, preview = false }: { card: GalleryCard; preview?: boolean }) {
  return (
    <article
      aria-label={card.name}
      className={`relative flex h-full flex-col gap-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm ${
        preview ? "" : "hover:border-brand-500 has-[a:focus-visible]:border-brand-500 has-[a:focus-visible]:ring-2 has-[a:focus-visible]:ring-brand-100"
      }`}
    >
      <div className="flex items-start gap-4">
        <MonogramLogo name={card.name} />
        <div className="min-w-0">
          <h3 className="font-semibold break-words">
            {preview ? (
              card.name
            ) : (
              <Link href={`/district/gallery/${card.id}`} className="after:absolute after:inset-0 after:rounded-lg">
                {card.name}
              </Link>
            )}
          </h3>
          <p className="text-sm text-slate-500">{card.vendorName}</p>
        </div>
      </div>
      {card.description ? <p className="line-clamp-3 text-sm text-slate-700">{card.description}</p> : null}
      {card.activation ? (
        <div className="mt-auto">
          <ActivationStatus activation={card.activation} />
        </div>
      ) : null}
    </article>
  );
}
