// The process side of delivery: a graphile-worker runner executing deliver-webhook jobs.
// Jobs held by a worker that died (SIGKILL, power loss) are released after a short lease,
// because one attempt can never legitimately take longer than its 10 s timeout; longer jobs
// (imports, SFTP inboxes) renew their lock while they run (lib/jobs/heartbeat.ts).
import { type JobHelpers, makeWorkerUtils, run, type Runner, type RunnerOptions, type Task } from "graphile-worker";
import { DELIVERY_SCHEDULE, deliveryTasks } from "@/lib/deliveries/tasks";
import { importTasks } from "@/lib/imports/tasks";
import { jobQueueLogger } from "@/lib/jobs/logger";
import { SFTP_SCHEDULE, sftpTasks } from "@/lib/sftp/tasks";
import { deliverMessage, type SqlRunner } from "@/lib/webhooks/deliver";
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

const deliverWebhook: Task = async (payload, helpers) => {
  const { messageId, trigger } = payload as DeliverJobPayload;
  await deliverMessage(messageId, { trigger, sql: onQueueConnections(helpers) });
};

/** An attempt's statements on the queue's own pool, prepared once per connection. */
function onQueueConnections(helpers: JobHelpers): SqlRunner {
  return (statement) => helpers.withPgClient(async (client) => (await client.query(statement)).rows);
}

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

  const runner = await runAndReplaceWhenBroken({
    connectionString,
    concurrency,
    // One connection per running job, one for LISTEN, one spare: no job waits for a connection.
    maxPoolSize: concurrency + 2,
    noHandleSignals: true,
    pollInterval: 1_000,
    logger: jobQueueLogger,
    taskList: {
      [DELIVER_WEBHOOK_TASK]: deliverWebhook,
      [PRUNE_WEBHOOK_LOG_TASK]: async () => void (await pruneWebhookLog(logRetentionDays)),
      ...importTasks(leaseMs),
      ...sftpTasks(leaseMs),
      ...deliveryTasks(leaseMs),
    },
    // graphile-worker runs each cron item once per schedule across all workers.
    crontab: [PRUNE_SCHEDULE, SFTP_SCHEDULE, DELIVERY_SCHEDULE].join("\n"),
  });
  const sweep = setInterval(() => {
    releaseAbandonedJobs().catch((error) => console.error("Could not release abandoned webhook jobs", error));
  }, Math.max(1_000, leaseMs / 2));

  return {
    finished: runner.finished,
    async stop() {
      clearInterval(sweep);
      await runner.stop();
      await utils.release();
    },
  };
}

/**
 * graphile-worker 0.16 retires a worker whose job it cannot mark done or failed (the
 * database went away mid-job) and never replaces it, so a database restart during a burst
 * could leave the runner with no workers, idle for good. A runner that loses a worker is
 * replaced by a fresh one as soon as the database is back; the jobs the retired workers
 * held come back after the lease. A runner that ends by itself still ends `finished`.
 */
async function runAndReplaceWhenBroken(options: RunnerOptions): Promise<{ finished: Promise<void>; stop(): Promise<void> }> {
  let current = await run(options);
  let stopping = false;
  let settle!: { resolve: () => void; reject: (error: unknown) => void };
  const finished = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
  // Stopping a runner that has already ended by itself throws "Runner is already stopped".
  const stopQuietly = (runner: Runner) => runner.stop().catch(() => undefined);

  const replace = async (retiring: Runner) => {
    console.error("The job queue lost a worker to a database failure; starting it again");
    await stopQuietly(retiring);
    while (!stopping) {
      try {
        current = await run(options);
      } catch (error) {
        console.error("Could not start the job queue; trying again in 1 s", error);
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        continue;
      }
      watch(current);
      if (stopping) await stopQuietly(current);
      return;
    }
  };
  const watch = (runner: Runner) => {
    let retiring = false;
    runner.events.once("worker:fatalError", () => {
      if (stopping) return;
      retiring = true;
      void replace(runner);
    });
    const endedByItself = () => !retiring && !stopping;
    runner.promise.then(
      () => endedByItself() && settle.resolve(),
      (error: unknown) => endedByItself() && settle.reject(error),
    );
  };
  watch(current);

  return {
    finished,
    async stop() {
      stopping = true;
      await stopQuietly(current);
      settle.resolve();
    },
  };
}
