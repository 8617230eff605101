// The HTTP edges of the SCIM service: reading a request body (JSON, at most 1 MB, never a 500
// for a malformed one), the list parameters, and SCIM JSON answers.
import { invalidSyntax, invalidValue, ScimError, scimResponse } from "@/lib/scim/errors";
import { MAX_PAGE_SIZE } from "@/lib/scim/discovery";
import { etagOf } from "@/lib/scim/resources";
import { readBodyWithin } from "@/lib/http/limited-body";

export const MAX_BODY_BYTES = 1024 * 1024;
const DEFAULT_PAGE_SIZE = 100;

const tooLarge = () => new ScimError(413, `The request body is larger than ${MAX_BODY_BYTES / 1024} KB.`);

export async function readJsonBody(request: Request): Promise<unknown> {
  const type = request.headers.get("content-type");
  if (type && !/^application\/(scim\+)?json\s*(;|$)/i.test(type.trim())) {
    throw new ScimError(415, "Send the body as application/scim+json (or application/json).");
  }
  const text = await readLimited(request);
  if (!text.trim()) throw invalidSyntax("The request needs a JSON body.");
  try {
    return JSON.parse(text);
  } catch {
    throw invalidSyntax("The request body is not valid JSON.");
  }
}

async function readLimited(request: Request): Promise<string> {
  const body = await readBodyWithin(request, MAX_BODY_BYTES);
  if (!body.ok) throw tooLarge();
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(body.bytes);
  } catch {
    throw invalidSyntax("The request body is not UTF-8 text.");
  }
}

export type ListParams = { filter: string | null; startIndex: number; count: number };

/** startIndex is 1-based (below 1 means 1); count defaults to 100, at most 1,000 (0 gives only totalResults). */
export function listParams(params: URLSearchParams): ListParams {
  const integer = (name: string, fallback: number) => {
    const raw = params.get(name);
    if (raw === null || raw.trim() === "") return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value)) throw invalidValue(`${name} must be an integer.`);
    return value;
  };
  const filter = params.get("filter");
  return {
    filter: filter && filter.trim() ? filter.trim() : null,
    startIndex: Math.max(1, integer("startIndex", 1)),
    count: Math.min(MAX_PAGE_SIZE, Math.max(0, integer("count", DEFAULT_PAGE_SIZE))),
  };
}

export function scimJson(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return scimResponse(JSON.stringify(body), status, headers);
}

export function resourceHeaders(resource: { meta?: unknown }, version: number): Record<string, string> {
  const location = (resource.meta as { location?: string } | undefined)?.location;
  return { etag: etagOf(version), ...(location ? { "content-location": location } : {}) };
}

/** If-None-Match on a GET: the client's copy is current. */
export function notModified(request: Request, version: number): boolean {
  const tags = request.headers.get("if-none-match");
  if (!tags) return false;
  return tags.split(",").some((tag) => tag.trim() === "*" || tag.trim().replace(/^W\//, "") === etagOf(version).replace(/^W\//, ""));
}
