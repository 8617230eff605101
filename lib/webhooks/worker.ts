// The process side of delivery: a graphile-worker runner executing deliver-webhook jobs.
// Jobs held by a worker that died (SIGKILL, power loss) are released after a short lease,
// because one attempt can never legitimately take longer than its 10 s timeout.
import { makeWorkerUtils, run, type Task } from "graphile-worker";
import { jobQueueLogger } from "@/lib/jobs/logger";
import { deliverMessage } from "@/lib/webhooks/deliver";
import { DELIVER_WEBHOOK_TASK, type DeliverJobPayload } from "@/lib/webhooks/messages";
import { PRUNE_SCHEDULE, PRUNE_WEBHOOK_LOG_TASK, pruneWebhookLog } from "@/lib/webhooks/retention";

export type WebhookWorkerOptions = {
  connectionString: string;
  concurrency?: number;
  /** A job locked for longer than this belongs to a dead worker and is run again. */
  leaseMs?: number;
  /** Days the deliveries log keeps settled messages (pruned daily). */
  logRetentionDays?: number;
};

export type WebhookWorker = { stop(): Promise<void>; finished: Promise<void> };

const deliverWebhook: Task = async (payload) => {
  const { messageId, trigger } = payload as DeliverJobPayload;
  await deliverMessage(messageId, { trigger });
};

export async function startWebhookWorker({
  connectionString,
  concurrency = 10,
  leaseMs = 60_000,
  logRetentionDays = 90,
}: WebhookWorkerOptions): Promise<WebhookWorker> {
  const utils = await makeWorkerUtils({ connectionString, logger: jobQueueLogger });
  const releaseAbandonedJobs = async () => {
    const abandoned = await utils.withPgClient((client) =>
      client.query<{ locked_by: string }>(
        "SELECT DISTINCT locked_by FROM graphile_worker.jobs WHERE locked_at < now() - make_interval(secs => $1)",
        [leaseMs / 1000],
      ),
    );
    const workerIds = abandoned.rows.map((row) => row.locked_by);
    if (workerIds.length > 0) await utils.forceUnlockWorkers(workerIds);
  };
  await releaseAbandonedJobs();

  const runner = await run({
    connectionString,
    concurrency,
    noHandleSignals: true,
    pollInterval: 1_000,
    logger: jobQueueLogger,
    taskList: {
      [DELIVER_WEBHOOK_TASK]: deliverWebhook,
      [PRUNE_WEBHOOK_LOG_TASK]: async () => void (await pruneWebhookLog(logRetentionDays)),
    },
    // graphile-worker runs each cron item once per schedule across all workers.
    crontab: PRUNE_SCHEDULE,
  });
  const sweep = setInterval(() => {
    releaseAbandonedJobs().catch((error) => console.error("Could not release abandoned webhook jobs", error));
  }, Math.max(1_000, leaseMs / 2));

  return {
    finished: runner.promise,
    async stop() {
      clearInterval(sweep);
      await runner.stop();
      await utils.release();
    },
  };
}
