import type { Metadata } from "next";
import { GalleryView } from "@/components/gallery/gallery-view";
import { requireDistrictAdmin } from "@/lib/auth/guards";
import { listGallery } from "@/lib/gallery/queries";

export const metadata: Metadata = { title: "Application Gallery" };

export default async function GalleryPage() {
  const admin = await requireDistrictAdmin();
  const { banners, cards } = await listGallery({ districtId: admin.districtId });

  return (
    <>
      <h1 className="text-2xl font-semibold">Application Gallery</h1>
      <p className="mt-1 text-sm text-slate-600">Applications you can activate for your district. Open one to read more and activate it.</p>
      <div className="mt-6">
        <GalleryView banners={banners} cards={cards} />
      </div>
    </>
  );
}
