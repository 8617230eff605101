// Redeliver: one more attempt of a message with the same webhook-id, for one message or
// for every failed message matching the log's filter (after an outage was fixed).
import { UserFacingError } from "@/lib/actions/result";
import { recordApplicationAudit } from "@/lib/applications/audit";
import { requireVendorApplication } from "@/lib/applications/queries";
import { db } from "@/lib/db";
import type { WebhookMode } from "@/generated/prisma/enums";
import { scheduleDelivery } from "@/lib/webhooks/messages";
import { assertVendorMaySendWebhooks } from "@/lib/webhooks/operator-holds";

/** At most this many messages per bulk redelivery; a vendor can repeat it for more. */
export const MAX_BULK_REDELIVERIES = 1000;

/** Queues one more attempt with the same webhook-id; a retry already scheduled still stands. */
export async function redeliver(vendorId: string, applicationId: string, messageId: string): Promise<void> {
  await assertVendorMaySendWebhooks(vendorId);
  await db().$transaction(async (tx) => {
    const message = await tx.webhookMessage.findFirst({
      where: { id: messageId, applicationId, application: { vendorId } },
      select: { id: true, eventType: true, districtGuid: true },
    });
    if (!message) throw new UserFacingError("This delivery was not found. It may belong to another application.");
    await scheduleDelivery(tx, message.id, "redeliver");
    await recordApplicationAudit(tx, applicationId, {
      action: "webhook.redelivered",
      summary: (name) => `Webhook ${message.id} (${message.eventType}) of ${name} redelivered`,
      after: { messageId: message.id, eventType: message.eventType, district: message.districtGuid },
    });
  });
}

/** Narrows a bulk redelivery as the log's filters do; `district` is a district GUID. */
export type RedeliverFailedFilter = { mode?: WebhookMode; district?: string };

/** Queues a redelivery of every failed message of the application (of one mode and district, if given), oldest first. */
export async function redeliverFailed(
  vendorId: string,
  applicationId: string,
  { mode, district }: RedeliverFailedFilter = {},
): Promise<{ queued: number }> {
  await requireVendorApplication(vendorId, applicationId);
  await assertVendorMaySendWebhooks(vendorId);
  return db().$transaction(async (tx) => {
    const failed = await tx.webhookMessage.findMany({
      where: { applicationId, status: "failed", ...(mode && { mode }), ...(district && { districtGuid: district }) },
      orderBy: { id: "asc" },
      take: MAX_BULK_REDELIVERIES,
      select: { id: true },
    });
    for (const message of failed) await scheduleDelivery(tx, message.id, "redeliver");
    if (failed.length > 0) {
      await recordApplicationAudit(tx, applicationId, {
        action: "webhook.failed_redelivered",
        summary: (name) => `${failed.length} failed ${failed.length === 1 ? "webhook" : "webhooks"} of ${name} redelivered`,
        after: { queued: failed.length, mode: mode ?? null, district: district ?? null },
      });
    }
    return { queued: failed.length };
  });
}
