// Standard Webhooks signatures (https://www.standardwebhooks.com): HMAC-SHA256 over
// "<id>.<timestamp>.<body>" with the base64 key inside a `whsec_` secret.
import { createHmac, randomBytes } from "node:crypto";

const SECRET_PREFIX = "whsec_";

export function generateSigningSecret(): string {
  return SECRET_PREFIX + randomBytes(32).toString("base64");
}

export function isSigningSecret(value: string): boolean {
  return value.startsWith(SECRET_PREFIX) && Buffer.from(value.slice(SECRET_PREFIX.length), "base64").length >= 24;
}

/** One `v1,<signature>` per secret, space-separated, as the `webhook-signature` header carries them. */
export function signatureHeader(secrets: readonly string[], messageId: string, timestamp: number, body: string): string {
  return secrets.map((secret) => `v1,${sign(secret, messageId, timestamp, body)}`).join(" ");
}

function sign(secret: string, messageId: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.slice(SECRET_PREFIX.length), "base64");
  return createHmac("sha256", key).update(`${messageId}.${timestamp}.${body}`).digest("base64");
}
