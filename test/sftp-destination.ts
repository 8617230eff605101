// A vendor's SFTP server for tests: ssh2 in server mode on 127.0.0.1, with its own host key,
// accepting one user's public key, writing into a temporary folder and recording every request
// it serves (so a test can check the temporary-name-then-rename order). It can act out a full disk.
import { mkdtempSync, rmSync } from "node:fs";
import { mkdir, open, rename, stat, unlink, type FileHandle } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import ssh2, { type Attributes, type Connection, type SFTPWrapper } from "ssh2";
import { ed25519KeyPair } from "@/lib/sftp/host-key";
import { fingerprintOf, verifierOf } from "@/lib/sftp/public-keys";

const { Server, utils } = ssh2;
const { STATUS_CODE, OPEN_MODE } = utils.sftp;

export type SftpEvent =
  | { request: "open"; path: string; writing: boolean }
  | { request: "write"; path: string; bytes: number }
  | { request: "close"; path: string; bytes: number }
  | { request: "rename"; from: string; to: string; bytes: number }
  | { request: "remove"; path: string }
  | { request: "mkdir"; path: string };

export type SftpDestination = {
  port: number;
  /** The folder on disk the server shows as "/". */
  root: string;
  /** SHA256:… of the server's host key. */
  hostKey: string;
  /** Every request served, in order. */
  events: SftpEvent[];
  /** Sign-ins that succeeded. */
  signIns: number;
  /** While true, every write is answered with FAILURE "No space left on device". */
  diskFull: boolean;
  close(): Promise<void>;
};

export async function startSftpDestination({ username, publicKey }: { username: string; publicKey: string }): Promise<SftpDestination> {
  const root = mkdtempSync(path.join(tmpdir(), "rollcall-vendor-sftp-"));
  const accepted = verifierOf(publicKey);
  if (!accepted) throw new Error("The test's public key does not parse");
  const hostKeyPair = ed25519KeyPair("vendor-sftp-test");
  const hostKeyParsed = verifierOf(hostKeyPair.public)!;
  const connections = new Set<Connection>();

  const destination: SftpDestination = {
    port: 0,
    root,
    hostKey: fingerprintOf(hostKeyParsed.getPublicSSH()),
    events: [],
    signIns: 0,
    diskFull: false,
    close: async () => undefined,
  };

  const server = new Server({ hostKeys: [hostKeyPair.private] }, (client) => {
    connections.add(client);
    client.on("authentication", (context) => {
      const keyMatches =
        context.method === "publickey" &&
        context.username === username &&
        context.key.algo === accepted.type &&
        context.key.data.equals(accepted.getPublicSSH());
      if (!keyMatches) return context.reject(["publickey"]);
      if (!context.signature) return context.accept();
      if (accepted.verify(context.blob!, context.signature, context.hashAlgo) !== true) return context.reject(["publickey"]);
      destination.signIns++;
      context.accept();
    });
    client.on("ready", () => {
      client.on("session", (acceptSession) => {
        acceptSession().on("sftp", (acceptSftp) => serve(acceptSftp(), root, destination));
      });
    });
    client.on("error", () => undefined);
    client.on("close", () => connections.delete(client));
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  destination.port = (server.address() as AddressInfo).port;
  destination.close = () =>
    new Promise<void>((resolve) => {
      connections.forEach((connection) => connection.end());
      server.close(() => {
        rmSync(root, { recursive: true, force: true });
        resolve();
      });
    });
  return destination;
}

type OpenFile = { file: FileHandle; path: string; bytes: number };

function serve(sftp: SFTPWrapper, root: string, destination: SftpDestination): void {
  const handles = new Map<number, OpenFile>();
  let nextHandle = 1;
  const onDisk = (requested: string) => {
    const virtual = path.posix.normalize(`/${requested}`);
    return { virtual, real: path.join(root, virtual) };
  };
  const handleOf = (buffer: Buffer) => handles.get(buffer.readUInt32BE(0));
  const reply = (reqId: number, work: () => Promise<void>) =>
    work().catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return void sftp.status(reqId, STATUS_CODE.NO_SUCH_FILE, "No such file");
      sftp.status(reqId, STATUS_CODE.FAILURE, error.message);
    });

  sftp.on("REALPATH", (reqId, requested) => {
    const { virtual } = onDisk(requested);
    sftp.name(reqId, [{ filename: virtual, longname: virtual, attrs: {} as Attributes }]);
  });
  const statPath = (reqId: number, requested: string) =>
    reply(reqId, async () => {
      const info = await stat(onDisk(requested).real);
      const type = info.isDirectory() ? 0o040000 : 0o100000;
      sftp.attrs(reqId, { mode: type | 0o644, size: info.size, uid: 0, gid: 0, atime: 0, mtime: 0 });
    });
  sftp.on("STAT", statPath);
  sftp.on("LSTAT", statPath);
  sftp.on("OPEN", (reqId, requested, flags) =>
    reply(reqId, async () => {
      const { virtual, real } = onDisk(requested);
      const writing = (flags & OPEN_MODE.WRITE) !== 0;
      destination.events.push({ request: "open", path: virtual, writing });
      const file = await open(real, writing ? "w" : "r");
      const id = nextHandle++;
      handles.set(id, { file, path: virtual, bytes: 0 });
      const handle = Buffer.alloc(4);
      handle.writeUInt32BE(id);
      sftp.handle(reqId, handle);
    }),
  );
  sftp.on("WRITE", (reqId, handle, offset, data) =>
    reply(reqId, async () => {
      const entry = handleOf(handle);
      if (!entry) return void sftp.status(reqId, STATUS_CODE.FAILURE, "Not an open file");
      if (destination.diskFull) return void sftp.status(reqId, STATUS_CODE.FAILURE, "No space left on device");
      await entry.file.write(data, 0, data.length, offset);
      entry.bytes = Math.max(entry.bytes, offset + data.length);
      destination.events.push({ request: "write", path: entry.path, bytes: data.length });
      sftp.status(reqId, STATUS_CODE.OK);
    }),
  );
  sftp.on("FSTAT", (reqId, handle) =>
    reply(reqId, async () => {
      const entry = handleOf(handle);
      if (!entry) return void sftp.status(reqId, STATUS_CODE.FAILURE, "Not an open file");
      const info = await entry.file.stat();
      sftp.attrs(reqId, { mode: 0o100644, size: info.size, uid: 0, gid: 0, atime: 0, mtime: 0 });
    }),
  );
  sftp.on("CLOSE", (reqId, handle) =>
    reply(reqId, async () => {
      const entry = handleOf(handle);
      if (!entry) return void sftp.status(reqId, STATUS_CODE.FAILURE, "Not an open file");
      handles.delete(handle.readUInt32BE(0));
      await entry.file.close();
      destination.events.push({ request: "close", path: entry.path, bytes: entry.bytes });
      sftp.status(reqId, STATUS_CODE.OK);
    }),
  );
  // Like OpenSSH's plain rename: refuses to overwrite an existing file.
  sftp.on("RENAME", (reqId, from, to) =>
    reply(reqId, async () => {
      const source = onDisk(from);
      const target = onDisk(to);
      if (await stat(target.real).then(() => true, () => false)) return void sftp.status(reqId, STATUS_CODE.FAILURE, "File exists");
      const { size } = await stat(source.real);
      await rename(source.real, target.real);
      destination.events.push({ request: "rename", from: source.virtual, to: target.virtual, bytes: size });
      sftp.status(reqId, STATUS_CODE.OK);
    }),
  );
  sftp.on("REMOVE", (reqId, requested) =>
    reply(reqId, async () => {
      const { virtual, real } = onDisk(requested);
      await unlink(real);
      destination.events.push({ request: "remove", path: virtual });
      sftp.status(reqId, STATUS_CODE.OK);
    }),
  );
  sftp.on("MKDIR", (reqId, requested) =>
    reply(reqId, async () => {
      const { virtual, real } = onDisk(requested);
      await mkdir(real);
      destination.events.push({ request: "mkdir", path: virtual });
      sftp.status(reqId, STATUS_CODE.OK);
    }),
  );
  for (const request of ["SETSTAT", "FSETSTAT"] as const) sftp.on(request, (reqId: number) => sftp.status(reqId, STATUS_CODE.OK));
  sftp.on("end", () => sftp.end());
  sftp.on("close", () => {
    for (const entry of handles.values()) void entry.file.close().catch(() => undefined);
    handles.clear();
  });
}
