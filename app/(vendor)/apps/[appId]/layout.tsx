import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { GalleryListing } from "@/components/applications/gallery-listing";
import { ApplicationTabs } from "@/components/layout/application-tabs";
import { findVendorApplication } from "@/lib/applications/queries";
import { requireVendorAdmin } from "@/lib/auth/guards";

export default async function ApplicationLayout({ children, params }: { children: ReactNode; params: Promise<{ appId: string }> }) {
  const { appId } = await params;
  const admin = await requireVendorAdmin();
  const application = await findVendorApplication(admin.vendorId, appId);
  if (!application) notFound();

  return (
    <>
      <Link href="/apps" className="text-sm text-slate-600 hover:text-slate-900">
        ← Applications
      </Link>
      <div className="mt-2 flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{application.name}</h1>
          <p className="mt-1 text-sm text-slate-500">Application Settings</p>
        </div>
        <GalleryListing applicationId={application.id} listed={application.publishedAt !== null} />
      </div>
      <ApplicationTabs applicationId={application.id} />
      <div className="mt-6">{children}</div>
    </>
  );
}
