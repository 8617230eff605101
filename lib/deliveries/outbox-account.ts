// A vendor's account on Rollcall's SFTP server for Rollcall-hosted delivery: its username
// (FileDelivery.outboxUsername), the SSH keys that may sign in (OutboxKey, under the same rules
// as districts' keys), and what to connect to. Callers have already checked that the signed-in
// vendor admin owns the application; every query is scoped by the application id.
import { randomBytes } from "node:crypto";
import { recordApplicationAudit } from "@/lib/applications/audit";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db";
import { isUniqueViolation, MAX_KEYS, type SftpKeyView } from "@/lib/sftp/accounts";
import { getHostKey } from "@/lib/sftp/host-key";
import { parsePublicKey } from "@/lib/sftp/public-keys";
import { addSftpKeySchema } from "@/lib/sftp/schema";
import { isUuid } from "@/lib/uuid";

export type OutboxKeyView = SftpKeyView;
export type AddOutboxKeyResult = { ok: true; key: OutboxKeyView } | { ok: false; message: string };
export type OutboxConnectionDetails = {
  host: string;
  port: number;
  /** Null until the application has its File delivery settings. */
  username: string | null;
  hostKeyFingerprint: string;
  /** False when this instance runs no SFTP server (SFTP_PORT=0): vendors cannot pull. */
  serverOn: boolean;
};

const KEY_VIEW = { id: true, name: true, algorithm: true, fingerprint: true, createdAt: true, lastUsedAt: true } as const;

/**
 * The outbox account's username, e.g. app-1a2b3c4d (from the application id; random on a clash),
 * set once on the application's FileDelivery row. Null when the application has no such row.
 */
export async function ensureOutboxUsername(applicationId: string): Promise<string | null> {
  if (!isUuid(applicationId)) return null;
  for (let attempt = 0; ; attempt++) {
    const delivery = await db().fileDelivery.findUnique({ where: { applicationId }, select: { outboxUsername: true } });
    if (!delivery) return null;
    if (delivery.outboxUsername) return delivery.outboxUsername;
    try {
      // Only where none is set yet: a second tab saving at the same time keeps the first username.
      await db().fileDelivery.updateMany({ where: { applicationId, outboxUsername: null }, data: { outboxUsername: outboxUsernameFor(applicationId, attempt) } });
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 5) throw error;
    }
  }
}

export function outboxUsernameFor(applicationId: string, attempt = 0): string {
  return `app-${attempt === 0 ? applicationId.replace(/-/g, "").slice(0, 8).toLowerCase() : randomBytes(4).toString("hex")}`;
}

export function listOutboxKeys(applicationId: string): Promise<OutboxKeyView[]> {
  if (!isUuid(applicationId)) return Promise.resolve([]);
  return db().outboxKey.findMany({ where: { applicationId }, orderBy: { createdAt: "asc" }, select: KEY_VIEW });
}

export async function addOutboxKey(applicationId: string, input: { name: string; publicKey: string }, createdById: string | null): Promise<AddOutboxKeyResult> {
  const checked = addSftpKeySchema.safeParse(input);
  if (!checked.success) return { ok: false, message: checked.error.issues[0]?.message ?? "Check the key's name and the public key." };
  const parsed = parsePublicKey(checked.data.publicKey);
  if (!parsed.ok) return parsed;
  const count = await db().outboxKey.count({ where: { applicationId } });
  if (count >= MAX_KEYS) return { ok: false, message: `This account has ${MAX_KEYS} keys. Remove one that is no longer used, then add this one.` };
  const { algorithm, fingerprint, publicKey } = parsed.key;
  try {
    const key = await db().$transaction(async (tx) => {
      const created = await tx.outboxKey.create({
        data: { applicationId, name: checked.data.name, algorithm, fingerprint, publicKey, createdById },
        select: KEY_VIEW,
      });
      await recordApplicationAudit(tx, applicationId, {
        action: "outbox_key.added",
        summary: (name) => `SSH key “${created.name}” added to the Rollcall-hosted SFTP account of ${name}`,
        after: { name: created.name, algorithm, fingerprint },
      });
      return created;
    });
    return { ok: true, key };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const same = await db().outboxKey.findFirst({ where: { applicationId, fingerprint }, select: { name: true } });
    return { ok: false, message: `This key is already on the account${same ? ` as “${same.name}”` : ""}.` };
  }
}

/** False when the key is not the application's (another application's key, or one already removed). */
export async function removeOutboxKey(applicationId: string, keyId: string): Promise<boolean> {
  if (!isUuid(applicationId) || !isUuid(keyId)) return false;
  return db().$transaction(async (tx) => {
    const key = await tx.outboxKey.findFirst({ where: { id: keyId, applicationId }, select: { name: true, algorithm: true, fingerprint: true } });
    if (!key) return false;
    const { count } = await tx.outboxKey.deleteMany({ where: { id: keyId, applicationId } });
    if (count === 0) return false;
    await recordApplicationAudit(tx, applicationId, {
      action: "outbox_key.removed",
      summary: (name) => `SSH key “${key.name}” removed from the Rollcall-hosted SFTP account of ${name}`,
      before: key,
    });
    return true;
  });
}

/** What a vendor's SFTP client connects to, with the host key fingerprint to check on first connect. */
export async function outboxConnectionDetails(applicationId: string): Promise<OutboxConnectionDetails> {
  const { sftpHost, sftpPort } = getConfig();
  const [username, hostKey] = await Promise.all([ensureOutboxUsername(applicationId), getHostKey()]);
  return { host: sftpHost, port: sftpPort, username, hostKeyFingerprint: hostKey.fingerprint, serverOn: sftpPort !== 0 };
}
