// The Data API's reads, as parameterised SQL on the roster tables: one page of rows (selecting
// only the columns the requested fields need) and its count, one record, and the children of
// orgs and academic sessions. Raw SQL rather than findMany: a 1000-row page reads about three
// times faster without the ORM's per-row mapping, and the paging below needs subqueries.
import { db } from "@/lib/db";
import { countOnce } from "./count-cache";
import { cursorAt, rememberCursor } from "./page-cursors";
import { ENTITY_FIELDS, type EntityName } from "./fields";
import type { SortOrder } from "./query-params";
import type { Row } from "./serialise";
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

export type PageRequest = { entity: EntityName; districtId: string; where: Sql; orderBy: SortOrder[]; limit: number; offset: number; columns: string[] };

/**
 * One page. In sourcedId order a page that follows one served lately continues after its last
 * sourcedId (page-cursors.ts); any other page past the first finds its keys first (for the
 * default order an index-only scan, so a deep offset skips index entries, not rows), then
 * reads just those rows.
 */
export async function findPage(request: PageRequest): Promise<Row[]> {
  const { entity, districtId, where, orderBy, limit, offset, columns } = request;
  const table = tableOf(entity);
  const selected = list(columns.map((column) => identifier(column)));
  const order = list(orderBy.map(({ column, direction }) => sql`${identifier(column)} ${direction === "desc" ? sql`DESC` : sql`ASC`}`));
  const bySourcedId = orderBy.length === 1 ? orderBy[0]!.direction : null;
  const after = bySourcedId && offset > 0 ? cursorAt(entity, where, bySourcedId, offset) : undefined;

  let rows: Row[];
  if (offset === 0 || after !== undefined) {
    const continued = after === undefined ? sql`TRUE` : bySourcedId === "desc" ? sql`"sourcedId" < ${after}` : sql`"sourcedId" > ${after}`;
    rows = await db().$queryRaw<Row[]>(sql`SELECT ${selected} FROM ${table} WHERE ${where} AND ${continued} ORDER BY ${order} LIMIT ${limit}`);
  } else {
    rows = await db().$queryRaw<Row[]>(sql`
      SELECT ${selected} FROM ${table}
      WHERE "districtId" = ${districtId}::uuid AND "sourcedId" = ANY(ARRAY(
        SELECT "sourcedId" FROM ${table} WHERE ${where} ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}))
      ORDER BY ${order}`);
  }
  const last = rows.at(-1);
  if (bySourcedId && last) rememberCursor(entity, where, bySourcedId, offset + rows.length, String(last.sourcedId));
  return rows;
}

/** How many rows match; remembered briefly for the later pages of a paging client (see count-cache.ts). */
export function countRows(entity: EntityName, where: Sql, { reuse }: { reuse: boolean }): Promise<number> {
  return countOnce(entity, where, reuse, async () => {
    const [row] = await db().$queryRaw<{ count: number }[]>(sql`SELECT count(*)::int AS count FROM ${tableOf(entity)} WHERE ${where}`);
    return row?.count ?? 0;
  });
}

export async function findOne(entity: EntityName, where: Sql, columns: string[]): Promise<Row | null> {
  const rows = await db().$queryRaw<Row[]>(sql`SELECT ${list(columns.map((column) => identifier(column)))} FROM ${tableOf(entity)} WHERE ${where} LIMIT 1`);
  return rows[0] ?? null;
}

/** sourcedIds of the children of each of the given rows (orgs and academic sessions), in one query. */
export async function loadChildren(entity: EntityName, districtId: string, parentIds: string[]): Promise<Map<string, string[]>> {
  const children = new Map<string, string[]>();
  if (parentIds.length === 0) return children;
  const rows = await db().$queryRaw<{ sourcedId: string; parentSourcedId: string }[]>(sql`
    SELECT "sourcedId", "parentSourcedId" FROM ${tableOf(entity)}
    WHERE "districtId" = ${districtId}::uuid AND "parentSourcedId" IN (${list(parentIds.map((id) => sql`${id}`))})
    ORDER BY "sourcedId"`);
  for (const { sourcedId, parentSourcedId } of rows) {
    const siblings = children.get(parentSourcedId);
    if (siblings) siblings.push(sourcedId);
    else children.set(parentSourcedId, [sourcedId]);
  }
  return children;
}
