// Long jobs (applying an import takes minutes) renew their lock while they run: the worker
// releases jobs locked for longer than its lease as abandoned by a dead process, and a job
// still at work must not be run a second time beside itself.
import type { JobHelpers } from "graphile-worker";

export async function withHeartbeat<T>(helpers: JobHelpers, everyMs: number, work: () => Promise<T>): Promise<T> {
  const renew = () =>
    helpers
      .withPgClient((client) => client.query("UPDATE graphile_worker._private_jobs SET locked_at = now() WHERE id = $1 AND locked_by IS NOT NULL", [helpers.job.id]))
      .catch((error: unknown) => helpers.logger.error(`Could not renew the lock of job ${helpers.job.id}: ${String(error)}`));
  const timer = setInterval(() => void renew(), everyMs);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}
