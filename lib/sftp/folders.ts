// Where each district's SFTP files live: <dataDir>/sftp/<districtId>/{inbox,archive,rejected}.
// The SFTP server shows a district exactly this folder; processing moves files between its parts.
import { mkdir, readdir, stat } from "node:fs/promises";
import path from "node:path";
import { getConfig } from "@/lib/config";

export const SFTP_FOLDERS = ["inbox", "archive", "rejected"] as const;
export type SftpFolder = (typeof SFTP_FOLDERS)[number];

/** Uploads in progress and files being processed carry this prefix: never listed, never processed. */
export const HIDDEN_PREFIX = ".";
/** An upload in progress, renamed to its own name when the client closes it. */
export const UPLOAD_PREFIX = `${HIDDEN_PREFIX}upload-`;

export function accountRoot(districtId: string): string {
  if (!/^[0-9a-f-]{36}$/i.test(districtId)) throw new Error("Not a district id");
  return path.join(getConfig().dataDir, "sftp", districtId);
}

export function folderPath(districtId: string, folder: SftpFolder): string {
  return path.join(accountRoot(districtId), folder);
}

export async function ensureAccountFolders(districtId: string): Promise<string> {
  const root = accountRoot(districtId);
  await Promise.all(SFTP_FOLDERS.map((folder) => mkdir(path.join(root, folder), { recursive: true })));
  return root;
}

export type WaitingFile = { name: string; bytes: number; receivedAt: Date };

/** The complete files waiting in a district's inbox, oldest first. */
export async function listInbox(districtId: string): Promise<WaitingFile[]> {
  const inbox = folderPath(districtId, "inbox");
  let entries;
  try {
    entries = await readdir(inbox, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const files = await Promise.all(
    entries
      .filter((entry) => entry.isFile() && !entry.name.startsWith(HIDDEN_PREFIX))
      .map(async (entry) => {
        const info = await stat(path.join(inbox, entry.name));
        return { name: entry.name, bytes: info.size, receivedAt: info.mtime };
      }),
  );
  return files.sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime() || a.name.localeCompare(b.name));
}
