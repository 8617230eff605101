// How long the deliveries log keeps settled messages. Pruning runs daily in the worker and
// deletes in batches, so a large backlog never holds one long transaction.
import { db } from "@/lib/db";

export const PRUNE_WEBHOOK_LOG_TASK = "prune-webhook-log";
/** Every day at 03:17 (an off-the-hour minute, so instances don't all prune at once). */
export const PRUNE_SCHEDULE = `17 3 * * * ${PRUNE_WEBHOOK_LOG_TASK}`;
const BATCH_SIZE = 5_000;

/** Deletes delivered and failed messages (and their attempts) older than the retention period; returns how many. */
export async function pruneWebhookLog(retentionDays: number, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionDays * 24 * 3_600_000);
  let deleted = 0;
  for (;;) {
    const batch = await db().$executeRaw`
      DELETE FROM "WebhookMessage" WHERE id IN (
        SELECT id FROM "WebhookMessage"
        WHERE "createdAt" < ${cutoff} AND status IN ('delivered', 'failed')
        LIMIT ${BATCH_SIZE}
      )`;
    deleted += batch;
    if (batch < BATCH_SIZE) return deleted;
  }
}
