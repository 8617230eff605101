// Uploading to a vendor's SFTP server (a local ssh2 server standing in for it): host key
// pinning, key sign-in, temporary names, and the failures a vendor admin is told about.
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { checkSftpTarget, uploadToSftp, type SftpTarget } from "@/lib/deliveries/sftp-client";
import type { ExportedFile } from "@/lib/deliveries/types";
import { ed25519KeyPair } from "@/lib/sftp/host-key";
import { startSftpDestination, type SftpDestination } from "@/test/sftp-destination";

const key = ed25519KeyPair("rollcall-test");
const scratch = mkdtempSync(path.join(tmpdir(), "rollcall-upload-"));
let destination: SftpDestination;

beforeAll(async () => {
  destination = await startSftpDestination({ username: "rollcall", publicKey: key.public });
});
afterAll(async () => {
  await destination.close();
  rmSync(scratch, { recursive: true, force: true });
});
afterEach(() => {
  destination.events.length = 0;
  destination.diskFull = false;
});

function target(overrides: Partial<SftpTarget> = {}): SftpTarget {
  return { host: "127.0.0.1", port: destination.port, username: "rollcall", folder: "/", privateKey: key.private, pinnedHostKey: destination.hostKey, ...overrides };
}

function exported(name: string, content: string | Buffer): ExportedFile {
  const filePath = path.join(scratch, name);
  writeFileSync(filePath, content);
  const bytes = Buffer.byteLength(content);
  return { name, path: filePath, rows: 1, bytes, sha256: createHash("sha256").update(content).digest("hex") };
}

describe("uploadToSftp", () => {
  it("makes the district's folder, but only inside a folder that exists", async () => {
    const result = await uploadToSftp(target({ folder: "/incoming/district-1" }), [exported("a.csv", "x\n")]);

    expect(result).toEqual({ ok: false, failure: expect.objectContaining({ kind: "error" }), hostKey: destination.hostKey });
    expect(result.ok || result.failure.message).toMatch(/\/incoming\/district-1 does not exist on the server and could not be made/);
  });

  it("writes each file under a hidden temporary name and renames it into place once complete", async () => {
    const zip = exported("oneroster.zip", Buffer.alloc(300_000, 7));
    const csv = exported("students.csv", "sourcedId,givenName\n1,Ada\n");

    const result = await uploadToSftp(target({ folder: "/district-1" }), [zip, csv]);

    expect(result).toEqual({ ok: true, hostKey: destination.hostKey });
    expect(readFileSync(path.join(destination.root, "district-1", "oneroster.zip"))).toEqual(Buffer.alloc(300_000, 7));
    expect(readFileSync(path.join(destination.root, "district-1", "students.csv"), "utf8")).toBe("sourcedId,givenName\n1,Ada\n");
    const opened = destination.events.filter((event) => event.request === "open").map((event) => event.path);
    expect(opened).toEqual(["/district-1/.oneroster.zip.part", "/district-1/.students.csv.part"]);
    const renames = destination.events.filter((event) => event.request === "rename");
    expect(renames).toEqual([
      { request: "rename", from: "/district-1/.oneroster.zip.part", to: "/district-1/oneroster.zip", bytes: 300_000 },
      { request: "rename", from: "/district-1/.students.csv.part", to: "/district-1/students.csv", bytes: csv.bytes },
    ]);
    // Each rename comes after its file was closed complete.
    const closeIndex = destination.events.findIndex((event) => event.request === "close" && event.path === "/district-1/.oneroster.zip.part");
    const renameIndex = destination.events.findIndex((event) => event.request === "rename" && event.to === "/district-1/oneroster.zip");
    expect(closeIndex).toBeGreaterThan(-1);
    expect(closeIndex).toBeLessThan(renameIndex);
    expect(existsSync(path.join(destination.root, "district-1", ".oneroster.zip.part"))).toBe(false);
  });

  it("replaces yesterday's file of the same name", async () => {
    await uploadToSftp(target(), [exported("users.csv", "old\n")]);
    const result = await uploadToSftp(target(), [exported("users.csv", "new\n")]);

    expect(result.ok).toBe(true);
    expect(readFileSync(path.join(destination.root, "users.csv"), "utf8")).toBe("new\n");
  });

  it("reports a key the server refuses, naming the user to install it for", async () => {
    const other = ed25519KeyPair("someone-else");
    const result = await uploadToSftp(target({ privateKey: other.private }), [exported("a.csv", "x\n")]);

    expect(result).toEqual({
      ok: false,
      failure: { kind: "auth_refused", message: "The server refused the key: install the public key shown on the File delivery tab for user rollcall.", retry: false },
      hostKey: destination.hostKey,
    });
    expect(destination.events).toEqual([]);
  });

  it("stops when the server presents another host key than the pinned one, before signing in", async () => {
    const signInsBefore = destination.signIns;
    const result = await uploadToSftp(target({ pinnedHostKey: "SHA256:previousKeyOfThisServer" }), [exported("a.csv", "x\n")]);

    expect(result).toEqual({
      ok: false,
      failure: {
        kind: "host_key_changed",
        message: `The server's host key changed from SHA256:previousKeyOfThisServer to ${destination.hostKey}. Delivery stops until you confirm the new fingerprint.`,
        retry: false,
      },
      hostKey: destination.hostKey,
    });
    expect(destination.signIns).toBe(signInsBefore);
    expect(destination.events).toEqual([]);
  });

  it("presents an unpinned host key for confirmation without signing in", async () => {
    const signInsBefore = destination.signIns;
    const result = await checkSftpTarget(target({ pinnedHostKey: null }));

    expect(result.ok).toBe(false);
    expect(result.hostKey).toBe(destination.hostKey);
    expect(!result.ok && result.failure).toMatchObject({ kind: "host_key_unconfirmed", retry: false });
    expect(!result.ok && result.failure.message).toContain(destination.hostKey);
    expect(destination.signIns).toBe(signInsBefore);
  });

  it("says the disk is full and leaves no file under the final name", async () => {
    destination.diskFull = true;
    const result = await uploadToSftp(target(), [exported("full.csv", "x\n")]);

    expect(result).toEqual({ ok: false, failure: { kind: "disk_full", message: "The server's disk is full (No space left on device).", retry: true }, hostKey: destination.hostKey });
    expect(existsSync(path.join(destination.root, "full.csv"))).toBe(false);
  });

  it("refuses a host that resolves to a private or metadata address, without connecting", async () => {
    const connected: string[] = [];
    const onConnect = ({ address }: { address: string }) => void connected.push(address);
    const lookup = async (hostname: string) => [{ address: hostname === "meta.example" ? "169.254.169.254" : "10.0.0.5", family: 4 as const }];

    const privateResult = await uploadToSftp(target({ host: "files.example" }), [exported("a.csv", "x\n")], { lookup, onConnect });
    const metadataResult = await checkSftpTarget(target({ host: "meta.example" }), { lookup, onConnect });

    expect(privateResult).toEqual({ ok: false, failure: expect.objectContaining({ kind: "blocked_address", retry: false }), hostKey: null });
    expect(!privateResult.ok && privateResult.failure.message).toMatch(/^files\.example resolves to 10\.0\.0\.5, a private network address/);
    expect(!metadataResult.ok && metadataResult.failure.message).toMatch(/meta\.example resolves to 169\.254\.169\.254, the cloud metadata service/);
    expect(connected).toEqual([]);
  });

  it("refuses a literal private address as well", async () => {
    const connected: string[] = [];
    const result = await checkSftpTarget(target({ host: "192.168.1.20" }), { onConnect: ({ address }) => void connected.push(address) });

    expect(!result.ok && result.failure.kind).toBe("blocked_address");
    expect(connected).toEqual([]);
  });

  it("connects to the vetted address, not a second lookup's", async () => {
    const connected: string[] = [];
    const result = await checkSftpTarget(target({ host: "sftp.vendor.example" }), {
      lookup: async () => [{ address: "127.0.0.1", family: 4 }],
      onConnect: ({ address }) => void connected.push(address),
    });

    expect(result).toEqual({ ok: true, hostKey: destination.hostKey });
    expect(connected).toEqual(["127.0.0.1"]);
  });
});

describe("servers that do not answer", () => {
  let silent: Server;
  const sockets = new Set<Socket>();
  beforeAll(async () => {
    silent = createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  });
  afterAll(async () => {
    sockets.forEach((socket) => socket.destroy());
    await new Promise((resolve) => silent.close(resolve));
  });

  it("gives up on a server that accepts the connection but never speaks", async () => {
    const port = (silent.address() as { port: number }).port;
    const result = await checkSftpTarget(target({ port }), { timeoutMs: 300 });

    expect(result).toEqual({ ok: false, failure: { kind: "timeout", message: `No answer from 127.0.0.1:${port} within 0.3 s.`, retry: true }, hostKey: null });
  });

  it("says a closed port refused the connection", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as { port: number }).port;
    await new Promise((resolve) => closed.close(resolve));

    const result = await checkSftpTarget(target({ port }));
    expect(!result.ok && result.failure).toMatchObject({ kind: "unreachable", retry: true });
    expect(!result.ok && result.failure.message).toContain(`127.0.0.1:${port} refused the connection`);
  });
});

describe("checkSftpTarget", () => {
  it("signs in and checks the folder without uploading", async () => {
    expect(await checkSftpTarget(target())).toEqual({ ok: true, hostKey: destination.hostKey });
    const missing = await checkSftpTarget(target({ folder: "/nowhere" }));
    expect(!missing.ok && missing.failure.message).toBe(`The folder /nowhere does not exist on 127.0.0.1:${destination.port}: create it, or change the folder on the File delivery tab.`);
    expect(destination.events.filter((event) => event.request !== "open" || event.writing)).toEqual([]);
  });
});
