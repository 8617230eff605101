// The district's provisioning log: one row per SCIM request (also for failures, and for 401s
// whose token names a district), written by the SCIM handler (activity.ts reads it for the
// Identity sync page). Rows name the token, never hold it.
// Rows are written in batches, one statement every FLUSH_AFTER_MS (or MAX_BATCH rows) instead
// of one per request: during a provisioning cycle the log insert was a third of each create's
// statements. Readers of the log call flushScimLog() first, so they see every answered request.
import { after } from "next/server";
import { Prisma } from "@/generated/prisma/client";
import { poolQuery } from "@/lib/scim/pool";

export type ScimOperation = "create" | "replace" | "update" | "delete" | "get" | "list" | "ServiceProviderConfig" | "ResourceTypes" | "Schemas";
export type ScimEffectName = "created" | "updated" | "deactivated" | "deleted";

export type ScimRequestEntry = {
  districtId: string;
  tokenId: string | null;
  at: Date;
  method: string;
  /** A ScimOperation, or "unknown" for a path that names no endpoint. */
  operation: string;
  /** User, Group, a discovery endpoint's name, or "unknown". */
  resourceType: string;
  resourceId?: string | null;
  /** The user's userName, or the group's displayName. */
  userName?: string | null;
  externalId?: string | null;
  status: number;
  effect?: ScimEffectName | null;
  /** The reason sent back with a failure: scimType and detail. */
  error?: string | null;
  latencyMs: number;
};

const FLUSH_AFTER_MS = 100;
const MAX_BATCH = 500;
const MAX_TEXT = 500;
const clip = (value: string | null | undefined) => (value == null ? null : value.slice(0, MAX_TEXT));

type Batch = { rows: ScimRequestEntry[]; written: Promise<void>; markWritten: () => void; timer: ReturnType<typeof setTimeout> };

type LogBuffer = {
  open: Batch | null;
  /** The latest batch's write; batches are written one after another, in the order they were logged. */
  lastWrite: Promise<void>;
};

// Next.js instantiates this module once per bundle (the SCIM route's, the Identity sync page's),
// so the buffer lives on globalThis: the page's flush must reach rows the route logged.
const globalForLog = globalThis as unknown as { rollcallScimLog?: LogBuffer };
const buffer: LogBuffer = (globalForLog.rollcallScimLog ??= { open: null, lastWrite: Promise.resolve() });

/** Queues the row; the promise settles once it is in the table (it never rejects: a failed write is reported on the console). */
export function logScimRequest(entry: ScimRequestEntry): Promise<void> {
  buffer.open ??= openBatch();
  const batch = buffer.open;
  batch.rows.push(entry);
  if (batch.rows.length >= MAX_BATCH) void flushScimLog();
  return batch.written;
}

/** Writes every row logged so far; resolves once they are in the table. */
export function flushScimLog(): Promise<void> {
  const batch = buffer.open;
  if (!batch) return buffer.lastWrite;
  buffer.open = null;
  clearTimeout(batch.timer);
  buffer.lastWrite = buffer.lastWrite.then(() => writeRows(batch.rows)).then(batch.markWritten);
  return buffer.lastWrite;
}

/**
 * Keeps Next.js from exiting on SIGTERM before the request's row is written: a graceful
 * shutdown waits for the work handed to after(). Outside a Next.js request (the production
 * server's SCIM lane, which flushes on shutdown itself; the tests and scripts) after()
 * refuses, and the flush timer alone writes the row.
 */
export function holdShutdownUntil(written: Promise<void>): void {
  try {
    after(written);
  } catch {
    // Not inside a Next.js request: there is no shutdown to hold.
  }
}

function openBatch(): Batch {
  let markWritten = () => {};
  const written = new Promise<void>((resolve) => (markWritten = resolve));
  const timer = setTimeout(() => void flushScimLog(), FLUSH_AFTER_MS);
  // A script that logged a request may end before the timer fires; it flushes first if it cares.
  timer.unref();
  return { rows: [], written, markWritten, timer };
}

async function writeRows(rows: ScimRequestEntry[]): Promise<void> {
  try {
    await poolQuery(insertStatement(rows));
  } catch {
    // One bad row (its district deleted meanwhile) must not cost the others theirs.
    for (const row of rows) {
      try {
        await poolQuery(insertStatement([row]));
      } catch (error) {
        console.error("Could not write the SCIM provisioning log", error);
      }
    }
  }
}

function insertStatement(rows: ScimRequestEntry[]): Prisma.Sql {
  const column = <T>(value: (row: ScimRequestEntry) => T) => rows.map(value);
  return Prisma.sql`
    INSERT INTO "ScimRequest" ("districtId", "tokenId", at, method, operation, "resourceType", "resourceId", "userName", "externalId", status, outcome, effect, error, "latencyMs")
    SELECT r."districtId", r."tokenId", r.at AT TIME ZONE 'UTC', r.method, r.operation, r."resourceType", r."resourceId", r."userName", r."externalId", r.status,
      (CASE WHEN r.status < 400 THEN 'success' ELSE 'failure' END)::"ScimOutcome", r.effect::"ScimEffect", r.error, r."latencyMs"
    FROM unnest(${column((row) => row.districtId)}::uuid[], ${column((row) => row.tokenId)}::uuid[], ${column((row) => row.at.toISOString())}::timestamptz[],
      ${column((row) => row.method)}::text[], ${column((row) => row.operation)}::text[], ${column((row) => row.resourceType)}::text[],
      ${column((row) => clip(row.resourceId))}::text[], ${column((row) => clip(row.userName))}::text[], ${column((row) => clip(row.externalId))}::text[],
      ${column((row) => row.status)}::int[], ${column((row) => row.effect ?? null)}::text[], ${column((row) => clip(row.error))}::text[],
      ${column((row) => Math.max(0, Math.round(row.latencyMs)))}::int[])
      WITH ORDINALITY AS r("districtId", "tokenId", at, method, operation, "resourceType", "resourceId", "userName", "externalId", status, effect, error, "latencyMs", position)
    ORDER BY r.position`;
}
