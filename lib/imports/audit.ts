// The audit log's record of imports: one event per import applied (whichever way it came in),
// written in the transaction that applies it, with its counts rather than one event per person.
import type { ImportChannel, Prisma } from "@/generated/prisma/client";
import type { AuditContext } from "@/lib/audit/context";
import { districtTenant, recordAudit, type AuditActor } from "@/lib/audit/record";
import type { OutcomeCounts } from "@/lib/imports/types";

/** The import of files dropped into a district's SFTP inbox; the drop itself is recorded by key (lib/sftp/uploads.ts). */
export const SFTP_INBOX_ACTOR: AuditActor = { userId: null, email: "SFTP inbox", role: "sftp" };

export type AppliedImport = {
  districtId: string;
  importId: string;
  channel: ImportChannel;
  fileName: string | null;
  validRowsOnly: boolean;
  counts: OutcomeCounts;
};

/** "3 created, 1 updated, 2 skipped": the outcomes that happened, in the order people read them. */
export function describeCounts(counts: OutcomeCounts): string {
  const skipped = counts.conflict + counts.error;
  const parts = [
    `${counts.create} created`,
    `${counts.update} updated`,
    ...(counts.deactivate > 0 ? [`${counts.deactivate} deactivated`] : []),
    ...(counts.unchanged > 0 ? [`${counts.unchanged} unchanged`] : []),
    ...(skipped > 0 ? [`${skipped} skipped`] : []),
  ];
  return parts.join(", ");
}

const CHANNEL_NAMES: Record<ImportChannel, string> = { upload: "Upload", sftp: "SFTP drop", api: "People API request" };

/**
 * `by` is who set the import going (the admin who confirmed it, the API token, the SFTP inbox);
 * without it the current request's actor acts, else the channel's own (SFTP inbox, or Rollcall).
 */
export async function recordImportApplied(tx: Prisma.TransactionClient, applied: AppliedImport, by?: AuditContext | null): Promise<void> {
  const name = applied.fileName ? `Import “${applied.fileName}”` : `${CHANNEL_NAMES[applied.channel]} import`;
  const fallback = applied.channel === "sftp" ? SFTP_INBOX_ACTOR : undefined;
  await recordAudit(tx, {
    ...(await districtTenant(tx, applied.districtId)),
    action: "import.applied",
    summary: `${name} applied: ${describeCounts(applied.counts)}`,
    after: {
      importId: applied.importId,
      channel: applied.channel,
      fileName: applied.fileName,
      validRowsOnly: applied.validRowsOnly,
      counts: applied.counts,
    },
    ...(by ? { actor: by.actor, ip: by.ip } : fallback ? { actor: fallback, ip: null } : {}),
  });
}
