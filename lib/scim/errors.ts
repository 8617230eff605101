// SCIM's error answers (RFC 7644 §3.12): the Error schema, `status` as a string, and a
// scimType for the 400s and 409s a client can act on.
export const ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";
export const SCIM_CONTENT_TYPE = "application/scim+json; charset=utf-8";

export type ScimType =
  | "uniqueness"
  | "invalidFilter"
  | "invalidValue"
  | "invalidPath"
  | "mutability"
  | "noTarget"
  | "invalidSyntax"
  | "tooMany"
  | "invalidVers"
  | "sensitive";

export class ScimError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly scimType?: ScimType,
  ) {
    super(detail);
  }
}

export const invalidSyntax = (detail: string) => new ScimError(400, detail, "invalidSyntax");
export const invalidValue = (detail: string) => new ScimError(400, detail, "invalidValue");
export const invalidFilter = (detail: string) => new ScimError(400, detail, "invalidFilter");
export const mutability = (detail: string) => new ScimError(400, detail, "mutability");
export const noTarget = (detail: string) => new ScimError(400, detail, "noTarget");
export const invalidPath = (detail: string) => new ScimError(400, detail, "invalidPath");
export const uniqueness = (detail: string) => new ScimError(409, detail, "uniqueness");
export const notFound = (detail: string) => new ScimError(404, detail);

export function scimErrorBody(error: ScimError): string {
  return JSON.stringify({ schemas: [ERROR_SCHEMA], status: String(error.status), ...(error.scimType ? { scimType: error.scimType } : {}), detail: error.detail });
}

/** The reason written to the provisioning log: what the client was told. */
export function logReason(error: ScimError): string {
  return error.scimType ? `${error.scimType}: ${error.detail}` : error.detail;
}

export function scimErrorResponse(error: ScimError, headers: Record<string, string> = {}): Response {
  return scimResponse(scimErrorBody(error), error.status, headers);
}

/** Below this size gzip saves a few hundred bytes on the wire and costs more CPU than the request's SQL. */
const COMPRESS_FROM_BYTES = 4096;

/**
 * A SCIM answer. Next.js gzips every answer it streams, however small, with a new zlib stream
 * each time: for a create that cost more CPU than its SQL. `no-transform` (which Next.js's
 * compression honours) leaves answers below COMPRESS_FROM_BYTES (one resource, an error, a
 * lookup) uncompressed; pages of resources are still gzipped.
 */
export function scimResponse(body: string, status: number, headers: Record<string, string> = {}): Response {
  const small = body.length < COMPRESS_FROM_BYTES;
  return new Response(body, {
    status,
    headers: { "content-type": SCIM_CONTENT_TYPE, "cache-control": small ? "no-store, no-transform" : "no-store", ...headers },
  });
}
