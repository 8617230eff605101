// The audit log's record of a file dropped into a district's SFTP inbox, by the key that
// signed in. The import the inbox later makes of it is recorded on its own (lib/imports/audit.ts).
import { districtTenant, recordAudit, type AuditActor } from "@/lib/audit/record";
import { db } from "@/lib/db";
import type { UploadedFile } from "@/lib/sftp/district-session";

export function sftpKeyActor(key: { name: string }): AuditActor {
  return { userId: null, email: `SFTP key “${key.name}”`, role: "sftp_key" };
}

type Uploader = { districtId: string; key: { name: string; fingerprint: string }; address: string };

export async function recordSftpUpload({ districtId, key, address }: Uploader, file: UploadedFile): Promise<void> {
  await recordAudit(db(), {
    ...(await districtTenant(db(), districtId)),
    actor: sftpKeyActor(key),
    ip: address,
    action: "sftp.file_received",
    summary: `${file.name} dropped into the SFTP inbox`,
    after: { file: file.name, bytes: file.bytes, key: key.name, fingerprint: key.fingerprint },
  });
}
