// One SFTP session of a signed-in district account, served from its folder on disk. Files
// can be written only into inbox/ (archive/ and rejected/ are read-only). An upload goes to a
// hidden name and is renamed into place when the client closes it, so inbox processing never
// reads half a file; an upload past the size limit is refused and its partial file removed.
// A finished upload is recorded (onUploaded) before it is renamed into place: a file that could
// not be recorded is refused, so every file the inbox imports has its row in the audit log.
import { randomBytes } from "node:crypto";
import { copyFile, open, readdir, rename, rm, stat, unlink } from "node:fs/promises";
import path from "node:path";
import ssh2, { type FileEntry, type SFTPWrapper } from "ssh2";
import { HIDDEN_PREFIX, SFTP_FOLDERS, UPLOAD_PREFIX, type SftpFolder } from "@/lib/sftp/folders";
import { fileAttributes, folderAttributes, longName } from "@/lib/sftp/listing";
import { denied, failure, missing, Refusal, safeFilePath, safeFolderPath, startSession, type OpenFile } from "@/lib/sftp/session-core";
import { resolveVirtualPath, type VirtualPath } from "@/lib/sftp/virtual-paths";

const { utils } = ssh2;
const { STATUS_CODE, OPEN_MODE } = utils.sftp;
const WRITING = OPEN_MODE.WRITE | OPEN_MODE.APPEND | OPEN_MODE.CREAT | OPEN_MODE.TRUNC | OPEN_MODE.EXCL;
const READ_ONLY = "archive/ and rejected/ are read-only: put files into inbox/.";

type Upload = { temp: string; final: string; bytes: number; tooLarge: boolean };

export type UploadedFile = { name: string; bytes: number };

type DistrictSessionOptions = { root: string; maxUploadBytes: number; onUploaded?: (file: UploadedFile) => Promise<void> };

export function serveDistrictSession(sftp: SFTPWrapper, { root, maxUploadBytes, onUploaded }: DistrictSessionOptions): void {
  const core = startSession(sftp);
  const { reply } = core;
  const uploads = new WeakMap<OpenFile, Upload>();

  const resolve = (requested: string): VirtualPath => {
    const at = resolveVirtualPath(requested);
    if (!at) throw denied();
    return at;
  };

  /** The real path of a file, refused when it (or the folder it is in) is a link out of the account's folder. */
  const safeFile = async (at: VirtualPath & { kind: "file" }, { mustExist }: { mustExist: boolean }): Promise<string> => {
    const folder = await safeFolderPath(root, at.folder);
    const real = await safeFilePath(folder, at.name);
    if (!real && mustExist) throw missing();
    return real ?? path.join(folder, at.name);
  };
  const inboxFile = (requested: string) => {
    const at = resolve(requested);
    if (at.kind !== "file") throw denied(at.kind === "root" ? "Only the three folders live here: put files into inbox/." : "Folders can't be changed.");
    if (at.folder !== "inbox") throw denied(READ_ONLY);
    if (at.name.startsWith(HIDDEN_PREFIX)) throw denied("Names starting with a dot are reserved.");
    return at;
  };
  const exists = (real: string) =>
    stat(real).then(
      () => true,
      () => false,
    );

  sftp.on("REALPATH", (reqId, requested) => reply(reqId, async () => core.replyPath(reqId, resolve(requested).path)));

  const statPath = (reqId: number, requested: string) =>
    reply(reqId, async () => {
      const at = resolve(requested);
      if (at.kind === "root") return void sftp.attrs(reqId, folderAttributes(await stat(root), true));
      if (at.kind === "folder") return void sftp.attrs(reqId, folderAttributes(await stat(await safeFolderPath(root, at.folder)), at.folder === "inbox"));
      const real = await safeFile(at, { mustExist: true });
      sftp.attrs(reqId, fileAttributes(await stat(real), at.folder === "inbox"));
    });
  sftp.on("STAT", statPath);
  sftp.on("LSTAT", statPath);

  sftp.on("OPEN", (reqId, requested, flags) =>
    reply(reqId, async () => {
      if (!(flags & WRITING)) {
        const at = resolve(requested);
        if (at.kind !== "file") throw failure("That is a folder, not a file.");
        const file = await open(await safeFile(at, { mustExist: true }), "r");
        return void sftp.handle(reqId, core.openFile({ file, writable: false }));
      }
      const at = inboxFile(requested);
      const final = await safeFile(at, { mustExist: false });
      const already = await exists(final);
      if (already && flags & OPEN_MODE.EXCL) throw failure("A file of that name is already there.");
      const temp = path.join(path.dirname(final), `${UPLOAD_PREFIX}${randomBytes(8).toString("hex")}`);
      // Writing into an existing file without truncating it starts from a copy of it.
      const keep = already && !(flags & OPEN_MODE.TRUNC);
      if (keep) await copyFile(final, temp);
      const file = await open(temp, keep ? "r+" : "w+");
      const upload: Upload = { temp, final, bytes: (await file.stat()).size, tooLarge: false };
      const handle = core.openFile({
        file,
        writable: true,
        complete: async () => {
          if (upload.tooLarge) {
            await rm(upload.temp, { force: true });
            throw failure(`Not saved: the file is larger than ${formatLimit(maxUploadBytes)}.`);
          }
          try {
            await onUploaded?.({ name: path.basename(upload.final), bytes: upload.bytes });
          } catch {
            await rm(upload.temp, { force: true });
            throw failure("Not saved: Rollcall could not record the upload. Send the file again.");
          }
          await rename(upload.temp, upload.final);
        },
        // A session that ends mid-upload leaves no partial file behind.
        abandon: () => void rm(upload.temp, { force: true }),
      });
      uploads.set(core.fileOf(handle), upload);
      sftp.handle(reqId, handle);
    }),
  );

  sftp.on("WRITE", (reqId, buffer, offset, data) =>
    reply(reqId, async () => {
      const entry = core.fileOf(buffer);
      const upload = uploads.get(entry);
      if (!upload) throw new Refusal(STATUS_CODE.PERMISSION_DENIED, "This file was opened for reading.");
      const end = offset + data.length;
      if (end > maxUploadBytes || upload.tooLarge) {
        upload.tooLarge = true;
        throw failure(`This file is larger than ${formatLimit(maxUploadBytes)}, the most this Rollcall instance imports.`);
      }
      await entry.file.write(data, 0, data.length, offset);
      upload.bytes = Math.max(upload.bytes, end);
      sftp.status(reqId, STATUS_CODE.OK);
    }),
  );

  sftp.on("OPENDIR", (reqId, requested) =>
    reply(reqId, async () => {
      const at = resolve(requested);
      if (at.kind === "file") throw (await exists(path.join(root, at.folder, at.name))) ? failure("Not a folder.") : missing();
      if (at.kind === "root") return void sftp.handle(reqId, core.openFolder(() => listRoot(root)));
      await safeFolderPath(root, at.folder);
      sftp.handle(reqId, core.openFolder(() => listFolder(root, at.folder)));
    }),
  );

  sftp.on("REMOVE", (reqId, requested) =>
    reply(reqId, async () => {
      await unlink(await safeFile(inboxFile(requested), { mustExist: true }));
      sftp.status(reqId, STATUS_CODE.OK);
    }),
  );

  sftp.on("RENAME", (reqId, from, to) =>
    reply(reqId, async () => {
      const source = await safeFile(inboxFile(from), { mustExist: true });
      const target = await safeFile(inboxFile(to), { mustExist: false });
      if (await exists(target)) throw failure("A file of that name is already there.");
      await rename(source, target);
      sftp.status(reqId, STATUS_CODE.OK);
    }),
  );

  // Clients set times and modes after uploads (sftp put -p); there is nothing to keep, so it succeeds in inbox/.
  sftp.on("SETSTAT", (reqId, requested) =>
    reply(reqId, async () => {
      const at = resolve(requested);
      if (at.kind === "root" || at.folder !== "inbox") throw denied(READ_ONLY);
      sftp.status(reqId, STATUS_CODE.OK);
    }),
  );
  sftp.on("FSETSTAT", (reqId, buffer) =>
    reply(reqId, async () => {
      if (!core.fileOf(buffer).writable) throw denied(READ_ONLY);
      sftp.status(reqId, STATUS_CODE.OK);
    }),
  );
  for (const request of ["MKDIR", "RMDIR", "SYMLINK", "READLINK"] as const) {
    sftp.on(request, (reqId: number) => sftp.status(reqId, STATUS_CODE.PERMISSION_DENIED, "Only files go into inbox/: folders and links can't be made here."));
  }
}

async function listRoot(root: string): Promise<FileEntry[]> {
  return Promise.all(
    SFTP_FOLDERS.map(async (folder) => {
      const attrs = folderAttributes(await stat(path.join(root, folder)), folder === "inbox");
      return { filename: folder, longname: longName(folder, attrs), attrs };
    }),
  );
}

async function listFolder(root: string, folder: SftpFolder): Promise<FileEntry[]> {
  const real = path.join(root, folder);
  const entries = await readdir(real, { withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile() && !entry.name.startsWith(HIDDEN_PREFIX));
  return Promise.all(
    files.map(async (entry) => {
      const attrs = fileAttributes(await stat(path.join(real, entry.name)), folder === "inbox");
      return { filename: entry.name, longname: longName(entry.name, attrs), attrs };
    }),
  );
}

function formatLimit(bytes: number): string {
  return `${Math.floor(bytes / (1024 * 1024))} MB`;
}
