// Processing a district's SFTP inbox: each complete file goes through the import pipeline
// (validated, its valid rows applied, the rest reported in the import history), then moves
// to archive/, or to rejected/ when it is not a data file Rollcall can read.
import { randomBytes } from "node:crypto";
import { readdir, readFile, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { withAuditContext } from "@/lib/audit/context";
import { db } from "@/lib/db";
import { SFTP_INBOX_ACTOR } from "@/lib/imports/audit";
import { receiveImportFile, type Received } from "@/lib/imports/receive";
import { ensureAccountFolders, HIDDEN_PREFIX, UPLOAD_PREFIX, type SftpFolder } from "@/lib/sftp/folders";

export type ProcessedFile = { fileName: string; importId: string; status: Received["status"]; movedTo: string };

const CLAIM_PREFIX = `${HIDDEN_PREFIX}processing-`;
/** A claimed file still there after this long belongs to a run that died; it goes back into the inbox. */
const STALE_CLAIM_MS = 60 * 60_000;
/** An upload untouched this long was cut off without its session ending (the server stopped mid-transfer). */
const STALE_UPLOAD_MS = 24 * 60 * 60_000;

export async function processInbox(districtId: string, now = () => new Date()): Promise<ProcessedFile[]> {
  const root = await ensureAccountFolders(districtId);
  const inbox = path.join(root, "inbox");
  await releaseStaleClaims(inbox, now());
  const processed: ProcessedFile[] = [];
  for (const fileName of await waitingFiles(inbox)) {
    // Renaming claims the file: a second run at the same time finds it gone and skips it.
    const claimed = path.join(inbox, `${CLAIM_PREFIX}${now().getTime()}-${randomBytes(4).toString("hex")}-${fileName}`);
    try {
      await rename(path.join(inbox, fileName), claimed);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") continue;
      throw error;
    }
    let received: Received;
    try {
      const content = await readFile(claimed);
      // Its import is applied as the inbox's; the upload itself was recorded with its key (uploads.ts).
      received = await withAuditContext({ actor: SFTP_INBOX_ACTOR, ip: null }, () =>
        receiveImportFile({ districtId, channel: "sftp", fileName, content, createdById: null }),
      );
    } catch (error) {
      // Rollcall's own failure, not the file's: it stays in the inbox for the next run.
      await rename(claimed, path.join(inbox, fileName)).catch(() => undefined);
      throw error;
    }
    const folder: SftpFolder = received.status === "rejected" ? "rejected" : "archive";
    const movedTo = await moveWithTimestamp(claimed, path.join(root, folder), fileName, now());
    processed.push({ fileName, importId: received.importId, status: received.status, movedTo: `${folder}/${movedTo}` });
  }
  await db().sftpAccount.updateMany({ where: { districtId }, data: { lastProcessedAt: now() } });
  return processed;
}

async function waitingFiles(inbox: string): Promise<string[]> {
  const entries = await readdir(inbox, { withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile() && !entry.name.startsWith(HIDDEN_PREFIX)).map((entry) => entry.name);
  const times = await Promise.all(files.map(async (name) => (await stat(path.join(inbox, name))).mtimeMs));
  // Oldest first: a later file of the same people should win.
  return files.map((name, index) => ({ name, at: times[index]! })).sort((a, b) => a.at - b.at || a.name.localeCompare(b.name)).map((file) => file.name);
}

/** Claims left by a run that died go back into the inbox; uploads cut off by a server crash are removed. */
async function releaseStaleClaims(inbox: string, now: Date): Promise<void> {
  for (const name of await readdir(inbox)) {
    if (name.startsWith(UPLOAD_PREFIX)) {
      const { mtimeMs } = await stat(path.join(inbox, name));
      if (now.getTime() - mtimeMs > STALE_UPLOAD_MS) await rm(path.join(inbox, name), { force: true });
      continue;
    }
    const match = name.startsWith(CLAIM_PREFIX) ? /^(\d+)-[0-9a-f]{8}-(.+)$/.exec(name.slice(CLAIM_PREFIX.length)) : null;
    if (!match || now.getTime() - Number(match[1]) < STALE_CLAIM_MS) continue;
    await rename(path.join(inbox, name), path.join(inbox, match[2]!)).catch(() => undefined);
  }
}

/** Moves a file into a folder as "<UTC timestamp>_<name>", never over another file. */
async function moveWithTimestamp(from: string, folder: string, fileName: string, at: Date): Promise<string> {
  const stamp = at.toISOString().replace(/[-:]/g, "");
  for (let attempt = 1; ; attempt++) {
    const name = attempt === 1 ? `${stamp}_${fileName}` : `${stamp}-${attempt}_${fileName}`;
    const target = path.join(folder, name);
    if (await stat(target).then(() => true, () => false)) continue;
    await rename(from, target);
    return name;
  }
}
