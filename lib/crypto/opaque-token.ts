// Opaque bearer secrets (API keys, client secrets, access tokens): high-entropy random
// strings with a recognisable prefix (so secret scanners can spot a leaked one), stored
// only as their SHA-256. A fast hash is right here: the secrets are 256-bit random, so
// there is nothing to guess, and every API request must look one up by its hash.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

export function newOpaqueToken(prefix: string): string {
  return prefix + randomBytes(32).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function tokenMatchesHash(token: string, expectedHash: string): boolean {
  const actual = Buffer.from(hashToken(token), "hex");
  const expected = Buffer.from(expectedHash, "hex");
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** The `Bearer` credential of an Authorization header, or null. */
export function bearerToken(request: Request): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get("authorization") ?? "");
  return match?.[1] ?? null;
}
