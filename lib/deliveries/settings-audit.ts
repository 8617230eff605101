// The audit log's lines for the File delivery tab: one event per save that changed something,
// with before → after of the changed settings only. The private key for the vendor's SFTP
// server never appears, only whether there is one.
import { recordApplicationAudit } from "@/lib/applications/audit";
import { changedFields } from "@/lib/audit/changes";
import { maskSecret } from "@/lib/audit/mask";
import type { Prisma } from "@/generated/prisma/client";

export type DeliverySettingsPart = "enabled" | "format" | "destination" | "schedule";

/** Settings a save may also change that are not worth a line: bookkeeping, or a host key waiting for confirmation. */
const NOT_AUDITED = new Set(["updatedById", "presentedHostKey", "presentedHostKeyAt", "sftpPrivateKey"]);

export type AuditedExtras = { before: Record<string, unknown>; after: Record<string, unknown> };

export async function recordDeliverySettingsChange(
  tx: Prisma.TransactionClient,
  applicationId: string,
  part: DeliverySettingsPart,
  stored: Record<string, unknown>,
  changes: Record<string, unknown>,
  extras: AuditedExtras = { before: {}, after: {} },
): Promise<void> {
  const keys = Object.keys(changes).filter((key) => !NOT_AUDITED.has(key));
  const previous = { ...Object.fromEntries(keys.map((key) => [key, stored[key] ?? null])), ...extras.before };
  const next = { ...Object.fromEntries(keys.map((key) => [key, changes[key] ?? null])), ...extras.after };
  const { changed, before, after } = changedFields(previous, next);
  if (changed.length === 0) return;
  const settings = { ...stored, ...changes, ...extras.after };
  await recordApplicationAudit(tx, applicationId, {
    action: part === "enabled" ? (changes.enabled ? "file_delivery.enabled" : "file_delivery.disabled") : `file_delivery.${part}_changed`,
    summary: (name) => summaryOf(part, name, settings),
    before,
    after,
  });
}

function summaryOf(part: DeliverySettingsPart, name: string, settings: Record<string, unknown>): string {
  switch (part) {
    case "enabled":
      return `File delivery of ${name} turned ${settings.enabled ? "on" : "off"}`;
    case "format":
      return settings.format === "custom_csv"
        ? `File delivery format of ${name} set to custom CSV${settings.customFormatVersion ? ` (version ${String(settings.customFormatVersion)})` : ""}`
        : `File delivery format of ${name} set to OneRoster CSV${settings.oneRosterDelta ? " (changes only)" : ""}`;
    case "destination":
      return settings.destination === "vendor_sftp"
        ? `File delivery destination of ${name} set to SFTP server ${String(settings.sftpHost)}:${String(settings.sftpPort)}`
        : `File delivery destination of ${name} set to Rollcall-hosted SFTP`;
    case "schedule":
      return settings.schedule === "daily"
        ? `Delivery schedule of ${name} set to daily at ${String(settings.dailyAt)} (${String(settings.timeZone)})`
        : `Delivery schedule of ${name} set to every ${String(settings.everyHours)} hours`;
  }
}

/** A new or replaced key pair for the vendor's SFTP server: the public key in full, the private key only as set. */
export async function recordDeliveryKeyPair(
  tx: Prisma.TransactionClient,
  applicationId: string,
  previous: { sftpPublicKey: string | null; sftpPrivateKey: string | null } | null,
  next: { publicKey: string; sealedPrivateKey: string },
): Promise<void> {
  const replaced = Boolean(previous?.sftpPublicKey);
  await recordApplicationAudit(tx, applicationId, {
    action: replaced ? "sftp_key.regenerated" : "sftp_key.created",
    summary: (name) => `${replaced ? "New key pair made" : "Key pair made"} for ${name} to sign in to the vendor's SFTP server`,
    before: previous ? { sftpPublicKey: previous.sftpPublicKey, sftpPrivateKey: maskSecret(previous.sftpPrivateKey) } : null,
    after: { sftpPublicKey: next.publicKey, sftpPrivateKey: maskSecret(next.sealedPrivateKey) },
  });
}
