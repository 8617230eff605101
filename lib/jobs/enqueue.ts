// Adds a job to the PostgreSQL-backed queue (graphile-worker) inside the caller's
// transaction, so the job exists exactly when the rows that caused it do.
import type { Prisma } from "@/generated/prisma/client";

export type JobOptions = {
  runAt?: Date;
  /** Jobs with the same key are merged: a waiting job is replaced, not duplicated. */
  jobKey?: string;
  maxAttempts?: number;
};

export async function addJob(
  tx: Prisma.TransactionClient,
  task: string,
  payload: Record<string, unknown>,
  { runAt, jobKey, maxAttempts = 25 }: JobOptions = {},
): Promise<void> {
  await tx.$executeRaw`
    SELECT graphile_worker.add_job(
      identifier => ${task},
      payload => ${JSON.stringify(payload)}::json,
      run_at => ${runAt ?? null}::timestamptz,
      job_key => ${jobKey ?? null},
      max_attempts => ${maxAttempts}::int
    )`;
}
