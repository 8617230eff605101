// Answers one request under /scim/v2 for the district its bearer token reaches: routes it,
// answers in SCIM JSON (errors in the RFC's Error form, never a bare 500 page) and logs
// one row of the district's provisioning log.
import { authenticateScimRequest } from "@/lib/scim/tokens";
import { DISTRICT_SUSPENDED_MESSAGE } from "@/lib/tenants/suspension";
import { listResponse, resourceTypes, schemas, serviceProviderConfig } from "@/lib/scim/discovery";
import { logReason, notFound, ScimError, scimErrorResponse } from "@/lib/scim/errors";
import * as groups from "@/lib/scim/groups";
import { listParams, notModified, readJsonBody, resourceHeaders, scimJson } from "@/lib/scim/http";
import { holdShutdownUntil, logScimRequest, type ScimEffectName } from "@/lib/scim/request-log";
import { groupResource, parseProjection, project, SCIM_BASE_PATH, userResource, wantsAttribute, type GroupRecord, type UserRecord } from "@/lib/scim/resources";
import * as users from "@/lib/scim/users";

type Route = { operation: string; resourceType: string; id?: string };
type Outcome = { response: Response; effect?: ScimEffectName | null; record?: UserRecord | GroupRecord };
type Context = { request: Request; url: URL; districtId: string; body?: unknown };

const COLLECTIONS: Record<string, "User" | "Group"> = { users: "User", groups: "Group" };
const DISCOVERY = ["ServiceProviderConfig", "ResourceTypes", "Schemas"];
const OPERATIONS: Record<string, string> = { POST: "create", PUT: "replace", PATCH: "update", DELETE: "delete", GET: "get" };

export async function handleScim(request: Request): Promise<Response> {
  try {
    return await answerScim(request);
  } catch (error) {
    // Only a failure outside a request's own handling, such as the database being down during authentication.
    return scimErrorResponse(asScimError(error));
  }
}

async function answerScim(request: Request): Promise<Response> {
  const started = performance.now();
  const at = new Date();
  const url = new URL(request.url);
  const segments = pathSegments(url.pathname);
  const route = routeOf(request.method, segments);
  const auth = await authenticateScimRequest(request, at);
  if (!auth.ok) {
    const error = auth.suspended
      ? new ScimError(401, DISTRICT_SUSPENDED_MESSAGE)
      : new ScimError(401, "The Secret Token is missing, unknown or revoked. Create one on the district's Identity sync page.");
    if (auth.revoked) record({ ...auth.revoked, at, route, request, status: 401, error: "Revoked token", started });
    if (auth.suspended) record({ ...auth.suspended, at, route, request, status: 401, error: "District suspended", started });
    return scimErrorResponse(error, { "www-authenticate": 'Bearer realm="scim"' });
  }
  const context: Context = { request, url, districtId: auth.caller.districtId };
  let outcome: Outcome;
  let failure: ScimError | null = null;
  try {
    if (!route) throw notFound(`There is no SCIM endpoint at ${url.pathname}.`);
    outcome = await answer(route, context);
  } catch (error) {
    failure = asScimError(error);
    outcome = { response: scimErrorResponse(failure) };
  }
  const resource = outcome.record ? describeRecord(outcome.record) : describeBody(context.body);
  record({
    districtId: auth.caller.districtId,
    tokenId: auth.caller.tokenId,
    at,
    route,
    request,
    status: outcome.response.status,
    effect: outcome.effect ?? null,
    error: failure ? logReason(failure) : null,
    started,
    resourceId: outcome.record?.id ?? route?.id ?? null,
    userName: resource?.name ?? null,
    externalId: resource?.externalId ?? null,
  });
  return outcome.response;
}

function pathSegments(pathname: string): string[] {
  const rest = pathname.startsWith(SCIM_BASE_PATH) ? pathname.slice(SCIM_BASE_PATH.length) : pathname;
  try {
    return rest.split("/").filter(Boolean).map(decodeURIComponent);
  } catch {
    return ["?"];
  }
}

function routeOf(method: string, segments: string[]): Route | null {
  const [first, id, ...more] = segments;
  if (!first || more.length > 0) return null;
  const discovery = DISCOVERY.find((name) => name.toLowerCase() === first.toLowerCase());
  if (discovery) return { operation: discovery, resourceType: discovery, id };
  const resourceType = COLLECTIONS[first.toLowerCase()];
  if (!resourceType) return null;
  const operation = method === "GET" && id === undefined ? "list" : (OPERATIONS[method] ?? method.toLowerCase());
  return { operation, resourceType, id };
}

async function answer(route: Route, context: Context): Promise<Outcome> {
  const method = context.request.method;
  if (DISCOVERY.includes(route.resourceType)) {
    if (method !== "GET") throw new ScimError(405, `${route.resourceType} is read with GET.`);
    if (route.resourceType === "ServiceProviderConfig") {
      if (route.id !== undefined) throw notFound("ServiceProviderConfig has no sub-resources.");
      return { response: scimJson(serviceProviderConfig()) };
    }
    return { response: scimJson(route.resourceType === "Schemas" ? schemas(route.id) : resourceTypes(route.id)) };
  }
  const allowed = route.id === undefined ? ["GET", "POST"] : ["GET", "PUT", "PATCH", "DELETE"];
  if (!allowed.includes(method)) throw new ScimError(405, `${method} is not supported here; use ${allowed.join(", ")}.`);
  if (method === "POST" || method === "PUT" || method === "PATCH") context.body = await readJsonBody(context.request);
  return route.resourceType === "User" ? answerUsers(route.id, context) : answerGroups(route.id, context);
}

async function answerUsers(id: string | undefined, { request, url, districtId, body }: Context): Promise<Outcome> {
  const projection = parseProjection(url.searchParams);
  const show = (record: UserRecord) => project("User", userResource(record), projection);
  const ifMatch = request.headers.get("if-match");
  switch (request.method) {
    case "GET": {
      if (id === undefined) {
        const params = listParams(url.searchParams);
        const { total, records } = await users.listUsers(districtId, { ...params, withGroups: wantsAttribute("User", projection, "groups") });
        return { response: scimJson(listResponse(total, params.startIndex, records.map(show))) };
      }
      const user = await users.getUser(districtId, id);
      if (notModified(request, user.version)) return { response: new Response(null, { status: 304, headers: { etag: resourceHeaders({}, user.version).etag! } }), record: user };
      return single(show(user), user);
    }
    case "POST": {
      const change = await users.createUser(districtId, body);
      return single(show(change.record), change.record, change.effect, 201);
    }
    case "PUT":
    case "PATCH": {
      const change = request.method === "PUT" ? await users.replaceUser(districtId, id!, body, ifMatch) : await users.patchUser(districtId, id!, body, ifMatch);
      return single(show(change.record), change.record, change.effect);
    }
    default: {
      const removed = await users.deleteUser(districtId, id!, ifMatch);
      return { response: new Response(null, { status: 204 }), effect: "deleted", record: removed };
    }
  }
}

async function answerGroups(id: string | undefined, { request, url, districtId, body }: Context): Promise<Outcome> {
  const projection = parseProjection(url.searchParams);
  const withMembers = wantsAttribute("Group", projection, "members");
  const show = (record: GroupRecord) => project("Group", groupResource(record), projection);
  const ifMatch = request.headers.get("if-match");
  switch (request.method) {
    case "GET": {
      if (id === undefined) {
        const params = listParams(url.searchParams);
        const { total, records } = await groups.listGroups(districtId, { ...params, withMembers });
        return { response: scimJson(listResponse(total, params.startIndex, records.map(show))) };
      }
      const group = await groups.getGroup(districtId, id, withMembers);
      if (notModified(request, group.version)) return { response: new Response(null, { status: 304, headers: { etag: resourceHeaders({}, group.version).etag! } }), record: group };
      return single(show(group), group);
    }
    case "POST": {
      const change = await groups.createGroup(districtId, body);
      return single(show(change.record), change.record, change.effect, 201);
    }
    case "PUT":
    case "PATCH": {
      const change = request.method === "PUT" ? await groups.replaceGroup(districtId, id!, body, ifMatch) : await groups.patchGroup(districtId, id!, body, ifMatch);
      // A PATCH answers 204 unless the client asked for attributes: a large group's member list is not sent back for every change.
      if (request.method === "PATCH" && !projection.attributes && !projection.excludedAttributes) {
        return { response: new Response(null, { status: 204, headers: resourceHeaders({}, change.record.version) }), effect: change.effect, record: change.record };
      }
      const shown = withMembers ? await groups.getGroup(districtId, change.record.id, true) : change.record;
      return single(show(shown), shown, change.effect);
    }
    default: {
      const removed = await groups.deleteGroup(districtId, id!, ifMatch);
      return { response: new Response(null, { status: 204 }), effect: "deleted", record: removed };
    }
  }
}

function single(resource: Record<string, unknown>, record: UserRecord | GroupRecord, effect: ScimEffectName | null = null, status = 200): Outcome {
  const headers = resourceHeaders(resource, record.version);
  if (status === 201) headers.location = headers["content-location"]!;
  return { response: scimJson(resource, status, headers), effect, record };
}

function asScimError(error: unknown): ScimError {
  if (error instanceof ScimError) return error;
  console.error("SCIM request failed", error);
  return new ScimError(500, "The request could not be completed. Try again later.");
}

function describeRecord(record: UserRecord | GroupRecord): { name: string; externalId: string | null } {
  return { name: "userName" in record ? record.userName : record.displayName, externalId: record.externalId };
}

/** What the log shows for a request whose resource was never found or made: the name and externalId it sent. */
function describeBody(body: unknown): { name: string | null; externalId: string | null } | null {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return null;
  const fields = Object.fromEntries(Object.entries(body).map(([key, value]) => [key.toLowerCase(), value]));
  const text = (value: unknown) => (typeof value === "string" ? value : null);
  return { name: text(fields.username) ?? text(fields.displayname), externalId: text(fields.externalid) };
}

type LogInput = {
  districtId: string;
  tokenId: string;
  at: Date;
  route: Route | null;
  request: Request;
  status: number;
  started: number;
  effect?: ScimEffectName | null;
  error?: string | null;
  resourceId?: string | null;
  userName?: string | null;
  externalId?: string | null;
};

/** Queues the request's log row; the answer does not wait for it (request-log.ts writes rows in batches). */
function record(input: LogInput): void {
  const written = logScimRequest({
    districtId: input.districtId,
    tokenId: input.tokenId,
    at: input.at,
    method: input.request.method,
    operation: input.route?.operation ?? "unknown",
    resourceType: input.route?.resourceType ?? "unknown",
    resourceId: input.resourceId ?? input.route?.id ?? null,
    userName: input.userName ?? null,
    externalId: input.externalId ?? null,
    status: input.status,
    effect: input.status < 400 ? (input.effect ?? null) : null,
    error: input.error ?? null,
    latencyMs: performance.now() - input.started,
  });
  holdShutdownUntil(written);
}
