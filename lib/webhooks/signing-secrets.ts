// Each application's signing secrets, encrypted at rest. Rotation keeps the previous
// secret signing for a grace period so receivers can switch without rejecting requests.
import { recordApplicationAudit } from "@/lib/applications/audit";
import { MASKED, maskSecret } from "@/lib/audit/mask";
import { getConfig } from "@/lib/config";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
import type { Prisma } from "@/generated/prisma/client";
import { generateSigningSecret } from "@/lib/webhooks/signing";

export const ROTATION_GRACE_MS = 24 * 3_600_000;

type Client = Prisma.TransactionClient;

export async function createSigningSecret(tx: Client, applicationId: string): Promise<string> {
  return (await insertSecret(tx, applicationId)).secret;
}

/** Secrets that sign right now, newest first; creates the first one if the application has none. */
export async function activeSigningSecrets(applicationId: string, now = new Date()): Promise<string[]> {
  const rows = await activeRows(applicationId, now);
  return rows.map((row) => openSigningSecret(applicationId, row.encryptedSecret));
}

export type SigningSecretView = { secret: string; createdAt: Date; previousExpiresAt: Date | null };

export async function currentSigningSecret(applicationId: string, now = new Date()): Promise<SigningSecretView> {
  const [current, previous] = await activeRows(applicationId, now);
  return {
    secret: openSigningSecret(applicationId, current!.encryptedSecret),
    createdAt: current!.createdAt,
    previousExpiresAt: previous?.expiresAt ?? null,
  };
}

/** The current secret for a vendor admin to copy; the audit log records who saw it, never the secret. */
export async function revealSigningSecret(applicationId: string, now = new Date()): Promise<SigningSecretView> {
  const view = await currentSigningSecret(applicationId, now);
  await db().$transaction((tx) =>
    recordApplicationAudit(tx, applicationId, {
      action: "signing_secret.revealed",
      summary: (name) => `Webhook signing secret of ${name} revealed`,
    }),
  );
  return view;
}

/**
 * A new current secret; every older one expires after the grace period (or sooner if it
 * already would). The application's change history records who rotated it, never the secret.
 */
export async function rotateSigningSecret(applicationId: string, actorId: string, now = new Date()): Promise<SigningSecretView> {
  return db().$transaction(async (tx) => {
    await lockSecrets(tx, applicationId);
    const graceEnds = new Date(now.getTime() + ROTATION_GRACE_MS);
    await tx.webhookSigningSecret.updateMany({
      where: { applicationId, OR: [{ expiresAt: null }, { expiresAt: { gt: graceEnds } }] },
      data: { expiresAt: graceEnds },
    });
    const secret = await createSigningSecret(tx, applicationId);
    const config = await tx.provisioningConfig.findUnique({ where: { applicationId }, select: { version: true } });
    await tx.provisioningChange.create({
      data: {
        applicationId,
        actorId,
        version: config?.version ?? 0,
        summary: [`Signing secret rotated; the previous secret signs until ${graceEnds.toISOString().replace("T", " ").slice(0, 16)} UTC`],
      },
    });
    await recordApplicationAudit(tx, applicationId, {
      action: "signing_secret.rotated",
      summary: (name) => `Webhook signing secret of ${name} rotated`,
      before: { signingSecret: MASKED },
      after: { signingSecret: maskSecret(secret), previousSecretExpiresAt: graceEnds },
    });
    return { secret, createdAt: now, previousExpiresAt: graceEnds };
  });
}

type SecretRow = { encryptedSecret: string; createdAt: Date; expiresAt: Date | null };

async function activeRows(applicationId: string, now: Date): Promise<SecretRow[]> {
  const rows = await db().webhookSigningSecret.findMany({
    where: { applicationId, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
    orderBy: { createdAt: "desc" },
  });
  return rows.length > 0 ? rows : [await createFirstSecret(applicationId)];
}

async function createFirstSecret(applicationId: string): Promise<SecretRow> {
  return db().$transaction(async (tx) => {
    await lockSecrets(tx, applicationId);
    const existing = await tx.webhookSigningSecret.findFirst({ where: { applicationId, expiresAt: null } });
    return existing ?? (await insertSecret(tx, applicationId)).row;
  });
}

async function insertSecret(tx: Client, applicationId: string): Promise<{ secret: string; row: SecretRow }> {
  const secret = generateSigningSecret();
  const row = await tx.webhookSigningSecret.create({ data: { applicationId, encryptedSecret: seal(applicationId, secret) } });
  return { secret, row };
}

/** Serialises the first creation and rotations of one application's secrets. */
async function lockSecrets(tx: Client, applicationId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`signing-secret:${applicationId}`}))`;
}

function seal(applicationId: string, secret: string): string {
  return encryptSecret(secret, getConfig().encryptionKey, `signing-secret:${applicationId}`);
}

/** One stored signing secret in clear (for a caller that has already read the sealed rows). */
export function openSigningSecret(applicationId: string, sealed: string): string {
  return decryptSecret(sealed, getConfig().encryptionKey, `signing-secret:${applicationId}`);
}
