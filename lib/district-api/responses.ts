// The district API's JSON answers: `{ "error": { "code", "message" } }` on failure, as the
// Partner API answers, with a message that says what to change.
const NO_STORE = { "cache-control": "no-store" };

export type DistrictApiErrorStatus = 400 | 401 | 403 | 413 | 415 | 500;

export function districtApiJson(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { ...NO_STORE, ...headers } });
}

export function districtApiError(status: DistrictApiErrorStatus, code: string, message: string): Response {
  const headers: Record<string, string> = status === 401 ? { "www-authenticate": 'Bearer realm="rollcall-district-api"' } : {};
  return districtApiJson({ error: { code, message } }, status, headers);
}

export const unauthorised = () =>
  districtApiError(
    401,
    "unauthorised",
    "Send a district API token as Authorization: Bearer rc_dist_…. Tokens are created on the API tokens tab of the Imports page; a revoked token no longer works.",
  );
