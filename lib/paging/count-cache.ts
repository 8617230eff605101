// Counting every matching row is the slowest part of a page (a 100,000-student district takes
// tens of milliseconds to count, the page itself a few). A client paging through a list asks
// the same count again and again, so the count is remembered for a short while and reused for
// pages after the first; the first page (offset 0) is always counted afresh.
import type { Prisma } from "@/generated/prisma/client";

type Sql = Prisma.Sql;

export const COUNT_TTL_MS = 30_000;
const MAX_ENTRIES = 5_000;
const counts = new Map<string, { count: number; until: number }>();

export async function countOnce(scope: string, where: Sql, reuse: boolean, count: () => Promise<number>): Promise<number> {
  const key = `${scope}\u0000${where.sql}\u0000${JSON.stringify(where.values)}`;
  const now = Date.now();
  const known = counts.get(key);
  if (reuse && known && known.until > now) return known.count;
  const fresh = await count();
  if (counts.size >= MAX_ENTRIES) counts.clear();
  counts.set(key, { count: fresh, until: now + COUNT_TTL_MS });
  return fresh;
}
