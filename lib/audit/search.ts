// Reading the audit log: the operator's filters from the address, a page of events newest
// first, the whole filtered log in batches for the CSV export, and the tenants and actions
// that occur (the choices of the tenant and action filters). Nothing here writes: audit
// entries cannot be changed or deleted.
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";

export const AUDIT_PAGE_SIZE = 50;
export const AUDIT_EXPORT_BATCH_SIZE = 1000;
const MAX_ACTOR_LENGTH = 200;
const DAY_MS = 24 * 60 * 60 * 1000;

export const AUDIT_FILTER_NAMES = ["tenant", "actor", "action", "from", "to"] as const;
export type AuditFilterName = (typeof AUDIT_FILTER_NAMES)[number];

/** tenant: a vendor's or district's id, or "instance"; actor: part of an email; from / to: YYYY-MM-DD, whole UTC days. */
export type AuditFilter = Partial<Record<AuditFilterName, string>>;

/** `before` opens older events than a cursor, `after` newer ones; a cursor is "<epoch ms>_<id>". */
export type AuditCursor = { before?: string; after?: string };

export type AuditSearch = {
  /** What the address holds, for the filter form to show again. */
  values: Record<AuditFilterName, string>;
  /** The filter to apply, or null when a value is invalid (errors says which and why). */
  filter: AuditFilter | null;
  errors: Partial<Record<AuditFilterName, string>>;
  cursor: AuditCursor;
};

export type AuditRow = {
  id: string;
  at: Date;
  actorEmail: string;
  actorRole: string;
  tenantType: string;
  tenantId: string | null;
  tenantName: string;
  action: string;
  summary: string;
  before: Prisma.JsonValue;
  after: Prisma.JsonValue;
  ip: string | null;
};

/** A page of events, newest first, with the cursors of the pages either side (null at an end). */
export type AuditPage = { rows: AuditRow[]; newer: string | null; older: string | null };

const CURSOR = /^(\d{1,15})_([0-9a-f-]{36})$/i;
const ACTION = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date as YYYY-MM-DD, e.g. 2026-11-26.")
  .refine(isCalendarDay, "This day does not exist: check the month and day.")
  .refine((value) => value >= "1970-01-01", "Enter a day from 1970 on.");

const filterSchema = z
  .object({
    tenant: z.string().refine((value) => value === "instance" || z.guid().safeParse(value).success, "Choose a tenant from the list.").optional(),
    actor: z.string().max(MAX_ACTOR_LENGTH, `Enter at most ${MAX_ACTOR_LENGTH} characters of the actor's email.`).optional(),
    action: z.string().max(100).regex(ACTION, "Choose an action from the list.").optional(),
    from: day.optional(),
    to: day.optional(),
  })
  .refine((filter) => !filter.from || !filter.to || filter.from <= filter.to, { path: ["to"], message: "The “to” day must be on or after the “from” day." });

type SearchParams = URLSearchParams | Record<string, string | string[] | undefined>;

/** The address's filters and page cursor; an unusable cursor is the first page, an invalid filter an error to show. */
export function parseAuditSearch(params: SearchParams): AuditSearch {
  const one = (name: string) => (params instanceof URLSearchParams ? params.get(name) : [params[name]].flat()[0])?.trim() ?? "";
  const values = Object.fromEntries(AUDIT_FILTER_NAMES.map((name) => [name, one(name)])) as Record<AuditFilterName, string>;
  const present = Object.fromEntries(Object.entries(values).filter(([, value]) => value !== ""));
  const before = one("before");
  const after = one("after");
  const cursor = CURSOR.test(before) ? { before } : CURSOR.test(after) ? { after } : {};

  const parsed = filterSchema.safeParse(present);
  if (parsed.success) return { values, filter: parsed.data, errors: {}, cursor };
  const errors: AuditSearch["errors"] = {};
  for (const issue of parsed.error.issues) {
    const name = AUDIT_FILTER_NAMES.find((filterName) => filterName === issue.path[0]);
    if (name) errors[name] ??= issue.message;
  }
  return { values, filter: null, errors, cursor };
}

/** The address of the filtered log (or of its export) with a page cursor, leaving out empty filters. */
export function auditSearchHref(path: string, filter: AuditFilter, cursor: AuditCursor = {}): string {
  const params = new URLSearchParams();
  for (const name of AUDIT_FILTER_NAMES) if (filter[name]) params.set(name, filter[name]);
  if (cursor.before) params.set("before", cursor.before);
  if (cursor.after) params.set("after", cursor.after);
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

export function isFiltered(filter: AuditFilter): boolean {
  return AUDIT_FILTER_NAMES.some((name) => filter[name]);
}

export async function listAuditEvents(filter: AuditFilter, cursor: AuditCursor = {}): Promise<AuditPage> {
  const position = cursor.before ?? cursor.after;
  const forward = cursor.after !== undefined;
  const direction = forward ? "asc" : "desc";
  const found = await db().auditEvent.findMany({
    where: { AND: [whereOf(filter), position ? keysetCondition(position, forward ? "gt" : "lt") : {}] },
    orderBy: [{ at: direction }, { id: direction }],
    take: AUDIT_PAGE_SIZE + 1,
  });
  const more = found.length > AUDIT_PAGE_SIZE;
  const rows = found.slice(0, AUDIT_PAGE_SIZE);
  if (forward) rows.reverse();
  const first = rows[0];
  const last = rows.at(-1);
  const hasNewer = forward ? more : position !== undefined;
  const hasOlder = forward ? true : more;
  return { rows, newer: hasNewer && first ? cursorOf(first) : null, older: hasOlder && last ? cursorOf(last) : null };
}

/** Every event the filter matches, newest first, a batch at a time, so that a large log never sits in memory whole. */
export async function* auditEventBatches(filter: AuditFilter, batchSize = AUDIT_EXPORT_BATCH_SIZE): AsyncGenerator<AuditRow[]> {
  let position: string | undefined;
  for (;;) {
    const batch = await db().auditEvent.findMany({
      where: { AND: [whereOf(filter), position ? keysetCondition(position, "lt") : {}] },
      orderBy: [{ at: "desc" }, { id: "desc" }],
      take: batchSize,
    });
    if (batch.length > 0) yield batch;
    const last = batch.at(-1);
    if (batch.length < batchSize || !last) return;
    position = cursorOf(last);
  }
}

export type AuditTenantOption = { id: string; name: string };
export type AuditTenantOptions = { instance: boolean; vendors: AuditTenantOption[]; districts: AuditTenantOption[] };

/** The tenants that have events, by their current names: one index probe per vendor and district rather than a scan of the log. */
export async function listAuditTenants(): Promise<AuditTenantOptions> {
  const [vendors, districts, instance] = await Promise.all([
    db().$queryRaw<AuditTenantOption[]>`
      SELECT v.id::text AS id, v.name FROM "Vendor" v
      WHERE EXISTS (SELECT 1 FROM "AuditEvent" e WHERE e."tenantType" = 'vendor' AND e."tenantId" = v.id)
      ORDER BY v.name, v.id`,
    db().$queryRaw<AuditTenantOption[]>`
      SELECT d.id::text AS id, d.name FROM "District" d
      WHERE EXISTS (SELECT 1 FROM "AuditEvent" e WHERE e."tenantType" = 'district' AND e."tenantId" = d.id)
      ORDER BY d.name, d.id`,
    db().auditEvent.findFirst({ where: { tenantType: "instance" }, select: { id: true } }),
  ]);
  return { instance: instance !== null, vendors, districts };
}

/** The distinct action names in the log, sorted. Walks the (action, at) index one name at a time instead of reading every row. */
export async function listAuditActions(): Promise<string[]> {
  const rows = await db().$queryRaw<{ action: string }[]>`
    WITH RECURSIVE actions(action) AS (
      (SELECT action FROM "AuditEvent" ORDER BY action LIMIT 1)
      UNION ALL
      SELECT (SELECT e.action FROM "AuditEvent" e WHERE e.action > actions.action ORDER BY e.action LIMIT 1)
      FROM actions WHERE actions.action IS NOT NULL
    )
    SELECT action FROM actions WHERE action IS NOT NULL`;
  return rows.map((row) => row.action);
}

export type FieldChange = { field: string; before: unknown; after: unknown; changed: boolean };

/**
 * The fields of an event's before and after side by side, in the order they were recorded;
 * `changed` marks those that differ. Values that are not objects show as one "value" field.
 */
export function fieldChanges(before: unknown, after: unknown): FieldChange[] {
  if (before == null && after == null) return [];
  if (isFieldRecord(before) && isFieldRecord(after)) {
    const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
    return fields.map((field) => {
      const was = before?.[field];
      const is = after?.[field];
      return { field, before: was, after: is, changed: canonicalJson(was) !== canonicalJson(is) };
    });
  }
  return [{ field: "value", before, after, changed: canonicalJson(before) !== canonicalJson(after) }];
}

/** JSON with object keys sorted, so that the same value recorded in another key order compares equal. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return "";
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === "object" && !Array.isArray(inner) ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : inner,
  );
}

function isFieldRecord(value: unknown): value is Record<string, unknown> | null | undefined {
  return value == null || (typeof value === "object" && !Array.isArray(value));
}

function whereOf(filter: AuditFilter): Prisma.AuditEventWhereInput {
  const where: Prisma.AuditEventWhereInput = {};
  // Vendor and district ids never collide; naming both types keeps the (tenantType, tenantId, at) index usable.
  if (filter.tenant === "instance") where.tenantType = "instance";
  else if (filter.tenant) Object.assign(where, { tenantType: { in: ["vendor", "district"] }, tenantId: filter.tenant });
  // Prisma passes `contains` to LIKE as it is: % and _ in an email are meant literally.
  if (filter.actor) where.actorEmail = { contains: filter.actor.replace(/[\\%_]/g, "\\$&"), mode: "insensitive" };
  if (filter.action) where.action = filter.action;
  if (filter.from || filter.to) {
    where.at = {
      ...(filter.from && { gte: startOfDay(filter.from) }),
      ...(filter.to && { lt: new Date(startOfDay(filter.to).getTime() + DAY_MS) }),
    };
  }
  return where;
}

// Date rolls 2026-02-30 over into March and makes 2026-13-01 invalid: a real day reads back unchanged.
function isCalendarDay(day: string): boolean {
  const start = startOfDay(day);
  return !Number.isNaN(start.getTime()) && start.toISOString().slice(0, 10) === day;
}

function startOfDay(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

function keysetCondition(cursor: string, side: "lt" | "gt"): Prisma.AuditEventWhereInput {
  const [, ms, id] = CURSOR.exec(cursor)!;
  const at = new Date(Number(ms));
  return { OR: [{ at: { [side]: at } }, { at, id: { [side]: id! } }] };
}

function cursorOf(row: { at: Date; id: string }): string {
  return `${row.at.getTime()}_${row.id}`;
}
