// The deliveries log as a vendor admin sees it: messages of one of their applications,
// every attempt of one message, Redeliver, and whether the endpoint keeps failing.
import { findVendorApplication } from "@/lib/applications/queries";
import { db } from "@/lib/db";
import { isUuid } from "@/lib/uuid";
import { prettyJson } from "@/lib/webhooks/payload";
import type { DeliveryStatus, WebhookMode } from "@/generated/prisma/enums";
import type { Prisma, WebhookMessage } from "@/generated/prisma/client";
import type { HeaderList } from "@/lib/webhooks/request";

export const DELIVERY_STATUSES = ["pending", "retrying", "delivered", "failed"] as const satisfies readonly DeliveryStatus[];
export const DELIVERY_MODES = ["test", "trial", "standard"] as const satisfies readonly WebhookMode[];
export const PAGE_SIZE = 25;
export const FAILING_ENDPOINT_AFTER_MS = 3 * 24 * 3_600_000;

/** `district` is a district GUID. */
export type DeliveryFilter = { status?: DeliveryStatus; mode?: WebhookMode; district?: string; before?: string };

export type DeliveryDistrict = { guid: string; name: string };

export type DeliveryRow = {
  id: string;
  createdAt: string;
  eventType: string;
  mode: WebhookMode;
  districtName: string;
  districtGuid: string;
  status: DeliveryStatus;
  attemptCount: number;
  lastStatusCode: number | null;
  lastLatencyMs: number | null;
  nextAttemptAt: string | null;
};

export type DeliveryPage = { rows: DeliveryRow[]; nextBefore: string | null };

/** Filters from a query string; unknown values are ignored rather than trusted. */
export function parseDeliveryFilter(params: URLSearchParams): DeliveryFilter {
  const status = params.get("status");
  const mode = params.get("mode");
  const district = params.get("district");
  const before = params.get("before");
  return {
    status: DELIVERY_STATUSES.find((value) => value === status),
    mode: DELIVERY_MODES.find((value) => value === mode),
    district: district && isUuid(district) ? district.toLowerCase() : undefined,
    before: before && /^msg_[A-Za-z0-9_-]{1,64}$/.test(before) ? before : undefined,
  };
}

/** Newest first; `before` is the id of the last row of the previous page (ids are time-ordered). */
export async function listDeliveries(vendorId: string, applicationId: string, filter: DeliveryFilter): Promise<DeliveryPage | null> {
  if (!(await findVendorApplication(vendorId, applicationId))) return null;
  const where: Prisma.WebhookMessageWhereInput = {
    applicationId,
    ...(filter.status && { status: filter.status }),
    ...(filter.mode && { mode: filter.mode }),
    ...(filter.district && { districtGuid: filter.district }),
    ...(filter.before && { id: { lt: filter.before } }),
  };
  const messages = await db().webhookMessage.findMany({ where, orderBy: { id: "desc" }, take: PAGE_SIZE + 1 });
  const rows = messages.slice(0, PAGE_SIZE).map(toDeliveryRow);
  return { rows, nextBefore: messages.length > PAGE_SIZE ? rows.at(-1)!.id : null };
}

/**
 * The districts this application has messages for, by name, for the log's District filter.
 * Grouped in the database; a district renamed between messages is listed once, by its latest name.
 */
export async function listDeliveryDistricts(vendorId: string, applicationId: string): Promise<DeliveryDistrict[] | null> {
  if (!(await findVendorApplication(vendorId, applicationId))) return null;
  const groups = await db().webhookMessage.groupBy({
    by: ["districtGuid", "districtName"],
    where: { applicationId },
    _max: { id: true },
  });
  const latest = new Map<string, { name: string; lastId: string }>();
  for (const group of groups) {
    const lastId = group._max.id ?? "";
    const known = latest.get(group.districtGuid);
    if (!known || lastId > known.lastId) latest.set(group.districtGuid, { name: group.districtName, lastId });
  }
  return [...latest]
    .map(([guid, { name }]) => ({ guid, name }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.guid.localeCompare(b.guid));
}

export type AttemptView = {
  id: string;
  number: number;
  trigger: string;
  startedAt: string;
  url: string;
  requestHeaders: HeaderList;
  succeeded: boolean;
  responseStatus: number | null;
  responseHeaders: Record<string, string> | null;
  responseBody: string | null;
  responseBodyTruncated: boolean;
  latencyMs: number;
  timings: { dnsMs?: number; connectMs?: number; tlsMs?: number; firstByteMs?: number; totalMs?: number };
  errorKind: string | null;
  errorMessage: string | null;
  configVersion: number | null;
};

export type DeliveryDetail = DeliveryRow & { payload: string; lastError: string | null; attempts: AttemptView[] };

export async function getDelivery(vendorId: string, applicationId: string, messageId: string): Promise<DeliveryDetail | null> {
  if (!isUuid(applicationId)) return null;
  const message = await db().webhookMessage.findFirst({
    where: { id: messageId, applicationId, application: { vendorId } },
    include: { attempts: { orderBy: [{ startedAt: "asc" }, { number: "asc" }] } },
  });
  if (!message) return null;
  return {
    ...toDeliveryRow(message),
    payload: prettyJson(message.payload),
    lastError: message.lastError,
    attempts: message.attempts.map((attempt) => ({
      id: attempt.id,
      number: attempt.number,
      trigger: attempt.trigger,
      startedAt: attempt.startedAt.toISOString(),
      url: attempt.url,
      requestHeaders: attempt.requestHeaders as HeaderList,
      succeeded: attempt.succeeded,
      responseStatus: attempt.responseStatus,
      responseHeaders: (attempt.responseHeaders as Record<string, string> | null) ?? null,
      responseBody: attempt.responseBody,
      responseBodyTruncated: attempt.responseBodyTruncated,
      latencyMs: attempt.latencyMs,
      timings: attempt.timings as AttemptView["timings"],
      errorKind: attempt.errorKind,
      errorMessage: attempt.errorMessage,
      configVersion: attempt.configVersion,
    })),
  };
}

function toDeliveryRow(message: WebhookMessage): DeliveryRow {
  return {
    id: message.id,
    createdAt: message.createdAt.toISOString(),
    eventType: message.eventType,
    mode: message.mode,
    districtName: message.districtName,
    districtGuid: message.districtGuid,
    status: message.status,
    attemptCount: message.attemptCount,
    lastStatusCode: message.lastStatusCode,
    lastLatencyMs: message.lastLatencyMs,
    nextAttemptAt: message.status === "retrying" ? (message.nextAttemptAt?.toISOString() ?? null) : null,
  };
}

/**
 * When every real (non-test) attempt since the last success has failed, and the first of
 * those failures is at least three days old: the moment the endpoint started failing.
 */
export async function endpointFailingSince(applicationId: string, now = new Date()): Promise<Date | null> {
  const firstFailure = (await failingSinceByApplication([applicationId])).get(applicationId);
  if (!firstFailure) return null;
  return now.getTime() - firstFailure.getTime() >= FAILING_ENDPOINT_AFTER_MS ? firstFailure : null;
}

/**
 * For each application whose endpoint has failed since its last success: its first failed real
 * (non-test) attempt after that success (after any, when it never succeeded). One query for
 * many applications, as the operator's Health page needs.
 */
export async function failingSinceByApplication(applicationIds: readonly string[]): Promise<Map<string, Date>> {
  if (applicationIds.length === 0) return new Map();
  const rows = await db().$queryRaw<{ applicationId: string; since: Date }[]>`
    WITH last_success AS (
      SELECT m."applicationId", max(a."startedAt") AS at
      FROM "WebhookAttempt" a JOIN "WebhookMessage" m ON m.id = a."messageId"
      WHERE m."applicationId" = ANY(${applicationIds}::uuid[]) AND m.mode <> 'test' AND a.succeeded
      GROUP BY m."applicationId"
    )
    SELECT m."applicationId"::text AS "applicationId", min(a."startedAt") AS since
    FROM "WebhookAttempt" a
    JOIN "WebhookMessage" m ON m.id = a."messageId"
    LEFT JOIN last_success ok ON ok."applicationId" = m."applicationId"
    WHERE m."applicationId" = ANY(${applicationIds}::uuid[]) AND m.mode <> 'test' AND NOT a.succeeded
      AND a."startedAt" > coalesce(ok.at, '-infinity'::timestamp)
    GROUP BY m."applicationId"`;
  return new Map(rows.map((row) => [row.applicationId, row.since]));
}
