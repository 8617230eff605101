// What every SFTP session shares, whichever account signed in: open handles, replies that
// turn refusals and file system errors into SFTP statuses, reading open files, listing open
// folders, and closing everything when the client goes. The account's own rules (which paths
// exist, what may be written or removed) live in district-session.ts and outbox-session.ts.
import { lstat, realpath, type FileHandle } from "node:fs/promises";
import path from "node:path";
import ssh2, { type Attributes, type FileEntry, type SFTPWrapper } from "ssh2";
import { fileAttributes } from "@/lib/sftp/listing";

const { utils } = ssh2;
const { STATUS_CODE } = utils.sftp;

/** A refusal with its SFTP status, turned into the reply by `reply`. */
export class Refusal extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}
export const denied = (message = "Permission denied: outside this account's folder.") => new Refusal(STATUS_CODE.PERMISSION_DENIED, message);
export const missing = () => new Refusal(STATUS_CODE.NO_SUCH_FILE, "No such file.");
export const failure = (message: string) => new Refusal(STATUS_CODE.FAILURE, message);

export type OpenFile = {
  kind: "file";
  file: FileHandle;
  writable: boolean;
  /** Runs once the client closes the file (an upload is renamed into place); a Refusal becomes the reply. */
  complete?: () => Promise<void>;
  /** Runs when the session ends with the file still open (an upload's partial file is removed). */
  abandon?: () => void;
};
type OpenFolder = { kind: "folder"; list: () => Promise<FileEntry[]>; listed: boolean };

export type SessionCore = {
  sftp: SFTPWrapper;
  reply(reqId: number, work: () => Promise<void>): void;
  openFile(entry: Omit<OpenFile, "kind">): Buffer;
  /** A folder handle; its entries are read when the client first asks for them. */
  openFolder(list: () => Promise<FileEntry[]>): Buffer;
  fileOf(handle: Buffer): OpenFile;
  /** Answers REALPATH with the path as the account sees it. */
  replyPath(reqId: number, virtualPath: string): void;
};

/**
 * Serves the requests every account answers alike (READ, FSTAT, CLOSE, READDIR, the end of the
 * session) and hands back the tools the account's own handlers use.
 */
export function startSession(sftp: SFTPWrapper): SessionCore {
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
    if (entry?.kind !== "file") throw failure("Not an open file.");
    return entry;
  };

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
      sftp.attrs(reqId, fileAttributes(await entry.file.stat(), entry.writable));
    }),
  );

  sftp.on("CLOSE", (reqId, buffer) =>
    reply(reqId, async () => {
      const entry = handleOf(buffer);
      if (!entry) throw failure("Not an open handle.");
      handles.delete(buffer.readUInt32BE(0));
      if (entry.kind === "folder") return void sftp.status(reqId, STATUS_CODE.OK);
      await entry.file.close();
      await entry.complete?.();
      sftp.status(reqId, STATUS_CODE.OK);
    }),
  );

  sftp.on("READDIR", (reqId, buffer) =>
    reply(reqId, async () => {
      const entry = handleOf(buffer);
      if (entry?.kind !== "folder") throw failure("Not an open folder.");
      if (entry.listed) return void sftp.status(reqId, STATUS_CODE.EOF);
      entry.listed = true;
      const entries = await entry.list();
      if (entries.length === 0) return void sftp.status(reqId, STATUS_CODE.EOF);
      sftp.name(reqId, entries);
    }),
  );

  // The client is done (sftp's bye): close the channel from this side too, or it waits.
  sftp.on("end", () => sftp.end());
  sftp.on("close", () => {
    for (const entry of handles.values()) {
      if (entry.kind !== "file") continue;
      void entry.file.close().catch(() => undefined);
      entry.abandon?.();
    }
    handles.clear();
  });

  return {
    sftp,
    reply,
    openFile: (entry) => newHandle({ kind: "file", ...entry }),
    openFolder: (list) => newHandle({ kind: "folder", list, listed: false }),
    fileOf,
    replyPath: (reqId, virtualPath) => sftp.name(reqId, [{ filename: virtualPath, longname: virtualPath, attrs: {} as Attributes }]),
  };
}

/** A folder's real path, refused when it (or a folder above it) is a link out of the account's root. */
export async function safeFolderPath(root: string, relative: string): Promise<string> {
  const folder = path.join(root, relative);
  if ((await realpath(folder)) !== path.join(await realpath(root), relative)) throw denied();
  return folder;
}

/** A file's real path inside a checked folder, refused when it is a link; null when it does not exist. */
export async function safeFilePath(folder: string, name: string): Promise<string | null> {
  const real = path.join(folder, name);
  const info = await lstat(real).catch((error: NodeJS.ErrnoException) => (error.code === "ENOENT" ? null : Promise.reject(error)));
  if (info?.isSymbolicLink()) throw denied();
  if (!info) return null;
  if (!info.isFile()) throw failure("Not a file.");
  return real;
}
