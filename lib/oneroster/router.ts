// Answers one Data API GET for a district already authenticated: matches the path to an
// endpoint, checks the query, reads one page (rows and count in parallel, only the columns the
// requested fields need) and shows it as OneRoster JSON with its paging headers.
import { getConfig } from "@/lib/config";
import { COLLECTIONS } from "./collections";
import { API_BASE_PATH, matchEndpoint, type Endpoint } from "./endpoints";
import { OneRosterError, errorResponse, unknownObject } from "./errors";
import { ENTITY_FIELDS, type EntityName } from "./fields";
import { NESTED_SCOPES } from "./nested";
import { linkHeader } from "./paging";
import { collectionWhere, countRows, findOne, findPage, loadChildren } from "./queries";
import { parseFieldSelection, parseListQuery } from "./query-params";
import { columnsFor, selectedFields, serialiseRow, type Row } from "./serialise";
import { allOf, sql, type Sql } from "./sql";

/** Every query below is scoped by `districtId`: another district's sourcedIds are simply not found. */
export async function answerOneRoster(request: Request, districtId: string): Promise<Response> {
  try {
    const url = new URL(request.url);
    const match = matchEndpoint(pathSegments(url.pathname));
    if (!match) throw unknownObject(`There is no OneRoster endpoint at ${url.pathname}.`);
    const publicUrl = new URL(url.pathname + url.search, getConfig().publicUrl);
    return match.endpoint.kind === "one"
      ? await answerOne(match.endpoint, match.ids, districtId, publicUrl)
      : await answerList(match.endpoint, match.ids, districtId, publicUrl);
  } catch (error) {
    if (error instanceof OneRosterError) return errorResponse(error);
    console.error("OneRoster request failed", error);
    return errorResponse(new OneRosterError(500, "internal_server_error", "The request could not be answered. Try again later."));
  }
}

function pathSegments(pathname: string): string[] {
  if (!pathname.startsWith(`${API_BASE_PATH}/`)) return [];
  try {
    return pathname.slice(API_BASE_PATH.length + 1).split("/").map(decodeURIComponent);
  } catch {
    return [];
  }
}

async function answerOne(endpoint: Endpoint, ids: string[], districtId: string, url: URL): Promise<Response> {
  const collection = COLLECTIONS[endpoint.collection];
  const fields = ENTITY_FIELDS[collection.entity];
  const selected = selectedFields(fields, parseFieldSelection(url.searchParams, fields));
  const sourcedId = ids.at(-1)!;
  const where = allOf([collectionWhere(collection.entity, districtId, collection.scope), sql`"sourcedId" = ${sourcedId}`]);
  const row = await findOne(collection.entity, where, columnsFor(selected));
  if (!row) throw unknownObject(`No ${collection.noun} with sourcedId '${sourcedId}'.`);
  const [shown] = await serialise([row], selected, collection.entity, districtId);
  return json({ [collection.singular]: shown });
}

async function answerList(endpoint: Endpoint, ids: string[], districtId: string, url: URL): Promise<Response> {
  const collection = COLLECTIONS[endpoint.collection];
  const fields = ENTITY_FIELDS[collection.entity];
  const query = parseListQuery(url.searchParams, fields);
  const conditions: Sql[] = [collectionWhere(collection.entity, districtId, collection.scope)];
  if (endpoint.within) conditions.push(await NESTED_SCOPES[endpoint.within](districtId, ids));
  if (query.where) conditions.push(query.where);
  const where = allOf(conditions);
  const selected = selectedFields(fields, query.fields);
  const [rows, total] = await Promise.all([
    findPage({ entity: collection.entity, districtId, where, orderBy: query.orderBy, limit: query.limit, offset: query.offset, columns: columnsFor(selected) }),
    countRows(collection.entity, where, { reuse: query.offset > 0 }),
  ]);
  const body = { [collection.plural]: await serialise(rows, selected, collection.entity, districtId) };
  return json(body, {
    "x-total-count": String(total),
    link: linkHeader(url, { limit: query.limit, offset: query.offset, total }),
  });
}

async function serialise(rows: Row[], selected: ReturnType<typeof selectedFields>, entity: EntityName, districtId: string) {
  const wantsChildren = selected.some(([, spec]) => spec.kind === "children");
  const children = wantsChildren ? await loadChildren(entity, districtId, rows.map((row) => String(row.sourcedId))) : undefined;
  const context = { apiBase: `${getConfig().publicUrl}${API_BASE_PATH}`, children };
  return rows.map((row) => serialiseRow(row, selected, context));
}

function json(body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status: 200,
    headers: { "content-type": "application/json", "cache-control": "no-store", ...headers },
  });
}
