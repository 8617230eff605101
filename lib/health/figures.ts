// The instance's health as the operator console shows it: the job queue, the workers, the
// database, and the tenants whose webhooks, file deliveries, imports or SCIM clients are
// failing, each with the tenant to open. Every query is indexed or bounded by time.
import path from "node:path";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db";
import { failingSinceByApplication } from "@/lib/webhooks/deliveries";

const DAY_MS = 24 * 3_600_000;
/** Of a SCIM token's latest requests (at most this many, of the last 24 h)… */
export const SCIM_SAMPLE_SIZE = 100;
/** …fewer than this many say too little to call its client noisy. */
export const SCIM_MIN_REQUESTS = 5;

export type QueueFigures = {
  /** Jobs due to run now that no worker holds yet. */
  waiting: number;
  oldestWaitingRunAt: Date | null;
  oldestWaitingSeconds: number | null;
  /** Jobs set to run later (retries, schedules). */
  scheduled: number;
  /** Jobs that used all their attempts and will not run again. */
  gaveUp: number;
};

export type WorkerFigures = {
  /** Worker processes connected and listening for new jobs. */
  listening: number;
  /** Distinct workers holding a job right now. */
  holdingJobs: number;
};

export type DatabaseFigures = { sizeBytes: number; connections: number; embedded: boolean };

export type FailingEndpoint = {
  applicationId: string;
  applicationName: string;
  vendorId: string;
  vendorName: string;
  /** The webhook URL's host only: paths and query strings may carry secrets. */
  host: string | null;
  lastStatusCode: number | null;
  failingSince: Date | null;
  href: string;
};

export type FailedDeliveries = {
  applicationId: string;
  applicationName: string;
  vendorId: string;
  vendorName: string;
  failed: number;
  lastFailedAt: Date;
  lastErrorKind: string | null;
  href: string;
};

export type FailedImports = { districtId: string; districtName: string; failed: number; lastFailedAt: Date; href: string };

export type NoisyScimToken = {
  tokenId: string;
  tokenName: string;
  /** The token's first characters, as the district's Identity sync page shows them. */
  tokenPrefix: string;
  /** An identity provider still sending a revoked token: every request fails with 401. */
  revoked: boolean;
  districtId: string;
  districtName: string;
  requests: number;
  failed: number;
  failedShare: number;
  href: string;
};

export type HealthFigures = {
  collectedAt: Date;
  queue: QueueFigures;
  workers: WorkerFigures;
  database: DatabaseFigures;
  failingEndpoints: FailingEndpoint[];
  failedDeliveries: FailedDeliveries[];
  failedImports: FailedImports[];
  noisyScimTokens: NoisyScimToken[];
};

export async function collectHealth(now = new Date()): Promise<HealthFigures> {
  const since = new Date(now.getTime() - DAY_MS);
  const [queue, workers, database, failingEndpoints, failedDeliveries, failedImports, noisyScimTokens] = await Promise.all([
    queueFigures(now),
    workerFigures(),
    databaseFigures(),
    findFailingEndpoints(),
    findFailedDeliveries(since),
    findFailedImports(since),
    findNoisyScimTokens(since),
  ]);
  return { collectedAt: now, queue, workers, database, failingEndpoints, failedDeliveries, failedImports, noisyScimTokens };
}

async function queueFigures(now: Date): Promise<QueueFigures> {
  const [row] = await db().$queryRaw<{ waiting: number; oldest: Date | null; scheduled: number; gaveUp: number }[]>`
    SELECT
      count(*) FILTER (WHERE locked_at IS NULL AND attempts < max_attempts AND run_at <= ${now})::int AS waiting,
      min(run_at) FILTER (WHERE locked_at IS NULL AND attempts < max_attempts AND run_at <= ${now}) AS oldest,
      count(*) FILTER (WHERE locked_at IS NULL AND attempts < max_attempts AND run_at > ${now})::int AS scheduled,
      count(*) FILTER (WHERE attempts >= max_attempts)::int AS "gaveUp"
    FROM graphile_worker._private_jobs`;
  const oldest = row?.oldest ?? null;
  return {
    waiting: row?.waiting ?? 0,
    oldestWaitingRunAt: oldest,
    oldestWaitingSeconds: oldest ? Math.max(0, Math.round((now.getTime() - oldest.getTime()) / 1000)) : null,
    scheduled: row?.scheduled ?? 0,
    gaveUp: row?.gaveUp ?? 0,
  };
}

// graphile-worker 0.16 keeps no table of its workers. Each running worker holds one
// connection that LISTENs for new jobs, which ends with its process: counting those
// connections counts the live workers. A worker busy with a job also holds a lock that it
// renews (lib/jobs/heartbeat.ts), so locks younger than the lease are a second sign.
async function workerFigures(): Promise<WorkerFigures> {
  const leaseSeconds = getConfig().workerLeaseMs / 1000;
  const [row] = await db().$queryRaw<{ listening: number; holdingJobs: number }[]>`
    SELECT
      (SELECT count(*)::int FROM pg_stat_activity
        WHERE datname = current_database() AND query LIKE 'LISTEN "jobs:insert"%') AS listening,
      (SELECT count(DISTINCT locked_by)::int FROM graphile_worker._private_jobs
        WHERE locked_by IS NOT NULL AND locked_at > now() - make_interval(secs => ${leaseSeconds})) AS "holdingJobs"`;
  return { listening: row?.listening ?? 0, holdingJobs: row?.holdingJobs ?? 0 };
}

async function databaseFigures(): Promise<DatabaseFigures> {
  // data_directory is visible to superusers only, as the embedded server's user is; an
  // external database's ordinary user sees no row and is reported as external.
  const [row] = await db().$queryRaw<{ sizeBytes: bigint; connections: number; dataDirectory: string | null }[]>`
    SELECT
      pg_database_size(current_database()) AS "sizeBytes",
      (SELECT count(*)::int FROM pg_stat_activity WHERE datname = current_database()) AS connections,
      (SELECT setting FROM pg_settings WHERE name = 'data_directory') AS "dataDirectory"`;
  const embeddedDirectory = path.join(getConfig().dataDir, "postgres");
  return {
    sizeBytes: Number(row?.sizeBytes ?? 0),
    connections: row?.connections ?? 0,
    embedded: row?.dataDirectory != null && path.resolve(row.dataDirectory) === embeddedDirectory,
  };
}

/** Applications whose latest attempted (non-test) webhook message did not get through. */
async function findFailingEndpoints(): Promise<FailingEndpoint[]> {
  const rows = await db().$queryRaw<
    { applicationId: string; applicationName: string; vendorId: string; vendorName: string; webhookUrl: string | null; lastStatusCode: number | null }[]
  >`
    SELECT a.id AS "applicationId", a.name AS "applicationName", v.id AS "vendorId", v.name AS "vendorName",
      pc."webhookUrl", latest."lastStatusCode"
    FROM "Application" a
    JOIN "Vendor" v ON v.id = a."vendorId"
    LEFT JOIN "ProvisioningConfig" pc ON pc."applicationId" = a.id
    CROSS JOIN LATERAL (
      SELECT m.status, m."lastStatusCode" FROM "WebhookMessage" m
      WHERE m."applicationId" = a.id AND m.mode <> 'test' AND m.status IN ('retrying', 'delivered', 'failed')
      ORDER BY m.id DESC LIMIT 1
    ) latest
    WHERE latest.status IN ('retrying', 'failed')
    ORDER BY v.name, a.name`;
  const failingSince = await failingSinceByApplication(rows.map((row) => row.applicationId));
  return rows.map(({ webhookUrl, ...row }) => ({
    ...row,
    failingSince: failingSince.get(row.applicationId) ?? null,
    host: hostOf(webhookUrl),
    href: vendorHref(row.vendorId),
  }));
}

async function findFailedDeliveries(since: Date): Promise<FailedDeliveries[]> {
  const rows = await db().$queryRaw<Omit<FailedDeliveries, "href">[]>`
    SELECT a.id AS "applicationId", a.name AS "applicationName", v.id AS "vendorId", v.name AS "vendorName",
      count(*)::int AS failed, max(r."finishedAt") AS "lastFailedAt",
      (array_agg(r."errorKind" ORDER BY r."finishedAt" DESC))[1] AS "lastErrorKind"
    FROM "DeliveryRun" r
    JOIN "Application" a ON a.id = r."applicationId"
    JOIN "Vendor" v ON v.id = a."vendorId"
    WHERE r.status = 'failed' AND r."finishedAt" >= ${since}
    GROUP BY a.id, v.id
    ORDER BY "lastFailedAt" DESC`;
  return rows.map((row) => ({ ...row, href: vendorHref(row.vendorId) }));
}

async function findFailedImports(since: Date): Promise<FailedImports[]> {
  const rows = await db().$queryRaw<Omit<FailedImports, "href">[]>`
    SELECT d.id AS "districtId", d.name AS "districtName", count(*)::int AS failed,
      max(coalesce(i."finishedAt", i."createdAt")) AS "lastFailedAt"
    FROM "RosterImport" i
    JOIN "District" d ON d.id = i."districtId"
    WHERE i.status = 'failed' AND coalesce(i."finishedAt", i."createdAt") >= ${since}
    GROUP BY d.id
    ORDER BY "lastFailedAt" DESC`;
  return rows.map((row) => ({ ...row, href: districtHref(row.districtId) }));
}

/** Tokens most of whose latest SCIM requests failed: a misconfigured client, or a revoked token still in use. */
async function findNoisyScimTokens(since: Date): Promise<NoisyScimToken[]> {
  const rows = await db().$queryRaw<Omit<NoisyScimToken, "failedShare" | "href">[]>`
    SELECT t.id AS "tokenId", t.name AS "tokenName", t.prefix AS "tokenPrefix", t."revokedAt" IS NOT NULL AS revoked,
      d.id AS "districtId", d.name AS "districtName", recent.requests, recent.failed
    FROM "ScimToken" t
    JOIN "District" d ON d.id = t."districtId"
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS requests, count(*) FILTER (WHERE sample.outcome = 'failure')::int AS failed
      FROM (
        SELECT r.outcome FROM "ScimRequest" r
        WHERE r."tokenId" = t.id AND r.at >= ${since}
        ORDER BY r.at DESC LIMIT ${SCIM_SAMPLE_SIZE}
      ) sample
    ) recent
    WHERE recent.requests >= ${SCIM_MIN_REQUESTS} AND recent.failed * 2 > recent.requests
    ORDER BY recent.failed::float / recent.requests DESC, d.name, t.name`;
  return rows.map((row) => ({ ...row, failedShare: row.failed / row.requests, href: districtHref(row.districtId) }));
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

const vendorHref = (vendorId: string) => `/operator/vendors/${vendorId}`;
const districtHref = (districtId: string) => `/operator/districts/${districtId}`;
