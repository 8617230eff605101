// Offset paging made cheap for clients that jump to arbitrary offsets. A page at offset 90,000
// with no remembered cursor (page-cursors.ts) must otherwise skip 90,000 index entries, tens of
// milliseconds. Instead every SAMPLE_STRIDE-th key of the list is read once (one index-only
// scan, like a count) and kept briefly; a page then starts after the nearest sampled key at or
// before its offset and skips fewer than SAMPLE_STRIDE entries. While the list changes, offsets
// so found can be off by the rows added or removed since the sample, as a reused count is;
// RFC 7644 §3.4.2.4 leaves index-based paging over changing data without that guarantee.
import type { Prisma } from "@/generated/prisma/client";

type Sql = Prisma.Sql;

export const SAMPLE_STRIDE = 1_000;
export const SAMPLE_TTL_MS = 30_000;
const MAX_ENTRIES = 1_000;
const samples = new Map<string, { keys: Promise<string[]>; until: number }>();

/**
 * Where a page at `offset` (0-based) can start: after `after` (the key at offset `from` - 1),
 * skipping `skip` rows; undefined for an offset within the first stride. `load` reads the keys
 * at (1-based) positions SAMPLE_STRIDE, 2 × SAMPLE_STRIDE, … in order.
 */
export async function sampledStart(
  scope: string,
  where: Sql,
  offset: number,
  load: () => Promise<string[]>,
): Promise<{ after: string; skip: number } | undefined> {
  const stride = Math.floor(offset / SAMPLE_STRIDE);
  if (stride === 0) return undefined;
  const key = `${scope}\u0000${where.sql}\u0000${JSON.stringify(where.values)}`;
  const now = Date.now();
  let known = samples.get(key);
  if (!known || known.until <= now) {
    if (samples.size >= MAX_ENTRIES) samples.clear();
    // Concurrent pages share one read of the sample.
    known = { keys: load(), until: now + SAMPLE_TTL_MS };
    samples.set(key, known);
    known.keys.catch(() => samples.delete(key));
  }
  const keys = await known.keys;
  const index = Math.min(stride, keys.length) - 1;
  if (index < 0) return undefined;
  return { after: keys[index]!, skip: offset - (index + 1) * SAMPLE_STRIDE };
}
