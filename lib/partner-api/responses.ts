// The Partner API's JSON answers: `{ "error": { "code", "message" } }` on failure, never a
// hint of whether a district the caller may not see exists.
const NO_STORE = { "cache-control": "no-store" };

export function partnerJson(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return Response.json(body, { status: init.status ?? 200, headers: { ...NO_STORE, ...init.headers } });
}

export function partnerError(status: 400 | 401 | 403 | 404, code: string, message: string): Response {
  const headers: Record<string, string> = status === 401 ? { "www-authenticate": 'Bearer realm="rollcall-partner-api"' } : {};
  return partnerJson({ error: { code, message } }, { status, headers });
}

export const unauthorised = () =>
  partnerError(401, "unauthorised", "Send a Partner API key as Authorization: Bearer <key>. Keys are created on the API keys page of the Rollcall console.");
