// Which activation changes reach the vendor's webhook, and the event they send.
import type { Prisma } from "@/generated/prisma/client";
import { enqueueWebhook, type WebhookEventType } from "@/lib/webhooks";

export type ProvisioningSwitches = { autoProvisioning: boolean; webhookUrl: string | null } | null;

/** Vendor.autoProvisioningAvailable: the operator's part of the decision. */
export type VendorCapability = { autoProvisioningAvailable: boolean };

/**
 * Auto-provisioning on with a webhook URL, and the capability the operator enabled for the
 * vendor: the only state in which Rollcall calls the vendor.
 */
export function sendsWebhooks(provisioning: ProvisioningSwitches, vendor: VendorCapability): boolean {
  if (!vendor.autoProvisioningAvailable) return false;
  return provisioning?.autoProvisioning === true && Boolean(provisioning.webhookUrl);
}

type ActivationChange = {
  type: WebhookEventType;
  mode: "trial" | "standard";
  applicationId: string;
  district: { districtGuid: string; name: string; state: string };
  occurredAt: Date;
};

export async function notifyVendor(tx: Prisma.TransactionClient, change: ActivationChange): Promise<string> {
  const { messageId } = await enqueueWebhook(tx, {
    type: change.type,
    mode: change.mode,
    applicationId: change.applicationId,
    district: { guid: change.district.districtGuid, name: change.district.name, state: change.district.state },
    occurredAt: change.occurredAt,
  });
  return messageId;
}
