// Commits webhook messages the way every Rollcall event does: one transaction per event,
// through enqueueWebhook.
import { db } from "@/lib/db";
import { enqueueWebhook } from "@/lib/webhooks";
import { SANDBOX_DISTRICT } from "@/lib/webhooks/payload";

export async function commitMessages(applicationId: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let index = 0; index < count; index++) {
    const { messageId } = await db().$transaction((tx) =>
      enqueueWebhook(tx, { type: "application.activated", mode: "standard", applicationId, district: SANDBOX_DISTRICT, occurredAt: new Date() }),
    );
    ids.push(messageId);
  }
  return ids;
}
