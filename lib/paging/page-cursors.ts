// Offset paging made cheap for clients that page through a list in order. When a page in
// sourcedId order is served, the sourcedId it ended on is remembered for the offset that
// follows; a request for that offset then continues after that sourcedId (an index range
// scan) instead of skipping `offset` rows again. A sequential export so costs the same per
// page at the end of a 100,000-row list as at its start, and while the roster changes it
// neither repeats nor skips a row.
import type { Prisma } from "@/generated/prisma/client";

type Sql = Prisma.Sql;

const TTL_MS = 10 * 60_000;
const MAX_ENTRIES = 10_000;
const cursors = new Map<string, { after: string; until: number }>();

const keyOf = (scope: string, where: Sql, direction: string, offset: number) =>
  `${scope}\u0000${where.sql}\u0000${JSON.stringify(where.values)}\u0000${direction}\u0000${offset}`;

/** The sourcedId the row at `offset` follows, if a page that ended there was served lately. */
export function cursorAt(scope: string, where: Sql, direction: string, offset: number): string | undefined {
  const cursor = cursors.get(keyOf(scope, where, direction, offset));
  return cursor && cursor.until > Date.now() ? cursor.after : undefined;
}

export function rememberCursor(scope: string, where: Sql, direction: string, offset: number, after: string): void {
  if (cursors.size >= MAX_ENTRIES) cursors.clear();
  cursors.set(keyOf(scope, where, direction, offset), { after, until: Date.now() + TTL_MS });
}
