// The Data API's reads, as parameterised SQL on the roster tables: one page of rows as
// OneRoster JSON text (serialise.ts) and its count, and one record. Raw SQL rather than
// findMany: the database writes the JSON, and the paging below needs subqueries.
import { db } from "@/lib/db";
import { countOnce } from "@/lib/paging/count-cache";
import { cursorAt, rememberCursor } from "@/lib/paging/page-cursors";
import { readAhead, takeReadAhead } from "./read-ahead";
import { ENTITY_FIELDS, type EntityName } from "./fields";
import type { SortOrder } from "./query-params";
import { allOf, enumValue, identifier, list, sql, tableOf, type Sql } from "./sql";

/** The rows of one district that belong to a collection (e.g. users whose role is student). */
export function collectionWhere(entity: EntityName, districtId: string, scope: Readonly<Record<string, string | readonly string[]>>): Sql {
  const fields = ENTITY_FIELDS[entity];
  const conditions = [sql`"districtId" = ${districtId}::uuid`];
  for (const [column, value] of Object.entries(scope)) {
    const spec = Object.values(fields).find((field) => field.kind === "enum" && field.column === column);
    if (!spec || spec.kind !== "enum") throw new Error(`no enum column ${column} on ${entity}`);
    const values = typeof value === "string" ? [value] : value;
    conditions.push(sql`${identifier(column)} IN (${list(values.map((one) => enumValue(one, spec.pgType)))})`);
  }
  return allOf(conditions);
}

export type PageRequest = { entity: EntityName; districtId: string; where: Sql; orderBy: SortOrder[]; limit: number; offset: number; json: Sql };

/** One row of a page: its sourcedId (where the next page continues) and its OneRoster JSON text. */
export type PageRow = { sourcedId: string; json: string };

/**
 * One page. In sourcedId order a page that follows one served lately continues after its last
 * sourcedId (lib/paging/page-cursors.ts), and may already have been read ahead (read-ahead.ts); any
 * other page past the first finds its keys first (for the default order an index-only scan,
 * so a deep offset skips index entries, not rows), then reads just those rows.
 */
export async function findPage(request: PageRequest): Promise<PageRow[]> {
  const { entity, where, orderBy, limit, offset } = request;
  const bySourcedId = orderBy.length === 1 ? orderBy[0]!.direction : null;
  const after = bySourcedId && offset > 0 ? cursorAt(entity, where, bySourcedId, offset) : undefined;
  const continues = after !== undefined;

  const rows =
    (continues ? await takeReadAhead<PageRow[]>(readAheadKey(request, offset)) : undefined) ??
    (offset === 0 || continues ? await readPageAfter(request, after) : await readPageAt(request));

  const last = rows.at(-1);
  if (bySourcedId && last) {
    const next = offset + rows.length;
    rememberCursor(entity, where, bySourcedId, next, last.sourcedId);
    if (continues && rows.length === limit) readAhead(readAheadKey(request, next), () => readPageAfter(request, last.sourcedId));
  }
  return rows;
}

function pageQuery(request: PageRequest) {
  const order = list(request.orderBy.map(({ column, direction }) => sql`${identifier(column)} ${direction === "desc" ? sql`DESC` : sql`ASC`}`));
  return { table: tableOf(request.entity), selected: sql`"sourcedId", ${request.json} AS json`, order };
}

/** The first page, or the page after a known sourcedId: an index range scan. */
function readPageAfter(request: PageRequest, after: string | undefined): Promise<PageRow[]> {
  const { table, selected, order } = pageQuery(request);
  const descending = request.orderBy[0]?.direction === "desc";
  const continued = after === undefined ? sql`TRUE` : descending ? sql`"sourcedId" < ${after}` : sql`"sourcedId" > ${after}`;
  return db().$queryRaw<PageRow[]>(sql`SELECT ${selected} FROM ${table} WHERE ${request.where} AND ${continued} ORDER BY ${order} LIMIT ${request.limit}`);
}

function readPageAt(request: PageRequest): Promise<PageRow[]> {
  const { table, selected, order } = pageQuery(request);
  return db().$queryRaw<PageRow[]>(sql`
    SELECT ${selected} FROM ${table}
    WHERE "districtId" = ${request.districtId}::uuid AND "sourcedId" = ANY(ARRAY(
      SELECT "sourcedId" FROM ${table} WHERE ${request.where} ORDER BY ${order} LIMIT ${request.limit} OFFSET ${request.offset}))
    ORDER BY ${order}`);
}

/** The same page of the same query: entity, conditions, order, fields and page size. */
function readAheadKey({ entity, where, orderBy, limit, json }: PageRequest, offset: number): string {
  return JSON.stringify([entity, where.sql, where.values, orderBy, limit, json.sql, json.values, offset]);
}

/** How many rows match; remembered briefly for the later pages of a paging client (see lib/paging/count-cache.ts). */
export function countRows(entity: EntityName, where: Sql, { reuse }: { reuse: boolean }): Promise<number> {
  return countOnce(entity, where, reuse, async () => {
    const [row] = await db().$queryRaw<{ count: number }[]>(sql`SELECT count(*)::int AS count FROM ${tableOf(entity)} WHERE ${where}`);
    return row?.count ?? 0;
  });
}

/** The OneRoster JSON text of the one row that matches, if any. */
export async function findOne(entity: EntityName, where: Sql, json: Sql): Promise<string | null> {
  const rows = await db().$queryRaw<{ json: string }[]>(sql`SELECT ${json} AS json FROM ${tableOf(entity)} WHERE ${where} LIMIT 1`);
  return rows[0]?.json ?? null;
}

export async function exists(entity: EntityName, where: Sql): Promise<boolean> {
  const rows = await db().$queryRaw<unknown[]>(sql`SELECT 1 FROM ${tableOf(entity)} WHERE ${where} LIMIT 1`);
  return rows.length > 0;
}
