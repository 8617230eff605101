import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LaunchTokenReference } from "@/components/launch/launch-token-reference";
import { LaunchUrlForm } from "@/components/launch/launch-url-form";
import { ReceiverSnippetView } from "@/components/launch/receiver-snippet-view";
import { requireVendorAdmin } from "@/lib/auth/guards";
import { getConfig } from "@/lib/config";
import { readReceiverSnippet } from "@/lib/launch/receiver-snippet-source";
import { loadLaunchSettings } from "@/lib/launch/settings";
import { launchJwksUrl, launchTokenIssuer } from "@/lib/launch/token";

export const metadata: Metadata = { title: "Sign-in" };

export default async function SignInTabPage({ params }: { params: Promise<{ appId: string }> }) {
  const { appId } = await params;
  const admin = await requireVendorAdmin();
  const settings = await loadLaunchSettings(admin.vendorId, appId);
  if (!settings) notFound();
  const values = { issuer: launchTokenIssuer(), audience: settings.applicationId, jwksUrl: launchJwksUrl() };

  return (
    <div className="space-y-8">
      <LaunchUrlForm initialSettings={settings} httpWebhookHosts={getConfig().httpWebhookHosts} />
      <LaunchTokenReference {...values} />
      <ReceiverSnippetView snippet={await readReceiverSnippet()} {...values} />
    </div>
  );
}
