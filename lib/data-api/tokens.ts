// OAuth 2.0 client credentials for the Data API (RFC 6749 §4.4): a client id and secret buy
// an opaque bearer token valid for an hour. Only the token's hash is stored.
import { hashToken, newOpaqueToken, tokenMatchesHash } from "@/lib/crypto/opaque-token";
import { db } from "@/lib/db";
import { DISTRICT_SUSPENDED_MESSAGE, VENDOR_SUSPENDED_MESSAGE } from "@/lib/tenants/suspension";

export const TOKEN_LIFETIME_SECONDS = 3600;
export const ACCESS_TOKEN_PREFIX = "rc_at_";

export type TokenResponse = { access_token: string; token_type: "bearer"; expires_in: number };
export type TokenError = {
  error: "invalid_request" | "invalid_client" | "unauthorized_client" | "unsupported_grant_type";
  error_description: string;
};

export type ClientCredentialsRequest = { grantType: string | null; clientId: string | null; clientSecret: string | null };

/** grant_type and the client's id and secret, from the form body or HTTP Basic authentication (RFC 6749 §2.3.1). */
export async function readTokenRequest(request: Request): Promise<ClientCredentialsRequest | null> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("application/x-www-form-urlencoded")) return null;
  const form = new URLSearchParams(await request.text());
  const basic = /^Basic\s+(\S+)$/i.exec(request.headers.get("authorization") ?? "")?.[1];
  if (basic) {
    const decoded = Buffer.from(basic, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon > 0) {
      return {
        grantType: form.get("grant_type"),
        clientId: decodeURIComponent(decoded.slice(0, colon)),
        clientSecret: decodeURIComponent(decoded.slice(colon + 1)),
      };
    }
  }
  return { grantType: form.get("grant_type"), clientId: form.get("client_id"), clientSecret: form.get("client_secret") };
}

export async function issueToken(
  request: ClientCredentialsRequest,
  now = new Date(),
): Promise<{ ok: true; body: TokenResponse } | { ok: false; status: 400 | 401 | 403; body: TokenError }> {
  if (request.grantType !== "client_credentials") {
    return { ok: false, status: 400, body: { error: "unsupported_grant_type", error_description: "Use grant_type=client_credentials." } };
  }
  if (!request.clientId || !request.clientSecret) {
    return { ok: false, status: 400, body: { error: "invalid_request", error_description: "Send client_id and client_secret (form fields or HTTP Basic)." } };
  }
  const credential = await db().dataApiCredential.findUnique({
    where: { clientId: request.clientId },
    select: { id: true, secretHash: true, vendor: { select: { suspendedAt: true } }, district: { select: { suspendedAt: true } } },
  });
  if (!credential || !tokenMatchesHash(request.clientSecret, credential.secretHash)) {
    return { ok: false, status: 401, body: { error: "invalid_client", error_description: "Unknown client or wrong secret." } };
  }
  // Only after the secret matched: a suspension is nobody else's business.
  const suspended = credential.vendor.suspendedAt ? VENDOR_SUSPENDED_MESSAGE : credential.district.suspendedAt ? DISTRICT_SUSPENDED_MESSAGE : null;
  if (suspended) return { ok: false, status: 403, body: { error: "unauthorized_client", error_description: suspended } };

  const token = newOpaqueToken(ACCESS_TOKEN_PREFIX);
  await db().dataApiToken.create({
    data: { credentialId: credential.id, tokenHash: hashToken(token), createdAt: now, expiresAt: new Date(now.getTime() + TOKEN_LIFETIME_SECONDS * 1000) },
  });
  // Expired tokens are of no use to anyone; clear them as new ones are made.
  await db().dataApiToken.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - TOKEN_LIFETIME_SECONDS * 1000) } } });
  return { ok: true, body: { access_token: token, token_type: "bearer", expires_in: TOKEN_LIFETIME_SECONDS } };
}
