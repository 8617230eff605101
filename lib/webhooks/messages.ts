// Creating webhook messages. A message row and the job that sends it are written in the
// caller's transaction, so an event and its webhook commit (or roll back) together.
import { randomBytes } from "node:crypto";
import { getConfig } from "@/lib/config";
import { addJob } from "@/lib/jobs/enqueue";
import type { Prisma } from "@/generated/prisma/client";
import { buildWebhookBody, type WebhookEvent } from "@/lib/webhooks/payload";
import { MAX_ATTEMPTS } from "@/lib/webhooks/retry-schedule";

export const DELIVER_WEBHOOK_TASK = "deliver-webhook";

export type DeliveryTrigger = "automatic" | "redeliver" | "test" | "test-wrong-signature";
export type DeliverJobPayload = { messageId: string; trigger: DeliveryTrigger };

/** Time-ordered, unguessable, and safe in a header: `msg_` + 9 chars of time + 16 random. */
export function newMessageId(now = Date.now()): string {
  return `msg_${now.toString(36).padStart(9, "0")}${randomBytes(12).toString("base64url")}`;
}

export async function enqueueWebhook(tx: Prisma.TransactionClient, event: WebhookEvent): Promise<{ messageId: string }> {
  const message = await createMessage(tx, event, MAX_ATTEMPTS);
  await scheduleDelivery(tx, message.id, "automatic");
  return { messageId: message.id };
}

/** Inserts the message row: raw SQL costs a fraction of the CPU of Prisma's generated insert. */
export async function createMessage(tx: Prisma.TransactionClient, event: WebhookEvent, maxAttempts: number): Promise<{ id: string; payload: string }> {
  const id = newMessageId(event.occurredAt.getTime());
  const payload = buildWebhookBody(event, getConfig().publicUrl);
  // Timestamps are written as UTC, as Prisma writes them, whatever the session's time zone.
  await tx.$executeRaw`
    INSERT INTO "WebhookMessage" (id, "applicationId", "eventType", mode, "districtGuid", "districtName", payload, "maxAttempts", "nextAttemptAt", "createdAt")
    VALUES (${id}, ${event.applicationId}::uuid, ${event.type}, ${event.mode}::"WebhookMode", ${event.district.guid}, ${event.district.name}, ${payload},
      ${maxAttempts}::int, (${event.occurredAt.toISOString()}::timestamptz AT TIME ZONE 'UTC'), (${new Date().toISOString()}::timestamptz AT TIME ZONE 'UTC'))`;
  return { id, payload };
}

export async function scheduleDelivery(
  tx: Prisma.TransactionClient,
  messageId: string,
  trigger: DeliveryTrigger,
  runAt?: Date,
): Promise<void> {
  const payload: DeliverJobPayload = { messageId, trigger };
  // A redelivery gets its own key so it never replaces a retry that is already scheduled.
  const jobKey = `webhook:${trigger === "redeliver" ? "redeliver" : "scheduled"}:${messageId}`;
  await addJob(tx, DELIVER_WEBHOOK_TASK, payload, { runAt, jobKey });
}
