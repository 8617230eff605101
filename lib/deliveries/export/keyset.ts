// Reads a table in keyset-paged batches (by sourcedId), asking for the next batch while the
// caller writes the current one, so the export never holds more than two batches. A batch
// arrives as one JSON text (json_agg of the rows' cells): the driver decodes one value per
// batch rather than thousands of row objects, which was most of an export's time.
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";

export const BATCH_SIZE = 5_000;

/** The rows of one batch, each its cells, and the key to read on from. */
export type KeyedBatch = { last: string | null; rows: unknown[][] };

/**
 * Batches of `select(after, size)` — a query of `k` (the key) and `cells` (a json array)
 * ordered by k and limited to size — until one comes back short.
 */
export async function* keysetBatches(select: (after: string | null, size: number) => Prisma.Sql, size = BATCH_SIZE): AsyncGenerator<unknown[][]> {
  let next: Promise<KeyedBatch> | null = readBatch(select(null, size));
  while (next) {
    const batch: KeyedBatch = await next;
    next = batch.rows.length === size ? readBatch(select(batch.last, size)) : null;
    // Awaited on the next turn; this only keeps a failure from counting as unhandled if the caller stops early.
    next?.catch(() => undefined);
    yield batch.rows;
  }
}

export async function readBatch(select: Prisma.Sql): Promise<KeyedBatch> {
  const [batch] = await db().$queryRaw<{ last: string | null; rows: string }[]>(Prisma.sql`
    SELECT max(b.k) AS last, coalesce(json_agg(b.cells ORDER BY b.k), '[]')::text AS rows FROM (${select}) AS b`);
  return { last: batch?.last ?? null, rows: JSON.parse(batch?.rows ?? "[]") as unknown[][] };
}
