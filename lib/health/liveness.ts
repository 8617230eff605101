// GET /api/health: whether the database answers, and the health figures as bare numbers
// for monitoring tools. Unauthenticated, so nothing in it names a tenant, a URL or a person.
import { db } from "@/lib/db";
import { collectHealth, type HealthFigures } from "@/lib/health/figures";

export const DATABASE_TIMEOUT_MS = 2_000;

export type PublicHealthFigures = {
  queueWaiting: number;
  queueOldestWaitingSeconds: number | null;
  queueScheduled: number;
  queueGaveUp: number;
  workersListening: number;
  workersHoldingJobs: number;
  failingWebhookEndpoints: number;
  failedDeliveriesLast24h: number;
  failedImportsLast24h: number;
  noisyScimTokens: number;
  databaseSizeBytes: number;
  databaseConnections: number;
};

export type Liveness =
  | { status: "ok"; database: "ok"; time: string; figures: PublicHealthFigures | null }
  | { status: "error"; database: "unreachable"; time: string };

export async function checkLiveness(now = new Date()): Promise<Liveness> {
  const time = now.toISOString();
  if (!(await databaseAnswers())) return { status: "error", database: "unreachable", time };
  // The database answered: the instance is alive even if a figure cannot be read now.
  return { status: "ok", database: "ok", time, figures: await recentFigures(now) };
}

/** The figures are read at most this often, however often the unauthenticated endpoint is probed. */
export const FIGURES_FRESH_MS = 10_000;
let lastFigures: { at: number; figures: Promise<PublicHealthFigures | null> } | null = null;

// Probes share one reading (and one in flight), so a load balancer polling every second, or
// anyone hammering the URL, costs the database one round of health queries per 10 seconds.
function recentFigures(now: Date): Promise<PublicHealthFigures | null> {
  const age = lastFigures ? now.getTime() - lastFigures.at : Infinity;
  if (lastFigures && age >= 0 && age < FIGURES_FRESH_MS) return lastFigures.figures;
  const figures = withTimeout(collectHealth(now), DATABASE_TIMEOUT_MS).then(publicFigures, (error: unknown) => {
    console.error("Could not collect the health figures", error);
    return null;
  });
  lastFigures = { at: now.getTime(), figures };
  return figures;
}

export function publicFigures(health: HealthFigures): PublicHealthFigures {
  return {
    queueWaiting: health.queue.waiting,
    queueOldestWaitingSeconds: health.queue.oldestWaitingSeconds,
    queueScheduled: health.queue.scheduled,
    queueGaveUp: health.queue.gaveUp,
    workersListening: health.workers.listening,
    workersHoldingJobs: health.workers.holdingJobs,
    failingWebhookEndpoints: health.failingEndpoints.length,
    failedDeliveriesLast24h: health.failedDeliveries.reduce((sum, row) => sum + row.failed, 0),
    failedImportsLast24h: health.failedImports.reduce((sum, row) => sum + row.failed, 0),
    noisyScimTokens: health.noisyScimTokens.length,
    databaseSizeBytes: health.database.sizeBytes,
    databaseConnections: health.database.connections,
  };
}

async function databaseAnswers(): Promise<boolean> {
  try {
    await withTimeout(db().$queryRaw`SELECT 1`, DATABASE_TIMEOUT_MS);
    return true;
  } catch (error) {
    console.error("The database did not answer the health check", error);
    return false;
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
