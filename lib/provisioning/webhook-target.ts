// Where an application's webhooks go and with which custom headers: from the saved
// settings (real deliveries) or from the form as it is now (Test Webhook before saving).
import { db } from "@/lib/db";
import type { ProvisioningSettings } from "@/lib/provisioning/schema";
import { revealHeaders, revealHeaderValue } from "@/lib/provisioning/settings";

export type WebhookTarget = {
  url: string | null;
  headers: { name: string; value: string; secret: boolean }[];
  configVersion: number | null;
};

export async function savedWebhookTarget(applicationId: string): Promise<WebhookTarget> {
  const config = await db().provisioningConfig.findUnique({
    where: { applicationId },
    include: { headers: { orderBy: { position: "asc" } } },
  });
  if (!config) return { url: null, headers: [], configVersion: null };
  return { url: config.webhookUrl, headers: revealHeaders(applicationId, config.headers), configVersion: config.version };
}

/** A secret left blank in the form means "the stored value", looked up by that row's own id in this application. */
export async function formWebhookTarget(settings: ProvisioningSettings): Promise<WebhookTarget> {
  const storedSecrets = await db().provisioningHeader.findMany({
    where: { applicationId: settings.applicationId, secret: true },
    select: { id: true, encryptedValue: true },
  });
  const storedById = new Map(storedSecrets.map((header) => [header.id, header.encryptedValue]));
  return {
    url: settings.webhookUrl || null,
    headers: settings.headers.map((header) => {
      const stored = header.storedId ? storedById.get(header.storedId) : undefined;
      const value = header.secret && header.value === "" && stored ? revealHeaderValue(settings.applicationId, stored) : header.value;
      return { name: header.name, value, secret: header.secret };
    }),
    configVersion: settings.version || null,
  };
}
