// What the operator's decisions do to a message about to be attempted. A vendor whose
// auto-provisioning capability was withdrawn gets no more webhooks: its waiting messages
// fail with the reason, and can be redelivered once the capability is back. A suspended
// vendor or district only pauses: the message waits, without using an attempt, and is
// looked at again every few minutes until the operator resumes the tenant.
import { UserFacingError } from "@/lib/actions/result";
import { db } from "@/lib/db";
import { CAPABILITY_MISSING_MESSAGE } from "@/lib/provisioning/schema";
import { scheduleDelivery, type DeliveryTrigger } from "@/lib/webhooks/messages";
import type { SqlRunner } from "@/lib/webhooks/deliver";
import { suspensionRecheckAt, VENDOR_SUSPENDED_MESSAGE } from "@/lib/tenants/suspension";

export const CAPABILITY_WITHDRAWN_MESSAGE =
  "Auto-provisioning was disabled by the operator, so Rollcall did not send this webhook. Ask your Rollcall operator to enable auto-provisioning, then redeliver it.";
export const TENANT_SUSPENDED_MESSAGE =
  "Paused: the vendor or the district is suspended by the Rollcall operator. Rollcall sends this webhook once the operator resumes it.";

/** The operator's state that a message's attempt depends on (read with the message). */
export type OperatorState = { autoProvisioningAvailable: boolean; suspended: boolean };

export type Hold = "withdrawn" | "suspended" | null;

/** Tests go through Test Webhook, which refuses up front; everything else is held here. Pure. */
export function holdFor(state: OperatorState, trigger: DeliveryTrigger): Hold {
  if (trigger === "test" || trigger === "test-wrong-signature") return null;
  if (!state.autoProvisioningAvailable) return "withdrawn";
  return state.suspended ? "suspended" : null;
}

const FAIL_WITHDRAWN = `
  UPDATE "WebhookMessage" SET status = 'failed', "nextAttemptAt" = NULL, "lastError" = $2::text,
    "completedAt" = ($3::timestamptz AT TIME ZONE 'UTC')
  WHERE id = $1 AND status IN ('pending', 'retrying')`;

/** Settles a waiting message as failed, with the reason; a settled one stays as it is. */
export async function failWithdrawnMessage(sql: SqlRunner, messageId: string, now: Date): Promise<void> {
  await sql({ name: "rollcall_fail_withdrawn_webhook", text: FAIL_WITHDRAWN, values: [messageId, CAPABILITY_WITHDRAWN_MESSAGE, now.toISOString()] });
}

/** Puts the message's job off until the next look, without an attempt; a redelivery stays a redelivery. */
export async function pauseSuspendedMessage(messageId: string, trigger: DeliveryTrigger, now: Date): Promise<Date> {
  const recheckAt = suspensionRecheckAt(now);
  await db().$transaction(async (tx) => {
    await tx.$executeRaw`
      UPDATE "WebhookMessage" SET "nextAttemptAt" = (${recheckAt.toISOString()}::timestamptz AT TIME ZONE 'UTC'), "lastError" = ${TENANT_SUSPENDED_MESSAGE}
      WHERE id = ${messageId} AND status IN ('pending', 'retrying')`;
    await scheduleDelivery(tx, messageId, trigger === "redeliver" ? "redeliver" : "automatic", recheckAt);
  });
  return recheckAt;
}

/** Test Webhook and Redeliver refuse up front, with what to do, rather than queue a message that cannot go. */
export async function assertVendorMaySendWebhooks(vendorId: string): Promise<void> {
  const vendor = await db().vendor.findUnique({ where: { id: vendorId }, select: { autoProvisioningAvailable: true, suspendedAt: true } });
  if (!vendor?.autoProvisioningAvailable) {
    throw new UserFacingError(`${CAPABILITY_MISSING_MESSAGE}: until then Rollcall sends no webhooks, not even tests.`);
  }
  if (vendor.suspendedAt) throw new UserFacingError(VENDOR_SUSPENDED_MESSAGE);
}
