// The SFTP server's host key: one ed25519 key per instance, made on first start and kept
// encrypted in Instance.sftpHostKey, so districts' clients see the same fingerprint every time.
// ssh2 is CommonJS: Node's ESM loader (tsx scripts) sees only its default export.
import ssh2 from "ssh2";
import { getConfig } from "@/lib/config";
import { encryptSecret, openSecret, type EncryptionKeys } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
import { fingerprintOf } from "@/lib/sftp/public-keys";

const { utils } = ssh2;

/** The context the host key's ciphertext is bound to (key rotation re-encrypts with the same one). */
export const HOST_KEY_CONTEXT = "sftp-host-key";

export type HostKey = { privateKey: string; publicKey: string; fingerprint: string };

let cached: Promise<HostKey> | undefined;

export function getHostKey(): Promise<HostKey> {
  cached ??= loadOrCreateHostKey().catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

/**
 * A new ed25519 key pair in OpenSSH form. About one private key in 250 that ssh2 generates is
 * one its own parser then refuses ("Malformed OpenSSH private key"), so a pair is only
 * handed out once its private key parses.
 */
export function ed25519KeyPair(comment?: string): { private: string; public: string } {
  for (;;) {
    const pair = utils.generateKeyPairSync("ed25519", comment ? { comment } : undefined);
    const parsed = utils.parseKey(pair.private);
    if (!(parsed instanceof Error) && !Array.isArray(parsed)) return pair;
  }
}

/** Reads the stored key, making and storing one first if there is none (the first writer wins). */
export async function loadOrCreateHostKey(keys: EncryptionKeys = getConfig().encryptionKey): Promise<HostKey> {
  const [existing] = await db().$queryRaw<{ sftpHostKey: string | null }[]>`SELECT "sftpHostKey" FROM "Instance" WHERE id = 1`;
  let sealed = existing?.sftpHostKey ?? null;
  if (!sealed) {
    const made = encryptSecret(ed25519KeyPair().private, keys, HOST_KEY_CONTEXT);
    // Two processes starting at once both get here; the first write wins and both read it back.
    const [stored] = await db().$queryRaw<{ sftpHostKey: string }[]>`
      INSERT INTO "Instance" (id, "sftpHostKey") VALUES (1, ${made})
      ON CONFLICT (id) DO UPDATE SET "sftpHostKey" = COALESCE("Instance"."sftpHostKey", EXCLUDED."sftpHostKey")
      RETURNING "sftpHostKey"`;
    sealed = stored!.sftpHostKey;
  }
  const { plaintext: privateKey, withCurrentKey } = openSecret(sealed, keys, HOST_KEY_CONTEXT);
  if (!withCurrentKey) {
    // Sealed with a key from before a rotation: re-seal it with the current one while the old is still accepted.
    const resealed = encryptSecret(privateKey, keys, HOST_KEY_CONTEXT);
    await db().$executeRaw`UPDATE "Instance" SET "sftpHostKey" = ${resealed} WHERE id = 1 AND "sftpHostKey" = ${sealed}`;
  }
  const parsed = utils.parseKey(privateKey);
  if (parsed instanceof Error || Array.isArray(parsed)) throw new Error("The stored SFTP host key does not parse");
  const blob = parsed.getPublicSSH();
  return { privateKey, publicKey: `${parsed.type} ${blob.toString("base64")}`, fingerprint: fingerprintOf(blob) };
}
