// The webhook worker as its own process: `npm start` runs one beside the web server, and
// operators may run more against the same database (npm run worker).
import { getConfig } from "@/lib/config";
import { startWebhookWorker } from "@/lib/webhooks/worker";

const config = getConfig();
const worker = await startWebhookWorker({
  connectionString: config.databaseUrl,
  concurrency: config.workerConcurrency,
  leaseMs: config.workerLeaseMs,
  logRetentionDays: config.webhookLogDays,
});
console.log(`Webhook worker ready (process ${process.pid}, ${config.workerConcurrency} attempts at once)`);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    worker.stop().then(
      () => process.exit(0),
      (error) => {
        console.error("Webhook worker did not stop cleanly", error);
        process.exit(1);
      },
    );
  });
}
await worker.finished;
