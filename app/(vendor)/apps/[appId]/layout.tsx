import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
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
      <h1 className="mt-2 text-2xl font-semibold">{application.name}</h1>
      <p className="mt-1 text-sm text-slate-500">Application Settings</p>
      <ApplicationTabs applicationId={application.id} />
      <div className="mt-6">{children}</div>
    </>
  );
}
