import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActivationPanel } from "@/components/gallery/activation-panel";
import { MonogramLogo } from "@/components/gallery/monogram-logo";
import { requireDistrictAdmin } from "@/lib/auth/guards";
import { getGalleryApplication } from "@/lib/gallery/queries";

type Props = { params: Promise<{ appId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { appId } = await params;
  const admin = await requireDistrictAdmin();
  const application = await getGalleryApplication(admin.districtId, appId);
  return { title: application?.name ?? "Not found" };
}

export default async function GalleryApplicationPage({ params }: Props) {
  const { appId } = await params;
  const admin = await requireDistrictAdmin();
  const application = await getGalleryApplication(admin.districtId, appId);
  if (!application) notFound();

  return (
    <>
      <Link href="/district/gallery" className="text-sm text-slate-600 hover:text-slate-900">
        ← Application Gallery
      </Link>
      <div className="mt-3 flex items-center gap-4">
        <MonogramLogo name={application.name} size="large" />
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold break-words">{application.name}</h1>
          <p className="text-sm text-slate-600">by {application.vendorName}</p>
        </div>
      </div>
      <div className="mt-6 grid max-w-3xl gap-6">
        {application.description ? (
          <p className="text-slate-800 whitespace-pre-line">{application.description}</p>
        ) : (
          <p className="text-slate-500">{application.vendorName} has not described this application yet.</p>
        )}
        <ActivationPanel application={application} />
      </div>
    </>
  );
}
