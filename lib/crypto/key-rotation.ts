// Re-encrypts every secret stored in the database with the current encryption key, so that
// the keys listed in ROLLCALL_PREVIOUS_ENCRYPTION_KEYS can be retired afterwards.
// The contexts are those the owning modules bind their ciphertexts to (provisioning
// settings, signing secrets, Data API credentials, the SFTP host key, the launch signing key, applications' SFTP delivery keys); key-rotation.test.ts reads the rotated
// secrets back through those modules, so a context that drifts apart fails there.
import { encryptSecret, openSecret, type EncryptionKeys } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
import { DELIVERY_KEY_CONTEXT } from "@/lib/deliveries/key-pair";
import { LAUNCH_KEY_CONTEXT } from "@/lib/launch/signing-key";
import { HOST_KEY_CONTEXT } from "@/lib/sftp/host-key";

type StoredSecret = { id: string; sealed: string; context: string };

type SecretColumn = {
  name: string;
  list(): Promise<StoredSecret[]>;
  /** Writes the new ciphertext unless the row changed or went away meanwhile; says whether it wrote. */
  replace(id: string, from: string, to: string): Promise<boolean>;
};

const SECRET_COLUMNS: SecretColumn[] = [
  {
    name: "secret header values",
    list: async () =>
      (
        await db().provisioningHeader.findMany({
          where: { encryptedValue: { not: null } },
          select: { id: true, applicationId: true, encryptedValue: true },
        })
      ).map((row) => ({ id: row.id, sealed: row.encryptedValue ?? "", context: `provisioning-header:${row.applicationId}` })),
    replace: async (id, from, to) =>
      (await db().provisioningHeader.updateMany({ where: { id, encryptedValue: from }, data: { encryptedValue: to } })).count === 1,
  },
  {
    name: "webhook signing secrets",
    list: async () =>
      (await db().webhookSigningSecret.findMany({ select: { id: true, applicationId: true, encryptedSecret: true } })).map((row) => ({
        id: row.id,
        sealed: row.encryptedSecret,
        context: `signing-secret:${row.applicationId}`,
      })),
    replace: async (id, from, to) =>
      (await db().webhookSigningSecret.updateMany({ where: { id, encryptedSecret: from }, data: { encryptedSecret: to } })).count === 1,
  },
  {
    name: "Data API client secrets",
    list: async () =>
      (await db().dataApiCredential.findMany({ select: { id: true, clientId: true, encryptedSecret: true } })).map((row) => ({
        id: row.id,
        sealed: row.encryptedSecret,
        context: `data-api-client:${row.clientId}`,
      })),
    replace: async (id, from, to) =>
      (await db().dataApiCredential.updateMany({ where: { id, encryptedSecret: from }, data: { encryptedSecret: to } })).count === 1,
  },
  {
    name: "the SFTP server's host key",
    list: async () =>
      (await db().instance.findMany({ where: { sftpHostKey: { not: null } }, select: { id: true, sftpHostKey: true } })).map((row) => ({
        id: String(row.id),
        sealed: row.sftpHostKey ?? "",
        context: HOST_KEY_CONTEXT,
      })),
    replace: async (id, from, to) => (await db().instance.updateMany({ where: { id: Number(id), sftpHostKey: from }, data: { sftpHostKey: to } })).count === 1,
  },
  {
    name: "the launch token signing key",
    list: async () =>
      (await db().instance.findMany({ where: { launchSigningKey: { not: null } }, select: { id: true, launchSigningKey: true } })).map((row) => ({
        id: String(row.id),
        sealed: row.launchSigningKey ?? "",
        context: LAUNCH_KEY_CONTEXT,
      })),
    replace: async (id, from, to) =>
      (await db().instance.updateMany({ where: { id: Number(id), launchSigningKey: from }, data: { launchSigningKey: to } })).count === 1,
  },
  {
    name: "applications' SFTP delivery keys",
    list: async () =>
      (await db().fileDelivery.findMany({ where: { sftpPrivateKey: { not: null } }, select: { applicationId: true, sftpPrivateKey: true } })).map((row) => ({
        id: row.applicationId,
        sealed: row.sftpPrivateKey ?? "",
        context: DELIVERY_KEY_CONTEXT,
      })),
    replace: async (id, from, to) =>
      (await db().fileDelivery.updateMany({ where: { applicationId: id, sftpPrivateKey: from }, data: { sftpPrivateKey: to } })).count === 1,
  },
];

export type RotationResult = {
  name: string;
  reEncrypted: number;
  alreadyCurrent: number;
  /** Rows changed by the app while this ran; a second run picks them up. */
  changedMeanwhile: number;
};

/**
 * Every secret that decrypts only with a previous key is encrypted again with the current
 * one. Each row is checked before any is written: if some secret fits none of the keys,
 * nothing changes and the error names the rows.
 */
export async function reEncryptStoredSecrets(keys: EncryptionKeys): Promise<RotationResult[]> {
  const unreadable: string[] = [];
  const plans = [];
  for (const column of SECRET_COLUMNS) {
    const stale: { secret: StoredSecret; plaintext: string }[] = [];
    const secrets = await column.list();
    for (const secret of secrets) {
      try {
        const opened = openSecret(secret.sealed, keys, secret.context);
        if (!opened.withCurrentKey) stale.push({ secret, plaintext: opened.plaintext });
      } catch {
        unreadable.push(`${column.name}: ${secret.id}`);
      }
    }
    plans.push({ column, stale, alreadyCurrent: secrets.length - stale.length });
  }
  if (unreadable.length > 0) {
    throw new Error(
      `${unreadable.length} stored secret(s) decrypt with none of the configured keys; add the key that encrypted them to ` +
        `ROLLCALL_PREVIOUS_ENCRYPTION_KEYS. Nothing was changed.\n  ${unreadable.slice(0, 20).join("\n  ")}`,
    );
  }

  const results: RotationResult[] = [];
  for (const { column, stale, alreadyCurrent } of plans) {
    let reEncrypted = 0;
    for (const { secret, plaintext } of stale) {
      if (await column.replace(secret.id, secret.sealed, encryptSecret(plaintext, keys.current, secret.context))) reEncrypted++;
    }
    results.push({ name: column.name, reEncrypted, alreadyCurrent, changedMeanwhile: stale.length - reEncrypted });
  }
  return results;
}
