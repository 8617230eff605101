import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ChangeHistory } from "@/components/provisioning/change-history";
import { FailingEndpointBanner } from "@/components/provisioning/failing-endpoint-banner";
import { ProvisioningForm } from "@/components/provisioning/provisioning-form";
import { SigningSecretPanel } from "@/components/provisioning/signing-secret-panel";
import { requireVendorAdmin } from "@/lib/auth/guards";
import { getConfig } from "@/lib/config";
import { loadProvisioningSettings } from "@/lib/provisioning/settings";
import { endpointFailingSince } from "@/lib/webhooks/deliveries";

export const metadata: Metadata = { title: "Provisioning" };

export default async function ProvisioningPage({ params }: { params: Promise<{ appId: string }> }) {
  const { appId } = await params;
  const admin = await requireVendorAdmin();
  const page = await loadProvisioningSettings(admin.vendorId, appId);
  if (!page) notFound();
  const failingSince = await endpointFailingSince(page.application.id);

  return (
    <div className="grid gap-8 lg:grid-cols-[1fr_18rem]">
      <div className="min-w-0 space-y-8">
        {failingSince ? <FailingEndpointBanner applicationId={page.application.id} failingSince={failingSince} /> : null}
        <ProvisioningForm
          initialSettings={page.settings}
          httpWebhookHosts={getConfig().httpWebhookHosts}
          autoProvisioningAvailable={page.autoProvisioningAvailable}
        />
        <SigningSecretPanel applicationId={page.application.id} />
      </div>
      <ChangeHistory entries={page.history} />
    </div>
  );
}
