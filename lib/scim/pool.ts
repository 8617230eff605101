// SCIM's own PostgreSQL connections, for the statements a provisioning cycle runs thousands of
// times: the token check, a create, a lookup or page of users, the provisioning log. Prisma
// compiles every raw query in its WebAssembly query compiler before sending it, which cost as
// much CPU as the rest of the request; here each statement is prepared once per connection and
// afterwards only bound and executed. Statements are still written with Prisma.sql, so the same
// statement also runs in a Prisma transaction when it must commit together with other writes.
import { createHash } from "node:crypto";
import pg from "pg";
import type { Prisma } from "@/generated/prisma/client";
import { getConfig } from "@/lib/config";

const POOL_SIZE = 8;
/**
 * Each connection keeps the statements it prepared. Filters give statements of many shapes, so
 * only this many shapes are prepared; the rest run unprepared, as they would through Prisma.
 */
const MAX_PREPARED_SHAPES = 200;

const globalForPool = globalThis as unknown as { rollcallScimPool?: pg.Pool };
const statementNames = new Map<string, string>();

function pool(): pg.Pool {
  if (!globalForPool.rollcallScimPool) {
    const created = new pg.Pool({ connectionString: getConfig().databaseUrl, max: POOL_SIZE, allowExitOnIdle: true });
    // An idle connection the server ended (a restart) is dropped by the pool and the next query
    // opens a new one, so no request sees the error; unheard, it would end the process.
    created.on("error", () => undefined);
    globalForPool.rollcallScimPool = created;
  }
  return globalForPool.rollcallScimPool;
}

function statementName(text: string): string | undefined {
  const known = statementNames.get(text);
  if (known || statementNames.size >= MAX_PREPARED_SHAPES) return known;
  const name = `scim_${createHash("sha1").update(text).digest("hex").slice(0, 20)}`;
  statementNames.set(text, name);
  return name;
}

/** Runs one statement on SCIM's pool, in a transaction of its own (autocommit). */
export async function poolQuery<T>(statement: Prisma.Sql): Promise<T[]> {
  const text = statement.text;
  const result = await pool().query({ name: statementName(text), text, values: statement.values });
  return result.rows as T[];
}

/** A unique index refused the statement: Prisma and pg report it differently. */
export function isUniqueViolation(error: unknown, column: string): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  const unique = code === "23505" || error.message.includes("23505");
  const where = `${error.message} ${String((error as { constraint?: unknown }).constraint ?? "")} ${String((error as { detail?: unknown }).detail ?? "")}`;
  return unique && where.includes(column);
}
