// One SFTP session of a vendor's outbox account, served read-only from the application's
// outbox folder: it lists the folders of districts with an active activation, downloads their
// files and removes them once pulled; nothing can be written, renamed or made. Files still
// being placed carry a hidden name and are never listed or opened.
import type { Stats } from "node:fs";
import { open, readdir, stat, unlink } from "node:fs/promises";
import path from "node:path";
import ssh2, { type Attributes, type FileEntry, type SFTPWrapper } from "ssh2";
import { db } from "@/lib/db";
import { HIDDEN_PREFIX } from "@/lib/sftp/folders";
import { fileAttributes, folderAttributes, longName } from "@/lib/sftp/listing";
import { isDistrictFolderName, OUTBOX_FOLDER, resolveOutboxPath, type OutboxPath } from "@/lib/sftp/outbox-paths";
import { denied, failure, missing, safeFilePath, safeFolderPath, startSession } from "@/lib/sftp/session-core";

const { utils } = ssh2;
const { STATUS_CODE, OPEN_MODE } = utils.sftp;
const WRITING = OPEN_MODE.WRITE | OPEN_MODE.APPEND | OPEN_MODE.CREAT | OPEN_MODE.TRUNC | OPEN_MODE.EXCL;
const READ_ONLY = "The outbox is read-only: download files, and remove them once you have them.";

export function serveOutboxSession(sftp: SFTPWrapper, { root, applicationId }: { root: string; applicationId: string }): void {
  const core = startSession(sftp);
  const { reply } = core;

  const resolve = (requested: string): OutboxPath => {
    const at = resolveOutboxPath(requested);
    if (!at) throw denied();
    return at;
  };
  /** The district's folder, "not found" unless the district has an active activation of the application. */
  const districtFolder = async (districtGuid: string): Promise<string> => {
    const active = await db().activation.count({ where: { applicationId, status: "active", district: { districtGuid } } });
    if (active === 0) throw missing();
    return safeFolderPath(root, path.join(OUTBOX_FOLDER, districtGuid));
  };
  const file = async (at: OutboxPath & { kind: "file" }): Promise<string> => {
    const real = await safeFilePath(await districtFolder(at.districtGuid), at.name);
    if (!real) throw missing();
    return real;
  };
  const fileAt = (requested: string) => {
    const at = resolve(requested);
    if (at.kind !== "file") throw denied(READ_ONLY);
    return at;
  };

  sftp.on("REALPATH", (reqId, requested) => reply(reqId, async () => core.replyPath(reqId, resolve(requested).path)));

  const statPath = (reqId: number, requested: string) =>
    reply(reqId, async () => {
      const at = resolve(requested);
      if (at.kind === "file") return void sftp.attrs(reqId, fileAttributes(await stat(await file(at)), false));
      const folder = at.kind === "root" ? root : at.kind === "outbox" ? await safeFolderPath(root, OUTBOX_FOLDER) : await districtFolder(at.districtGuid);
      sftp.attrs(reqId, folderAttributes(await stat(folder), false));
    });
  sftp.on("STAT", statPath);
  sftp.on("LSTAT", statPath);

  sftp.on("OPEN", (reqId, requested, flags) =>
    reply(reqId, async () => {
      if (flags & WRITING) throw denied(READ_ONLY);
      const at = resolve(requested);
      if (at.kind !== "file") throw failure("That is a folder, not a file.");
      sftp.handle(reqId, core.openFile({ file: await open(await file(at), "r"), writable: false }));
    }),
  );

  sftp.on("OPENDIR", (reqId, requested) =>
    reply(reqId, async () => {
      const at = resolve(requested);
      if (at.kind === "file") {
        await file(at);
        throw failure("Not a folder.");
      }
      if (at.kind === "root") return void sftp.handle(reqId, core.openFolder(() => listRoot(root)));
      if (at.kind === "outbox") {
        const folder = await safeFolderPath(root, OUTBOX_FOLDER);
        return void sftp.handle(reqId, core.openFolder(() => listDistricts(folder, applicationId)));
      }
      const folder = await districtFolder(at.districtGuid);
      sftp.handle(reqId, core.openFolder(() => listFiles(folder)));
    }),
  );

  // Removing is how a vendor says it has a file: the next delivery does not depend on it.
  sftp.on("REMOVE", (reqId, requested) =>
    reply(reqId, async () => {
      await unlink(await file(fileAt(requested)));
      sftp.status(reqId, STATUS_CODE.OK);
    }),
  );

  for (const request of ["RENAME", "SETSTAT", "FSETSTAT", "MKDIR", "RMDIR", "SYMLINK", "READLINK", "WRITE"] as const) {
    sftp.on(request, (reqId: number) => sftp.status(reqId, STATUS_CODE.PERMISSION_DENIED, READ_ONLY));
  }
}

async function listRoot(root: string): Promise<FileEntry[]> {
  const attrs = folderAttributes(await stat(path.join(root, OUTBOX_FOLDER)), false);
  return [{ filename: OUTBOX_FOLDER, longname: longName(OUTBOX_FOLDER, attrs), attrs }];
}

/** The folders of districts that have an active activation of the application (a deactivated district's folder stays, unseen). */
async function listDistricts(outbox: string, applicationId: string): Promise<FileEntry[]> {
  const [entries, activations] = await Promise.all([
    readdir(outbox, { withFileTypes: true }),
    db().activation.findMany({ where: { applicationId, status: "active" }, select: { district: { select: { districtGuid: true } } } }),
  ]);
  const active = new Set(activations.map((activation) => activation.district.districtGuid));
  const folders = entries.filter((entry) => entry.isDirectory() && isDistrictFolderName(entry.name) && active.has(entry.name));
  return entriesOf(outbox, folders.map((entry) => entry.name), (info) => folderAttributes(info, false));
}

async function listFiles(folder: string): Promise<FileEntry[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile() && !entry.name.startsWith(HIDDEN_PREFIX));
  return entriesOf(folder, files.map((entry) => entry.name), (info) => fileAttributes(info, false));
}

/** Listing entries for the names; one removed meanwhile (pulled, or replaced by a newer delivery) is left out. */
async function entriesOf(folder: string, names: string[], attributes: (info: Stats) => Attributes): Promise<FileEntry[]> {
  const entries = await Promise.all(
    names.map(async (name) => {
      const info = await stat(path.join(folder, name)).catch(() => null);
      if (!info) return null;
      const attrs = attributes(info);
      return { filename: name, longname: longName(name, attrs), attrs };
    }),
  );
  return entries.filter((entry) => entry !== null);
}
