"use client";

// Preview in gallery: the whole Application Gallery as a district sees it, with the
// unsaved draft banner first (in place of this application's live one). Nothing in it can
// change data: the gallery renders in preview mode.
import { useRef, useState } from "react";
import { GalleryView } from "@/components/gallery/gallery-view";
import type { GalleryBanner, GalleryCard } from "@/components/gallery/types";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

export type GalleryContents = { banners: GalleryBanner[]; cards: GalleryCard[] };

type GalleryPreviewDialogProps = {
  draft: GalleryBanner;
  gallery: GalleryContents;
  /** Why districts would not see the banner once saved as it is, if they would not. */
  hiddenBecause: string | null;
};

export function GalleryPreviewDialog({ draft, gallery, hiddenBecause }: GalleryPreviewDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Rendered only while open: the gallery is large, and the draft is read when it opens.
  const [open, setOpen] = useState(false);

  const show = () => {
    setOpen(true);
    dialogRef.current?.showModal();
    headingRef.current?.focus();
  };

  const banners = [draft, ...gallery.banners.filter((banner) => banner.applicationId !== draft.applicationId)];

  return (
    <>
      <Button variant="secondary" onClick={show}>
        Preview in gallery
      </Button>
      <dialog
        ref={dialogRef}
        aria-labelledby="gallery-preview-heading"
        onClose={() => setOpen(false)}
        className="m-0 h-dvh max-h-none w-screen max-w-none bg-slate-50 p-0 text-slate-900 backdrop:bg-slate-900/50"
      >
        <div className="flex h-full flex-col">
          <header className="flex flex-wrap items-center justify-between gap-4 border-b border-slate-200 bg-white px-6 py-4">
            <div>
              <h2 id="gallery-preview-heading" ref={headingRef} tabIndex={-1} className="text-lg font-semibold focus:outline-none">
                Gallery preview
              </h2>
              <p className="mt-0.5 text-sm text-slate-500">
                The Application Gallery as a district sees it, with your unsaved banner first. Nothing here can be clicked to change anything.
              </p>
            </div>
            <Button variant="secondary" onClick={() => dialogRef.current?.close()}>
              Close preview
            </Button>
          </header>
          <div className="min-h-0 flex-1 overflow-y-auto">
            <div className="mx-auto max-w-5xl space-y-6 px-6 py-8">
              {hiddenBecause ? <Alert tone="warning">{hiddenBecause}</Alert> : null}
              <h1 className="text-2xl font-semibold">Application Gallery</h1>
              {open ? <GalleryView banners={banners} cards={gallery.cards} preview /> : null}
            </div>
          </div>
        </div>
      </dialog>
    </>
  );
}
