// The webhook worker as its own process: `npm start` runs one beside the web server, and
// operators may run more against the same database (npm run worker).
import { getConfig } from "@/lib/config";
import { SFTP_SERVED_ELSEWHERE, startConfiguredSftpServer } from "@/lib/sftp/run";
import { startWebhookWorker } from "@/lib/webhooks/worker";

const config = getConfig();
// Run on its own (`npm run worker`), the worker also serves SFTP; under `npm start` the parent does.
const sftp = process.env[SFTP_SERVED_ELSEWHERE] ? null : await startConfiguredSftpServer((message) => console.log(message), { ifPortTaken: "skip" });
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
    Promise.all([worker.stop(), sftp?.close()]).then(
      () => process.exit(0),
      (error) => {
        console.error("Webhook worker did not stop cleanly", error);
        process.exit(1);
      },
    );
  });
}
await worker.finished;
