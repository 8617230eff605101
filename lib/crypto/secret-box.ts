// Encrypts secrets at rest (AES-256-GCM). Each ciphertext is bound to a context string,
// e.g. the row it belongs to, so a ciphertext copied into another row does not decrypt.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

const FORMAT = "v1";
const IV_BYTES = 12;

/**
 * The key new secrets are encrypted with, and the keys that were current before it: still
 * accepted for decryption until `npm run rotate-encryption-key` has re-encrypted everything.
 */
export type EncryptionKeys = { current: Buffer; previous: readonly Buffer[] };
type Keys = Buffer | EncryptionKeys;

export function encryptSecret(plaintext: string, keys: Keys, context: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", Buffer.isBuffer(keys) ? keys : keys.current, iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [FORMAT, iv, cipher.getAuthTag(), ciphertext].map(encodePart).join(".");
}

export function decryptSecret(sealed: string, keys: Keys, context: string): string {
  return openSecret(sealed, keys, context).plaintext;
}

/** Decrypts with whichever configured key fits, and says whether that was the current one. */
export function openSecret(sealed: string, keys: Keys, context: string): { plaintext: string; withCurrentKey: boolean } {
  const [format, iv, tag, ciphertext] = sealed.split(".");
  if (format !== FORMAT || !iv || !tag || ciphertext === undefined) {
    throw new Error("Not a Rollcall secret (unknown format)");
  }
  const candidates = Buffer.isBuffer(keys) ? [keys] : [keys.current, ...keys.previous];
  for (const [index, key] of candidates.entries()) {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(context, "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    try {
      const plaintext = Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]);
      return { plaintext: plaintext.toString("utf8"), withCurrentKey: index === 0 };
    } catch {
      // Not this key (or tampered with): GCM's authentication tag does not match.
    }
  }
  throw new Error("A stored secret does not decrypt with the configured encryption keys (ROLLCALL_ENCRYPTION_KEY, ROLLCALL_PREVIOUS_ENCRYPTION_KEYS)");
}

export function generateKey(): string {
  return randomBytes(32).toString("base64");
}

function encodePart(part: string | Buffer): string {
  return typeof part === "string" ? part : part.toString("base64url");
}
