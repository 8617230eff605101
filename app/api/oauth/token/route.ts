import { issueToken, readTokenRequest } from "@/lib/data-api/tokens";

const NO_STORE = { "cache-control": "no-store", pragma: "no-cache" };

export async function POST(request: Request) {
  const tokenRequest = await readTokenRequest(request);
  if (!tokenRequest) {
    return Response.json(
      { error: "invalid_request", error_description: "Send the request as application/x-www-form-urlencoded." },
      { status: 400, headers: NO_STORE },
    );
  }
  const result = await issueToken(tokenRequest);
  return Response.json(result.body, { status: result.ok ? 200 : result.status, headers: NO_STORE });
}
