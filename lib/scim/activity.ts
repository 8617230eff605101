// What a district admin sees of its identity provider's traffic: the provisioning log, the
// sync statistics, and the warning when most recent requests fail (as Entra's quarantine would).
import { db } from "@/lib/db";
import { flushScimLog, type ScimOperation } from "@/lib/scim/request-log";
import type { Prisma } from "@/generated/prisma/client";
import type { ScimEffect, ScimOutcome } from "@/generated/prisma/enums";

export const LOG_PAGE_SIZE = 25;
/** The warning looks at this many of the latest requests… */
export const WARNING_WINDOW = 100;
/** …and says nothing on fewer than this many, so that one early failure does not raise it. */
export const WARNING_MIN_REQUESTS = 10;

export const LOG_OUTCOMES = ["success", "failure"] as const satisfies readonly ScimOutcome[];
/** The operations the log can be filtered by; discovery requests are listed but not offered as a filter. */
export const LOG_OPERATIONS = ["create", "replace", "update", "delete", "get", "list"] as const satisfies readonly ScimOperation[];
export type LogOperation = (typeof LOG_OPERATIONS)[number];

/** `before` opens older rows than a cursor, `after` newer ones; a cursor is "<epoch ms>-<id>". */
export type LogFilter = { outcome?: ScimOutcome; operation?: LogOperation; before?: string; after?: string };

export type LogRow = {
  id: string;
  at: string;
  tokenName: string | null;
  method: string;
  operation: string;
  resourceType: string;
  resourceId: string | null;
  userName: string | null;
  externalId: string | null;
  status: number;
  outcome: ScimOutcome;
  error: string | null;
  latencyMs: number;
};

/** A page of the log, newest first, with the cursors of the pages either side (null at an end). */
export type LogPage = { rows: LogRow[]; newer: string | null; older: string | null };

const CURSOR = /^(\d{1,15})-(\d{1,19})$/;

/** A page's search params as a filter; unknown values are dropped rather than trusted. */
export function parseLogFilter(params: Record<string, string | string[] | undefined>): LogFilter {
  const one = (name: string) => [params[name]].flat()[0];
  const outcome = LOG_OUTCOMES.find((value) => value === one("outcome"));
  const operation = LOG_OPERATIONS.find((value) => value === one("operation"));
  const before = one("before");
  const after = one("after");
  return {
    ...(outcome && { outcome }),
    ...(operation && { operation }),
    ...(before && CURSOR.test(before) ? { before } : after && CURSOR.test(after) ? { after } : {}),
  };
}

export async function listProvisioningLog(districtId: string, filter: LogFilter): Promise<LogPage> {
  const where: Prisma.ScimRequestWhereInput = {
    districtId,
    ...(filter.outcome && { outcome: filter.outcome }),
    ...(filter.operation && { operation: filter.operation }),
  };
  const cursor = filter.before ?? filter.after;
  const forward = filter.after !== undefined;
  if (cursor) where.AND = keysetCondition(cursor, forward ? "gt" : "lt");
  const direction = forward ? "asc" : "desc";
  await flushScimLog();
  const found = await db().scimRequest.findMany({
    where,
    orderBy: [{ at: direction }, { id: direction }],
    take: LOG_PAGE_SIZE + 1,
    include: { token: { select: { name: true } } },
  });
  const more = found.length > LOG_PAGE_SIZE;
  const page = found.slice(0, LOG_PAGE_SIZE);
  if (forward) page.reverse();
  const rows = page.map(toLogRow);
  const first = page[0];
  const last = page.at(-1);
  const hasNewer = forward ? more : cursor !== undefined;
  const hasOlder = forward ? true : more;
  return {
    rows,
    newer: hasNewer && first ? cursorOf(first) : null,
    older: hasOlder && last ? cursorOf(last) : null,
  };
}

function keysetCondition(cursor: string, side: "lt" | "gt"): Prisma.ScimRequestWhereInput {
  const [, ms, id] = CURSOR.exec(cursor)!;
  const at = new Date(Number(ms));
  return { OR: [{ at: { [side]: at } }, { at, id: { [side]: BigInt(id!) } }] };
}

function cursorOf(row: { at: Date; id: bigint }): string {
  return `${row.at.getTime()}-${row.id}`;
}

function toLogRow(row: Prisma.ScimRequestGetPayload<{ include: { token: { select: { name: true } } } }>): LogRow {
  return {
    id: String(row.id),
    at: row.at.toISOString(),
    tokenName: row.token?.name ?? null,
    method: row.method,
    operation: row.operation,
    resourceType: row.resourceType,
    resourceId: row.resourceId,
    userName: row.userName,
    externalId: row.externalId,
    status: row.status,
    outcome: row.outcome,
    error: row.error,
    latencyMs: row.latencyMs,
  };
}

export type EffectCounts = Record<ScimEffect, number>;

export type SyncWindow = {
  /** "24h" or "7d". */
  window: keyof typeof WINDOWS_MS;
  people: EffectCounts;
  groups: EffectCounts;
  requests: number;
  failures: number;
  /** Failures per request, 0 to 1; null when there were no requests. */
  errorRate: number | null;
};

const WINDOWS_MS = { "24h": 24 * 3_600_000, "7d": 7 * 24 * 3_600_000 } as const;

/** People and groups created, updated, deactivated and deleted, and the error rate, over the last 24 hours and 7 days. */
export async function getSyncStatistics(districtId: string, now = new Date()): Promise<SyncWindow[]> {
  await flushScimLog();
  return Promise.all(
    (Object.keys(WINDOWS_MS) as (keyof typeof WINDOWS_MS)[]).map(async (window) => {
      const since = new Date(now.getTime() - WINDOWS_MS[window]);
      const groups = await db().scimRequest.groupBy({
        by: ["resourceType", "effect", "outcome"],
        where: { districtId, at: { gt: since, lte: now } },
        _count: { _all: true },
      });
      const stats: SyncWindow = { window, people: noEffects(), groups: noEffects(), requests: 0, failures: 0, errorRate: null };
      for (const group of groups) {
        const count = group._count._all;
        stats.requests += count;
        if (group.outcome === "failure") stats.failures += count;
        else if (group.effect && group.resourceType === "User") stats.people[group.effect] += count;
        else if (group.effect && group.resourceType === "Group") stats.groups[group.effect] += count;
      }
      stats.errorRate = stats.requests === 0 ? null : stats.failures / stats.requests;
      return stats;
    }),
  );
}

function noEffects(): EffectCounts {
  return { created: 0, updated: 0, deactivated: 0, deleted: 0 };
}

export type SyncWarning = {
  failed: number;
  considered: number;
  /** What fails most: the operation, on which resource, with which reason, and how often. */
  mostCommon: { operation: string; resourceType: string; error: string; count: number };
  lastFailureAt: string;
};

/** Set when more than half of the latest requests failed; says what is failing the most. */
export async function getSyncWarning(districtId: string): Promise<SyncWarning | null> {
  await flushScimLog();
  const latest = await db().scimRequest.findMany({
    where: { districtId },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: WARNING_WINDOW,
    select: { at: true, outcome: true, operation: true, resourceType: true, error: true, status: true },
  });
  const failures = latest.filter((request) => request.outcome === "failure");
  if (latest.length < WARNING_MIN_REQUESTS || failures.length * 2 <= latest.length) return null;

  const tally = new Map<string, SyncWarning["mostCommon"]>();
  for (const failure of failures) {
    const error = failure.error ?? `HTTP ${failure.status}`;
    const key = JSON.stringify([failure.operation, failure.resourceType, error]);
    const entry = tally.get(key) ?? { operation: failure.operation, resourceType: failure.resourceType, error, count: 0 };
    entry.count += 1;
    tally.set(key, entry);
  }
  // Map keeps insertion order, newest first, so a tie goes to the most recent failure.
  const mostCommon = [...tally.values()].reduce((best, entry) => (entry.count > best.count ? entry : best));
  return { failed: failures.length, considered: latest.length, mostCommon, lastFailureAt: failures[0]!.at.toISOString() };
}
