import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BannerForm } from "@/components/banner/banner-form";
import { requireVendorAdmin } from "@/lib/auth/guards";
import { loadBanner } from "@/lib/banners/banners";
import { listGallery } from "@/lib/gallery/queries";

export const metadata: Metadata = { title: "Banner" };

export default async function BannerPage({ params }: { params: Promise<{ appId: string }> }) {
  const { appId } = await params;
  const admin = await requireVendorAdmin();
  const page = await loadBanner(admin.vendorId, appId);
  if (!page) notFound();
  // For Preview in gallery: the gallery as a district without activations sees it.
  const gallery = await listGallery({ districtId: null });

  return <BannerForm page={page} gallery={gallery} />;
}
