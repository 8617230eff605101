// The vendor's side of Rollcall's APIs, with nothing but Node's fetch: exchange a district's
// GUID for its Data API credentials (Partner API), buy an access token with them (OAuth 2.0
// client credentials), and page through the district's users (IMS OneRoster 1.1).

export type DistrictCredentials = {
  districtGUID: string;
  districtName: string;
  sandbox: boolean;
  clientId: string;
  clientSecret: string;
  tokenUrl: string;
  oneRosterBaseUrl: string;
};

/** A OneRoster user; only the fields this receiver reads are named. */
export type OneRosterUser = { sourcedId: string; role: string; [field: string]: unknown };

export type UsersPage = { users: OneRosterUser[]; totalCount: number | null };

/** Access tokens last an hour: one is fetched when first needed, and again when the API refuses it. */
export type AccessTokens = { current(): Promise<string>; renew(): Promise<string> };

export class RollcallApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "RollcallApiError";
  }
}

const TIMEOUT_MS = 30_000;
const ATTEMPTS = 3;

/** GET <credentialsUrl> with the Partner API key; the same credentials come back on every call. */
export async function fetchCredentials(credentialsUrl: string, apiKey: string): Promise<DistrictCredentials> {
  const response = await send(credentialsUrl, { headers: { authorization: `Bearer ${apiKey}` } });
  return (await readJson(response)) as DistrictCredentials;
}

export function accessTokens(credentials: DistrictCredentials): AccessTokens {
  let token: Promise<string> | null = null;
  return {
    current: () => (token ??= fetchAccessToken(credentials)),
    renew: () => (token = fetchAccessToken(credentials)),
  };
}

/** POST <tokenUrl>: grant_type=client_credentials, the client id and secret as HTTP Basic (RFC 6749 §2.3.1). */
async function fetchAccessToken({ tokenUrl, clientId, clientSecret }: DistrictCredentials): Promise<string> {
  const basic = Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString("base64");
  const response = await send(tokenUrl, {
    method: "POST",
    headers: { authorization: `Basic ${basic}`, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "client_credentials" }).toString(),
  });
  const { access_token } = (await readJson(response)) as { access_token: string; token_type: "bearer"; expires_in: number };
  return access_token;
}

/** Every user of the district, a page at a time, following the Link header's rel="next" to the end. */
export async function* userPages(oneRosterBaseUrl: string, tokens: AccessTokens, pageSize = 1000): AsyncGenerator<UsersPage> {
  let url: string | null = `${oneRosterBaseUrl}/users?limit=${pageSize}&offset=0`;
  while (url) {
    let response = await send(url, { headers: { authorization: `Bearer ${await tokens.current()}` } });
    if (response.status === 401) {
      await response.body?.cancel();
      response = await send(url, { headers: { authorization: `Bearer ${await tokens.renew()}` } });
    }
    const { users } = (await readJson(response)) as { users: OneRosterUser[] };
    const totalCount = response.headers.get("x-total-count");
    yield { users, totalCount: totalCount === null ? null : Number(totalCount) };
    url = users.length > 0 ? linkTo("next", response.headers.get("link")) : null;
  }
}

/** The URL of one relation in an RFC 8288 Link header: `<https://…&offset=1000>; rel="next", <…>; rel="last"`. */
export function linkTo(relation: string, header: string | null): string | null {
  for (const [, url, rel] of (header ?? "").matchAll(/<([^>]*)>\s*;\s*rel="?([^";,]+)"?/g)) {
    if (rel === relation) return url ?? null;
  }
  return null;
}

/** fetch with a timeout, tried again after a network error, a 429 or a 5xx (1 s, then 2 s later). */
async function send(url: string, init: RequestInit): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    try {
      const response = await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
      const transient = response.status === 429 || response.status >= 500;
      if (!transient || attempt === ATTEMPTS) return response;
      await response.body?.cancel();
    } catch (error) {
      if (attempt === ATTEMPTS) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 1000 * attempt));
  }
}

/** The JSON body of a 2xx answer; otherwise an error carrying the API's own explanation. */
async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!response.ok) {
    throw new RollcallApiError(response.status, `${response.url} answered ${response.status}: ${explanation(text)}`);
  }
  return JSON.parse(text);
}

/** The message in each API's error shape: Partner API, OAuth token endpoint, OneRoster statusInfoSet. */
function explanation(body: string): string {
  try {
    const error = JSON.parse(body) as {
      error?: { message?: string } | string;
      error_description?: string;
      statusInfoSet?: { imsx_description?: string }[];
    };
    if (typeof error.error === "object" && error.error.message) return error.error.message;
    if (error.error_description) return error.error_description;
    if (error.statusInfoSet?.[0]?.imsx_description) return error.statusInfoSet[0].imsx_description;
  } catch {
    // Not JSON: show the start of the body below.
  }
  return body.slice(0, 200) || "(empty body)";
}
