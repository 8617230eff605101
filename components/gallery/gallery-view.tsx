"use client";

// The Application Gallery's body: live promotion banners, then every published application
// as a card, filtered by name as the admin types. In preview (the vendor's banner builder)
// nothing can change data: banner buttons are inert and cards link nowhere.
import { useId, useRef, useState } from "react";
import { ApplicationCard } from "@/components/gallery/application-card";
import { PromoBanner } from "@/components/gallery/promo-banner";
import { TrialBanner } from "@/components/gallery/trial-banner";
import type { GalleryBanner, GalleryCard } from "@/components/gallery/types";
import { Button } from "@/components/ui/button";
import { filterByName } from "@/lib/gallery/search";

type GalleryViewProps = { banners: GalleryBanner[]; cards: GalleryCard[]; preview?: boolean };

export function GalleryView({ banners, cards, preview = false }: GalleryViewProps) {
  const activationOf = (applicationId: string) => cards.find((card) => card.id === applicationId)?.activation ?? null;
  return (
    <div className="space-y-8">
      {banners.length > 0 ? (
        <section aria-label="Featured" className="space-y-4">
          {banners.map((banner) =>
            preview ? (
              <PromoBanner key={banner.applicationId} banner={banner} applicationName={banner.applicationName} vendorName={banner.vendorName} />
            ) : (
              <TrialBanner key={banner.applicationId} banner={banner} activation={activationOf(banner.applicationId)} />
            ),
          )}
        </section>
      ) : null}
      <ApplicationList cards={cards} preview={preview} />
    </div>
  );
}

function ApplicationList({ cards, preview }: { cards: GalleryCard[]; preview: boolean }) {
  const id = useId();
  const [query, setQuery] = useState("");
  const searchRef = useRef<HTMLInputElement>(null);
  const shown = filterByName(cards, query);
  const searching = query.trim() !== "";

  if (cards.length === 0) {
    return (
      <section aria-labelledby={`${id}-heading`}>
        <h2 id={`${id}-heading`} className="text-lg font-semibold">
          Applications
        </h2>
        <div className="mt-4 rounded-lg border border-dashed border-slate-300 p-8 text-center">
          <p className="font-medium text-slate-800">No applications yet</p>
          <p className="mt-1 text-sm text-slate-600">When vendors publish their applications in Rollcall, they appear here.</p>
        </div>
      </section>
    );
  }

  const clearSearch = () => {
    setQuery("");
    searchRef.current?.focus();
  };

  return (
    <section aria-labelledby={`${id}-heading`}>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h2 id={`${id}-heading`} className="text-lg font-semibold">
          Applications
        </h2>
        <div className="w-full sm:w-72">
          <label htmlFor={`${id}-search`} className="mb-1 block text-sm font-medium text-slate-800">
            Search applications
          </label>
          <input
            ref={searchRef}
            id={`${id}-search`}
            type="search"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={(event) => (event.key === "Escape" && query ? clearSearch() : undefined)}
            placeholder="Application name"
            autoComplete="off"
            aria-describedby={`${id}-count`}
            className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm placeholder:text-slate-400 focus:border-brand-500 focus:ring-2 focus:ring-brand-100 focus:outline-none"
          />
        </div>
      </div>
      <p id={`${id}-count`} role="status" className="mt-3 text-sm text-slate-600">
        {countText(shown.length, cards.length, searching ? query.trim() : null)}
      </p>
      {shown.length === 0 ? (
        <div className="mt-4 rounded-lg border border-dashed border-slate-300 p-8 text-center">
          <p className="font-medium text-slate-800">No match for “{query.trim()}”</p>
          <p className="mt-1 text-sm text-slate-600">Check the spelling, or search for one word of the name.</p>
          <Button variant="secondary" className="mt-4" onClick={clearSearch}>
            Clear search
          </Button>
        </div>
      ) : (
        <ul className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {shown.map((card) => (
            <li key={card.id}>
              <ApplicationCard card={card} preview={preview} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function countText(shown: number, total: number, query: string | null): string {
  if (query === null) return `${total} application${total === 1 ? "" : "s"}`;
  if (shown === 0) return `No application matches “${query}”.`;
  return `${shown} of ${total} application${total === 1 ? "" : "s"} match${shown === 1 ? "es" : ""} “${query}”.`;
}
