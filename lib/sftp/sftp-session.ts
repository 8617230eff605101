// One SFTP session of a signed-in district account, served from its folder on disk. Files
// can be written only into inbox/ (archive/ and rejected/ are read-only). An upload goes to a
// hidden name and is renamed into place when the client closes it, so inbox processing never
// reads half a file; an upload past the size limit is refused and its partial file removed.
import { randomBytes } from "node:crypto";
import { copyFile, lstat, open, readdir, realpath, rename, rm, stat, unlink, type FileHandle } from "node:fs/promises";
import path from "node:path";
import ssh2, { type Attributes, type FileEntry, type SFTPWrapper } from "ssh2";
import { HIDDEN_PREFIX, SFTP_FOLDERS, UPLOAD_PREFIX, type SftpFolder } from "@/lib/sftp/folders";
import { fileAttributes, folderAttributes, longName } from "@/lib/sftp/listing";
import { resolveVirtualPath, type VirtualPath } from "@/lib/sftp/virtual-paths";

const { utils } = ssh2;
const { STATUS_CODE, OPEN_MODE } = utils.sftp;
const WRITING = OPEN_MODE.WRITE | OPEN_MODE.APPEND | OPEN_MODE.CREAT | OPEN_MODE.TRUNC | OPEN_MODE.EXCL;
const READ_ONLY = "archive/ and rejected/ are read-only: put files into inbox/.";

type Upload = { temp: string; final: string; bytes: number; tooLarge: boolean };
type OpenFile = { kind: "file"; file: FileHandle; upload: Upload | null };
type OpenFolder = { kind: "folder"; at: VirtualPath & { kind: "root" | "folder" }; listed: boolean };

/** A refusal with its SFTP status, turned into the reply by `reply`. */
class Refusal extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}
const denied = (message = "Permission denied: outside this account's folder.") => new Refusal(STATUS_CODE.PERMISSION_DENIED, message);
const missing = () => new Refusal(STATUS_CODE.NO_SUCH_FILE, "No such file.");

export function serveSftpSession(sftp: SFTPWrapper, { root, maxUploadBytes }: { root: string; maxUploadBytes: number }): void {
  const handles = new Map<number, OpenFile | OpenFolder>();
  let nextHandle = 1;

  const reply = (reqId: number, work: () => Promise<void>) => {
    work().catch((error: unknown) => {
      if (error instanceof Refusal) return void sftp.status(reqId, error.code, error.message);
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOENT") return void sftp.status(reqId, STATUS_CODE.NO_SUCH_FILE, "No such file.");
      if (code === "EEXIST") return void sftp.status(reqId, STATUS_CODE.FAILURE, "A file of that name is already there.");
      console.error("SFTP request failed", error);
      sftp.status(reqId, STATUS_CODE.FAILURE, "The server could not do this; try again.");
    });
  };

  const resolve = (requested: string): VirtualPath => {
    const at = resolveVirtualPath(requested);
    if (!at) throw denied();
    return at;
  };

  /** The real path of a file, refused when it (or the folder it is in) is a link out of the account's folder. */
  const safeFile = async (at: VirtualPath & { kind: "file" }, { mustExist }: { mustExist: boolean }): Promise<string> => {
    const folder = path.join(root, at.folder);
    if ((await realpath(folder)) !== path.join(await realpath(root), at.folder)) throw denied();
    const real = path.join(folder, at.name);
    const info = await lstat(real).catch((error: NodeJS.ErrnoException) => (error.code === "ENOENT" ? null : Promise.reject(error)));
    if (info?.isSymbolicLink()) throw denied();
    if (!info && mustExist) throw missing();
    if (info && !info.isFile()) throw new Refusal(STATUS_CODE.FAILURE, "Not a file.");
    return real;
  };
  const safeFolder = async (folder: SftpFolder): Promise<string> => {
    const real = path.join(root, folder);
    if ((await realpath(real)) !== path.join(await realpath(root), folder)) throw denied();
    return real;
  };
  const newHandle = (entry: OpenFile | OpenFolder) => {
    const id = nextHandle++;
    handles.set(id, entry);
    const buffer = Buffer.alloc(4);
    buffer.writeUInt32BE(id);
    return buffer;
  };
  const handleOf = (buffer: Buffer) => (buffer.length === 4 ? handles.get(buffer.readUInt32BE(0)) : undefined);
  const fileOf = (buffer: Buffer) => {
    const entry = handleOf(buffer);
    if (entry?.kind !== "file") throw new Refusal(STATUS_CODE.FAILURE, "Not an open file.");
    return entry;
  };
  const inboxFile = (requested: string) => {
    const at = resolve(requested);
    if (at.kind !== "file") throw denied(at.kind === "root" ? "Only the three folders live here: put files into inbox/." : "Folders can't be changed.");
    if (at.folder !== "inbox") throw denied(READ_ONLY);
    if (at.name.startsWith(HIDDEN_PREFIX)) throw denied("Names starting with a dot are reserved.");
    return at;
  };

  sftp.on("REALPATH", (reqId, requested) =>
    reply(reqId, async () => {
      const at = resolve(requested);
      sftp.name(reqId, [{ filename: at.path, longname: at.path, attrs: {} as Attributes }]);
    }),
  );

  const statPath = (reqId: number, requested: string) =>
    reply(reqId, async () => {
      const at = resolve(requested);
      if (at.kind === "root") return void sftp.attrs(reqId, folderAttributes(await stat(root), true));
      if (at.kind === "folder") return void sftp.attrs(reqId, folderAttributes(await stat(await safeFolder(at.folder)), at.folder === "inbox"));
      const real = await safeFile(at, { mustExist: true });
      sftp.attrs(reqId, fileAttributes(await stat(real), at.folder === "inbox"));
    });
  sftp.on("STAT", statPath);
  sftp.on("LSTAT", statPath);

  sftp.on("OPEN", (reqId, requested, flags) =>
    reply(reqId, async () => {
      if (!(flags & WRITING)) {
        const at = resolve(requested);
        if (at.kind !== "file") throw new Refusal(STATUS_CODE.FAILURE, "That is a folder, not a file.");
        const file = await open(await safeFile(at, { mustExist: true }), "r");
        return void sftp.handle(reqId, newHandle({ kind: "file", file, upload: null }));
      }
      const at = inboxFile(requested);
      const final = await safeFile(at, { mustExist: false });
      const exists = await stat(final).then(
        () => true,
        () => false,
      );
      if (exists && flags & OPEN_MODE.EXCL) throw new Refusal(STATUS_CODE.FAILURE, "A file of that name is already there.");
      const temp = path.join(path.dirname(final), `${UPLOAD_PREFIX}${randomBytes(8).toString("hex")}`);
      // Writing into an existing file without truncating it starts from a copy of it.
      if (exists && !(flags & OPEN_MODE.TRUNC)) await copyFile(final, temp);
      const file = await open(temp, exists && !(flags & OPEN_MODE.TRUNC) ? "r+" : "w+");
      const bytes = (await file.stat()).size;
      sftp.handle(reqId, newHandle({ kind: "file", file, upload: { temp, final, bytes, tooLarge: false } }));
    }),
  );

  sftp.on("WRITE", (reqId, buffer, offset, data) =>
    reply(reqId, async () => {
      const { file, upload } = fileOf(buffer);
      if (!upload) throw new Refusal(STATUS_CODE.PERMISSION_DENIED, "This file was opened for reading.");
      const end = offset + data.length;
      if (end > maxUploadBytes || upload.tooLarge) {
        upload.tooLarge = true;
        throw new Refusal(STATUS_CODE.FAILURE, `This file is larger than ${formatLimit(maxUploadBytes)}, the most this Rollcall instance imports.`);
      }
      await file.write(data, 0, data.length, offset);
      upload.bytes = Math.max(upload.bytes, end);
      sftp.status(reqId, STATUS_CODE.OK);
    }),
  );

  sftp.on("READ", (reqId, buffer, offset, length) =>
    reply(reqId, async () => {
      const { file } = fileOf(buffer);
      const chunk = Buffer.alloc(Math.min(length, 256 * 1024));
      const { bytesRead } = await file.read(chunk, 0, chunk.length, offset);
      if (bytesRead === 0) return void sftp.status(reqId, STATUS_CODE.EOF);
      sftp.data(reqId, chunk.subarray(0, bytesRead));
    }),
  );

  sftp.on("FSTAT", (reqId, buffer) =>
    reply(reqId, async () => {
      const entry = fileOf(buffer);
      sftp.attrs(reqId, fileAttributes(await entry.file.stat(), entry.upload !== null));
    }),
  );

  sftp.on("CLOSE", (reqId, buffer) =>
    reply(reqId, async () => {
      const entry = handleOf(buffer);
      if (!entry) throw new Refusal(STATUS_CODE.FAILURE, "Not an open handle.");
      handles.delete(buffer.readUInt32BE(0));
      if (entry.kind === "folder") return void sftp.status(reqId, STATUS_CODE.OK);
      await entry.file.close();
      const { upload } = entry;
      if (upload?.tooLarge) {
        await rm(upload.temp, { force: true });
        throw new Refusal(STATUS_CODE.FAILURE, `Not saved: the file is larger than ${formatLimit(maxUploadBytes)}.`);
      }
      if (upload) await rename(upload.temp, upload.final);
      sftp.status(reqId, STATUS_CODE.OK);
    }),
  );

  sftp.on("OPENDIR", (reqId, requested) =>
    reply(reqId, async () => {
      const at = resolve(requested);
      if (at.kind === "file") throw (await stat(path.join(root, at.folder, at.name)).then(() => true, () => false)) ? new Refusal(STATUS_CODE.FAILURE, "Not a folder.") : missing();
      if (at.kind === "folder") await safeFolder(at.folder);
      sftp.handle(reqId, newHandle({ kind: "folder", at, listed: false }));
    }),
  );

  sftp.on("READDIR", (reqId, buffer) =>
    reply(reqId, async () => {
      const entry = handleOf(buffer);
      if (entry?.kind !== "folder") throw new Refusal(STATUS_CODE.FAILURE, "Not an open folder.");
      if (entry.listed) return void sftp.status(reqId, STATUS_CODE.EOF);
      entry.listed = true;
      const entries = entry.at.kind === "root" ? await listRoot(root) : await listFolder(root, entry.at.folder);
      if (entries.length === 0) return void sftp.status(reqId, STATUS_CODE.EOF);
      sftp.name(reqId, entries);
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
      if (await stat(target).then(() => true, () => false)) throw new Refusal(STATUS_CODE.FAILURE, "A file of that name is already there.");
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
      if (!fileOf(buffer).upload) throw denied(READ_ONLY);
      sftp.status(reqId, STATUS_CODE.OK);
    }),
  );
  for (const request of ["MKDIR", "RMDIR", "SYMLINK", "READLINK"] as const) {
    sftp.on(request, (reqId: number) => sftp.status(reqId, STATUS_CODE.PERMISSION_DENIED, "Only files go into inbox/: folders and links can't be made here."));
  }

  // The client is done (sftp's bye): close the channel from this side too, or it waits.
  sftp.on("end", () => sftp.end());
  // A session that ends mid-upload leaves no partial file behind.
  sftp.on("close", () => {
    for (const entry of handles.values()) {
      if (entry.kind !== "file") continue;
      void entry.file.close().catch(() => undefined);
      if (entry.upload) void rm(entry.upload.temp, { force: true });
    }
    handles.clear();
  });
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
