// The SFTP server on loopback: public-key sign-in per district account, allowed networks, and
// a view of the account's own folder that nothing can climb out of.
import { randomBytes } from "node:crypto";
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { utils } from "ssh2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getConfig } from "@/lib/config";
import { openSecret } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
import { addSftpKey, saveAllowedNetworks } from "@/lib/sftp/accounts";
import { folderPath } from "@/lib/sftp/folders";
import { ed25519KeyPair, getHostKey, HOST_KEY_CONTEXT, loadOrCreateHostKey } from "@/lib/sftp/host-key";
import { fingerprintOf } from "@/lib/sftp/public-keys";
import { startSftpServer, type RunningSftpServer } from "@/lib/sftp/server";
import { connect, districtWithSftpKey, rawSftp, statusOf, useTemporaryDataDir, type SftpDistrict } from "@/lib/sftp/test-support";

useTemporaryDataDir();
const { STATUS_CODE } = utils.sftp;
const MAX_UPLOAD = 64 * 1024;

let server: RunningSftpServer;
let springfield: SftpDistrict;
let riverside: SftpDistrict;

beforeAll(async () => {
  server = await startSftpServer({ port: 0, host: "127.0.0.1", maxUploadBytes: MAX_UPLOAD });
  springfield = await districtWithSftpKey("Springfield Public Schools");
  riverside = await districtWithSftpKey("Riverside Unified");
});
afterAll(() => server.close());

describe("signing in", () => {
  it("takes the account's own key, shows the host key the page shows, and records the sign-in", async () => {
    const seen: string[] = [];
    const client = await connect(server.port, springfield.username, springfield.privateKey, (key) => {
      seen.push(fingerprintOf(key));
      return true;
    });
    expect(seen).toEqual([(await getHostKey()).fingerprint]);
    expect((await client.list("/")).map((entry) => entry.name).sort()).toEqual(["archive", "inbox", "rejected"]);
    await client.end();

    const account = await db().sftpAccount.findUniqueOrThrow({ where: { districtId: springfield.districtId } });
    const [key] = await db().sftpKey.findMany({ where: { districtId: springfield.districtId } });
    expect(account.lastLoginAt).toBeInstanceOf(Date);
    expect(key?.lastUsedAt).toBeInstanceOf(Date);
    expect(account.username).toMatch(/^springfield-[0-9a-f]{6}$/);
  });

  it("refuses a key the account does not have, and another district's key", async () => {
    const stranger = ed25519KeyPair();
    await expect(connect(server.port, springfield.username, stranger.private)).rejects.toThrow(/authentication methods failed/);
    await expect(connect(server.port, springfield.username, riverside.privateKey)).rejects.toThrow(/authentication methods failed/);
    await expect(connect(server.port, "no-such-account", springfield.privateKey)).rejects.toThrow(/authentication methods failed/);
  });

  it("takes a 2048-bit RSA key too", async () => {
    const rsa = utils.generateKeyPairSync("rsa", { bits: 2048 });
    await addSftpKey({ id: springfield.adminId, districtId: springfield.districtId }, { name: "Backup server", publicKey: rsa.public });
    const client = await connect(server.port, springfield.username, rsa.private);
    await client.end();
  });

  it("refuses an address outside the allowed networks, and lets it in once its range is listed", async () => {
    const district = await districtWithSftpKey("Lakeview School District");
    await saveAllowedNetworks(district.districtId, ["203.0.113.0/24"]);
    await expect(connect(server.port, district.username, district.privateKey)).rejects.toThrow(/authentication methods failed/);
    await saveAllowedNetworks(district.districtId, ["203.0.113.0/24", "127.0.0.0/8"]);
    const client = await connect(server.port, district.username, district.privateKey);
    await client.end();
  });
});

describe("the account's folder", () => {
  it("refuses paths that climb out of it, absolute paths elsewhere, and links", async () => {
    writeFileSync(path.join(folderPath(riverside.districtId, "inbox"), "theirs.csv"), "email\n");
    symlinkSync("/etc/passwd", path.join(folderPath(springfield.districtId, "inbox"), "link.csv"));
    const client = await connect(server.port, springfield.username, springfield.privateKey);
    const sftp = rawSftp(client);
    try {
      expect(await statusOf((done) => sftp.readdir("..", done))).toBe(STATUS_CODE.PERMISSION_DENIED);
      expect(await statusOf((done) => sftp.stat(`../${riverside.districtId}/inbox/theirs.csv`, done))).toBe(STATUS_CODE.PERMISSION_DENIED);
      expect(await statusOf((done) => sftp.readdir("/inbox/../../..", done))).toBe(STATUS_CODE.PERMISSION_DENIED);
      expect(await statusOf((done) => sftp.stat("/etc/passwd", done))).toBe(STATUS_CODE.PERMISSION_DENIED);
      expect(await statusOf((done) => sftp.stat(path.join(folderPath(riverside.districtId, "inbox"), "theirs.csv"), done))).toBe(STATUS_CODE.PERMISSION_DENIED);
      expect(await statusOf((done) => sftp.open("inbox/link.csv", "r", done))).toBe(STATUS_CODE.PERMISSION_DENIED);
      expect(await statusOf((done) => sftp.symlink("/etc/passwd", "inbox/mine.csv", done))).toBe(STATUS_CODE.PERMISSION_DENIED);
      expect((await client.list("inbox")).map((entry) => entry.name)).not.toContain("link.csv");
    } finally {
      await client.end();
    }
  });

  it("takes files into inbox/ only: archive/ and rejected/ are read-only", async () => {
    const client = await connect(server.port, springfield.username, springfield.privateKey);
    try {
      await client.put(Buffer.from("email\nana@example.org\n"), "inbox/people.csv");
      expect(readFileSync(path.join(folderPath(springfield.districtId, "inbox"), "people.csv"), "utf8")).toBe("email\nana@example.org\n");
      expect(await client.get("inbox/people.csv")).toEqual(Buffer.from("email\nana@example.org\n"));
      await expect(client.put(Buffer.from("x"), "archive/people.csv")).rejects.toThrow(/read-only|denied/i);
      expect(await statusOf((done) => rawSftp(client).mkdir("inbox/sub", done))).toBe(STATUS_CODE.PERMISSION_DENIED);
      await client.rename("inbox/people.csv", "inbox/people-2.csv");
      await client.delete("inbox/people-2.csv");
      expect(await client.list("inbox")).toEqual([]);
    } finally {
      await client.end();
    }
  });

  it("shows an upload under its name only once the client has closed it", async () => {
    const client = await connect(server.port, springfield.username, springfield.privateKey);
    const sftp = rawSftp(client);
    const names = async () => (await client.list("inbox")).map((entry) => entry.name);
    try {
      const handle = await new Promise<Buffer>((resolve, reject) => sftp.open("inbox/halfway.csv", "w", (error, opened) => (error ? reject(error) : resolve(opened))));
      await new Promise<void>((resolve, reject) => sftp.write(handle, Buffer.from("email\n"), 0, 6, 0, (error) => (error ? reject(error) : resolve())));
      expect(await names()).not.toContain("halfway.csv");
      expect(existsSync(path.join(folderPath(springfield.districtId, "inbox"), "halfway.csv"))).toBe(false);
      await new Promise<void>((resolve, reject) => sftp.close(handle, (error) => (error ? reject(error) : resolve())));
      expect(await names()).toContain("halfway.csv");
    } finally {
      await client.end();
    }
  });

  it("records each upload in the audit log with the key that sent it, the file and where it came from", async () => {
    const district = await districtWithSftpKey("Shelbyville Unified");
    const client = await connect(server.port, district.username, district.privateKey);
    try {
      await client.put(Buffer.from("email\nana@example.org\n"), "inbox/people.csv");
      await expect(client.put(Buffer.alloc(MAX_UPLOAD + 1, 0x61), "inbox/huge.csv")).rejects.toThrow(/larger than/);
    } finally {
      await client.end();
    }
    const { fingerprint } = await db().sftpKey.findFirstOrThrow({ where: { districtId: district.districtId } });
    const events = await db().auditEvent.findMany({ where: { tenantId: district.districtId, action: "sftp.file_received" } });
    expect(events).toEqual([
      expect.objectContaining({
        actorEmail: "SFTP key “Student information system”",
        actorRole: "sftp_key",
        tenantName: "Shelbyville Unified",
        summary: "people.csv dropped into the SFTP inbox",
        after: { file: "people.csv", bytes: 22, key: "Student information system", fingerprint },
        ip: "127.0.0.1",
      }),
    ]);
  });

  it("refuses an upload larger than the import limit and keeps nothing of it", async () => {
    const client = await connect(server.port, springfield.username, springfield.privateKey);
    try {
      await expect(client.put(Buffer.alloc(MAX_UPLOAD + 1, 0x61), "inbox/huge.csv")).rejects.toThrow(/larger than/);
    } finally {
      await client.end();
    }
    const inbox = await connect(server.port, springfield.username, springfield.privateKey);
    expect((await inbox.list("inbox")).map((entry) => entry.name)).not.toContain("huge.csv");
    await inbox.end();
  });
});

describe("OpenSSH's sftp client", () => {
  it("uploads into inbox/, is refused outside it, and ends its session with bye", async () => {
    const keyFile = path.join(mkdtempSync(path.join(tmpdir(), "rollcall-sftp-key-")), "id_ed25519");
    writeFileSync(keyFile, springfield.privateKey, { mode: 0o600 });
    const localFile = path.join(path.dirname(keyFile), "roster.csv");
    writeFileSync(localFile, "email\nben@example.org\n");
    const batch = ["ls", "-cd ..", "-put roster.csv archive/", "put roster.csv inbox/", "ls -l inbox", "bye", ""].join("\n");
    const options = ["-F", "/dev/null", "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "GlobalKnownHostsFile=/dev/null"];
    const { output, code } = await new Promise<{ output: string; code: number | null }>((resolve) => {
      const child = execFile(
        "sftp",
        [...options, "-i", keyFile, "-P", String(server.port), "-b", "-", `${springfield.username}@127.0.0.1`],
        { cwd: path.dirname(keyFile), timeout: 15_000 },
        (error, stdout, stderr) => resolve({ output: `${stdout}${stderr}`, code: error ? (typeof error.code === "number" ? error.code : -1) : 0 }),
      );
      child.stdin!.end(batch);
    });
    expect({ code, output }).toMatchObject({ code: 0 });
    expect(output).toMatch(/archive\s+inbox\s+rejected/);
    expect(output).toMatch(/realpath \/\.\.: Permission denied/);
    expect(output).toMatch(/"\/archive\/roster\.csv": Permission denied/);
    expect(output).toMatch(/-rw-r--r--.* 22 .*roster\.csv/);
    expect(readFileSync(path.join(folderPath(springfield.districtId, "inbox"), "roster.csv"), "utf8")).toBe("email\nben@example.org\n");
  });
});

describe("the host key", () => {
  it("is made once, even by two processes starting at once", async () => {
    await db().instance.upsert({ where: { id: 1 }, create: { id: 1 }, update: { sftpHostKey: null } });
    const [first, second] = await Promise.all([loadOrCreateHostKey(), loadOrCreateHostKey()]);
    expect(second.fingerprint).toBe(first.fingerprint);
    expect(first.fingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
    expect((await loadOrCreateHostKey()).fingerprint).toBe(first.fingerprint);
    const stored = await db().instance.findUniqueOrThrow({ where: { id: 1 } });
    expect(stored.sftpHostKey).not.toContain("PRIVATE KEY");
  });

  it("keeps its fingerprint across an encryption key rotation, re-sealed with the new key", async () => {
    const before = await loadOrCreateHostKey();
    const rotated = { current: randomBytes(32), previous: [getConfig().encryptionKey.current] };
    expect((await loadOrCreateHostKey(rotated)).fingerprint).toBe(before.fingerprint);
    const { sftpHostKey } = await db().instance.findUniqueOrThrow({ where: { id: 1 } });
    expect(openSecret(sftpHostKey!, rotated.current, HOST_KEY_CONTEXT).plaintext).toBe(before.privateKey);
  });
});
