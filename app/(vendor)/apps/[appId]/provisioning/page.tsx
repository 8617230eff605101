import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ChangeHistory } from "@/components/provisioning/change-history";
import { ProvisioningForm } from "@/components/provisioning/provisioning-form";
import { requireVendorAdmin } from "@/lib/auth/guards";
import { getConfig } from "@/lib/config";
import { loadProvisioningSettings } from "@/lib/provisioning/settings";

export const metadata: Metadata = { title: "Provisioning" };

export default async function ProvisioningPage({ params }: { params: Promise<{ appId: string }> }) {
  const { appId } = await params;
  const admin = await requireVendorAdmin();
  const page = await loadProvisioningSettings(admin.vendorId, appId);
  if (!page) notFound();

  return (
    <div className="grid gap-8 lg:grid-cols-[1fr_18rem]">
      <ProvisioningForm initialSettings={page.settings} httpWebhookHosts={getConfig().httpWebhookHosts} />
      <ChangeHistory entries={page.history} />
    </div>
  );
}
