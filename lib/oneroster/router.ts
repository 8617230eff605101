// Answers one Data API GET for a district already authenticated: matches the path to an
// endpoint, checks the query, reads one page as OneRoster JSON written by the database (rows
// and count in parallel) and sends it with its paging headers.
import { getConfig } from "@/lib/config";
import { COLLECTIONS } from "./collections";
import { API_BASE_PATH, matchEndpoint, type Endpoint } from "./endpoints";
import { OneRosterError, errorResponse, unknownObject } from "./errors";
import { ENTITY_FIELDS } from "./fields";
import { NESTED_SCOPES } from "./nested";
import { linkHeader } from "./paging";
import { collectionWhere, countRows, findOne, findPage } from "./queries";
import { parseFieldSelection, parseListQuery } from "./query-params";
import { rowJson, selectedFields } from "./serialise";
import { allOf, sql, type Sql } from "./sql";

/** The JSON text of an answer and its paging headers. */
type Answer = { body: string; headers?: Record<string, string> };

/** Every query below is scoped by `districtId`: another district's sourcedIds are simply not found. */
export async function answerOneRoster(request: Request, districtId: string): Promise<Response> {
  try {
    const url = new URL(request.url);
    const match = matchEndpoint(pathSegments(url.pathname));
    if (!match) throw unknownObject(`There is no OneRoster endpoint at ${url.pathname}.`);
    const publicUrl = new URL(url.pathname + url.search, getConfig().publicUrl);
    const answer =
      match.endpoint.kind === "one"
        ? await answerOne(match.endpoint, match.ids, districtId, publicUrl)
        : await answerList(match.endpoint, match.ids, districtId, publicUrl);
    return json(answer);
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

async function answerOne(endpoint: Endpoint, ids: string[], districtId: string, url: URL): Promise<Answer> {
  const collection = COLLECTIONS[endpoint.collection];
  const fields = ENTITY_FIELDS[collection.entity];
  const selected = selectedFields(fields, parseFieldSelection(url.searchParams, fields));
  const sourcedId = ids.at(-1)!;
  const where = allOf([collectionWhere(collection.entity, districtId, collection.scope), sql`"sourcedId" = ${sourcedId}`]);
  const shown = await findOne(collection.entity, where, rowJson(collection.entity, selected, apiBase()));
  if (shown === null) throw unknownObject(`No ${collection.noun} with sourcedId '${sourcedId}'.`);
  return { body: `{${JSON.stringify(collection.singular)}:${shown}}` };
}

async function answerList(endpoint: Endpoint, ids: string[], districtId: string, url: URL): Promise<Answer> {
  const collection = COLLECTIONS[endpoint.collection];
  const fields = ENTITY_FIELDS[collection.entity];
  const query = parseListQuery(url.searchParams, fields);
  const conditions: Sql[] = [collectionWhere(collection.entity, districtId, collection.scope)];
  if (endpoint.within) conditions.push(await NESTED_SCOPES[endpoint.within](districtId, ids));
  if (query.where) conditions.push(query.where);
  const where = allOf(conditions);
  const selected = selectedFields(fields, query.fields);
  const [rows, total] = await Promise.all([
    findPage({ entity: collection.entity, districtId, where, orderBy: query.orderBy, limit: query.limit, offset: query.offset, json: rowJson(collection.entity, selected, apiBase()) }),
    countRows(collection.entity, where, { reuse: query.offset > 0 }),
  ]);
  const body = `{${JSON.stringify(collection.plural)}:[${rows.map((row) => row.json).join(",")}]}`;
  const headers = { "x-total-count": String(total), link: linkHeader(url, { limit: query.limit, offset: query.offset, total }) };
  return { body, headers };
}

const apiBase = () => `${getConfig().publicUrl}${API_BASE_PATH}`;

function json({ body, headers }: Answer): Response {
  return new Response(body, { status: 200, headers: { "content-type": "application/json", "cache-control": "no-store", ...headers } });
}
