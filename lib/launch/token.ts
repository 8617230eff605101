// Launch tokens: what My apps hands a vendor's launch URL so the vendor can trust who
// arrives. A JWT signed with the instance's launch key, for one application, for 60 seconds;
// the vendor's receiver remembers its jti so it is used once.
import { randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import type { RosterRole } from "@/generated/prisma/client";
import { getConfig } from "@/lib/config";
import { getLaunchKey, LAUNCH_TOKEN_ALGORITHM, type LaunchKey } from "@/lib/launch/signing-key";

export { LAUNCH_TOKEN_ALGORITHM };
export const LAUNCH_TOKEN_LIFETIME_SECONDS = 60;
/** The query parameter the token travels in. */
export const LAUNCH_TOKEN_PARAMETER = "launch_token";
export const JWKS_PATH = "/.well-known/jwks.json";

/** The token's `iss`: this instance's public URL. */
export function launchTokenIssuer(): string {
  return getConfig().publicUrl;
}

export function launchJwksUrl(): string {
  return `${getConfig().publicUrl}${JWKS_PATH}`;
}

/** The claims, as the Sign-in tab lists them for vendors. */
export const LAUNCH_TOKEN_CLAIMS = [
  { claim: "iss", meaning: "Rollcall's address (the issuer shown above)." },
  { claim: "aud", meaning: "Your application's id: refuse tokens for any other audience." },
  { claim: "sub", meaning: "The person's OneRoster sourcedId, the same as in the district's roster." },
  { claim: "districtGUID", meaning: "The district, as in your webhooks and the Partner API." },
  { claim: "role", meaning: "The person's OneRoster role: student, teacher, administrator, aide, …" },
  { claim: "given_name, family_name, name", meaning: "The person's first, last and full name." },
  { claim: "email", meaning: "The person's email address; absent when the district has none." },
  { claim: "jti", meaning: "A unique id: remember it until the token expires and refuse it a second time." },
  { claim: "iat, nbf, exp", meaning: `Issued-at, not-before and expiry times; a token lives ${LAUNCH_TOKEN_LIFETIME_SECONDS} seconds.` },
] as const;

export type LaunchTokenInput = {
  application: { id: string };
  person: { sourcedId: string; role: RosterRole; givenName: string; familyName: string; email: string | null };
  district: { districtGuid: string };
};

export type LaunchTokenClaims = {
  districtGUID: string;
  role: RosterRole;
  given_name: string;
  family_name: string;
  name: string;
  email?: string;
};

/** Signs a launch token; `now` (seconds) and `key` only for tests. */
export async function issueLaunchToken(
  { application, person, district }: LaunchTokenInput,
  { now = Math.floor(Date.now() / 1000), key }: { now?: number; key?: LaunchKey } = {},
): Promise<string> {
  const signingKey = key ?? (await getLaunchKey());
  const claims: LaunchTokenClaims = {
    districtGUID: district.districtGuid,
    role: person.role,
    given_name: person.givenName,
    family_name: person.familyName,
    name: `${person.givenName} ${person.familyName}`.trim(),
    ...(person.email ? { email: person.email } : {}),
  };
  return new SignJWT(claims)
    .setProtectedHeader({ alg: LAUNCH_TOKEN_ALGORITHM, kid: signingKey.kid, typ: "JWT" })
    .setIssuer(launchTokenIssuer())
    .setAudience(application.id)
    .setSubject(person.sourcedId)
    .setJti(randomUUID())
    .setIssuedAt(now)
    .setNotBefore(now)
    .setExpirationTime(now + LAUNCH_TOKEN_LIFETIME_SECONDS)
    .sign(signingKey.privateKey);
}

/** The vendor's launch URL with the token added to its query (any parameter of the same name is replaced). */
export function launchUrlWithToken(launchUrl: string, token: string): string {
  const url = new URL(launchUrl);
  url.searchParams.set(LAUNCH_TOKEN_PARAMETER, token);
  return url.toString();
}
