// The SFTP drop's queued work: processing one district's inbox (daily, or on Process now),
// and the cron item that queues the inboxes whose daily time has come in their time zone.
import type { Task } from "graphile-worker";
import { db } from "@/lib/db";
import { addJob } from "@/lib/jobs/enqueue";
import { withHeartbeat } from "@/lib/jobs/heartbeat";
import { processInbox } from "@/lib/sftp/inbox";
import { isInboxDue } from "@/lib/sftp/schedule";
import { DEFAULT_PROCESS_AT, DEFAULT_TIME_ZONE } from "@/lib/sftp/schema";
import { inboxJobKey, PROCESS_SFTP_INBOX_TASK, QUEUE_DUE_SFTP_INBOXES_TASK, type ProcessInboxPayload } from "@/lib/sftp/task-names";

export { SFTP_SCHEDULE } from "@/lib/sftp/task-names";

export function sftpTasks(leaseMs: number): Record<string, Task> {
  const heartbeatMs = Math.max(1_000, Math.floor(leaseMs / 3));
  return {
    [PROCESS_SFTP_INBOX_TASK]: async (payload, helpers) => {
      const { districtId } = payload as ProcessInboxPayload;
      const processed = await withHeartbeat(helpers, heartbeatMs, () => processInbox(districtId));
      if (processed.length > 0) helpers.logger.info(`SFTP inbox of district ${districtId}: ${processed.length} file(s) processed`);
    },
    [QUEUE_DUE_SFTP_INBOXES_TASK]: async () => void (await queueDueInboxes()),
  };
}

/** Queues every inbox whose daily time has passed since it was last processed; returns their districts. */
export async function queueDueInboxes(now = new Date()): Promise<string[]> {
  const accounts = await db().sftpAccount.findMany({
    select: { districtId: true, lastProcessedAt: true, district: { select: { importSettings: { select: { processAt: true, timeZone: true } } } } },
  });
  const due = accounts.filter(({ lastProcessedAt, district }) => {
    const { processAt, timeZone } = district.importSettings ?? { processAt: DEFAULT_PROCESS_AT, timeZone: DEFAULT_TIME_ZONE };
    try {
      return isInboxDue(now, processAt, timeZone, lastProcessedAt);
    } catch {
      // A time zone this Node no longer knows: fall back to the default rather than never running.
      return isInboxDue(now, DEFAULT_PROCESS_AT, DEFAULT_TIME_ZONE, lastProcessedAt);
    }
  });
  for (const { districtId } of due) {
    await addJob(db(), PROCESS_SFTP_INBOX_TASK, { districtId }, { jobKey: inboxJobKey(districtId), maxAttempts: 3 });
  }
  return due.map((account) => account.districtId);
}
