// The RS256 key that signs launch tokens: one per instance, made on first use and kept
// encrypted in Instance.launchSigningKey, its JWK thumbprint in launchKeyId. Vendors fetch
// the public half from the JWKS URL.
import { calculateJwkThumbprint, exportJWK, exportPKCS8, generateKeyPair, importPKCS8, type JWK } from "jose";
import { getConfig } from "@/lib/config";
import { encryptSecret, openSecret, type EncryptionKeys } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";

/** The context the key's ciphertext is bound to (key rotation re-encrypts with the same one). */
export const LAUNCH_KEY_CONTEXT = "launch-signing-key";
export const LAUNCH_TOKEN_ALGORITHM = "RS256";

export type LaunchKey = {
  kid: string;
  privateKey: CryptoKey;
  /** The public key as published in the JWKS. */
  publicJwk: JWK & { kid: string; alg: string; use: "sig" };
};

type StoredKey = { launchSigningKey: string | null; launchKeyId: string | null };

/** Reads the stored key, making and storing one first if there is none (the first writer wins). */
export async function loadOrCreateLaunchKey(keys: EncryptionKeys = getConfig().encryptionKey): Promise<LaunchKey> {
  const [existing] = await db().$queryRaw<StoredKey[]>`SELECT "launchSigningKey", "launchKeyId" FROM "Instance" WHERE id = 1`;
  let stored = existing?.launchSigningKey && existing.launchKeyId ? existing : null;
  if (!stored) {
    const made = await newKeyPair();
    const sealed = encryptSecret(made.pem, keys, LAUNCH_KEY_CONTEXT);
    // Two requests at once both get here; the first write wins and both read it back.
    const [written] = await db().$queryRaw<StoredKey[]>`
      INSERT INTO "Instance" (id, "launchSigningKey", "launchKeyId") VALUES (1, ${sealed}, ${made.kid})
      ON CONFLICT (id) DO UPDATE SET
        "launchSigningKey" = COALESCE("Instance"."launchSigningKey", EXCLUDED."launchSigningKey"),
        "launchKeyId" = CASE WHEN "Instance"."launchSigningKey" IS NULL THEN EXCLUDED."launchKeyId" ELSE "Instance"."launchKeyId" END
      RETURNING "launchSigningKey", "launchKeyId"`;
    stored = written ?? null;
  }
  if (!stored?.launchSigningKey || !stored.launchKeyId) throw new Error("The launch signing key could not be stored");
  const { plaintext: pem } = openSecret(stored.launchSigningKey, keys, LAUNCH_KEY_CONTEXT);
  return importLaunchKey(pem, stored.launchKeyId);
}

// Next.js may load this module once per bundle (route handlers, pages): the key is shared through globalThis.
const cache = globalThis as unknown as { rollcallLaunchKey?: Promise<LaunchKey> };

export function getLaunchKey(): Promise<LaunchKey> {
  cache.rollcallLaunchKey ??= loadOrCreateLaunchKey().catch((error: unknown) => {
    cache.rollcallLaunchKey = undefined;
    throw error;
  });
  return cache.rollcallLaunchKey;
}

/** What GET /.well-known/jwks.json answers. */
export async function launchJwks(): Promise<{ keys: LaunchKey["publicJwk"][] }> {
  return { keys: [(await getLaunchKey()).publicJwk] };
}

async function newKeyPair(): Promise<{ pem: string; kid: string }> {
  const { privateKey, publicKey } = await generateKeyPair(LAUNCH_TOKEN_ALGORITHM, { extractable: true, modulusLength: 2048 });
  return { pem: await exportPKCS8(privateKey), kid: await calculateJwkThumbprint(await exportJWK(publicKey)) };
}

async function importLaunchKey(pem: string, kid: string): Promise<LaunchKey> {
  const extractable = await importPKCS8(pem, LAUNCH_TOKEN_ALGORITHM, { extractable: true });
  const { kty, n, e } = await exportJWK(extractable);
  const privateKey = await importPKCS8(pem, LAUNCH_TOKEN_ALGORITHM);
  return { kid, privateKey, publicJwk: { kty, n, e, kid, alg: LAUNCH_TOKEN_ALGORITHM, use: "sig" } };
}
