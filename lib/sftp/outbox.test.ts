// The SFTP server on loopback for vendors: an application's outbox account signs in with its own
// key while it delivers Rollcall-hosted, sees the outbox/ folders of districts with an active
// activation, downloads and removes files, and can change nothing else.
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { utils } from "ssh2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { addOutboxKey } from "@/lib/deliveries/outbox-account";
import { outboxFolder, outboxRoot } from "@/lib/deliveries/outbox";
import { ed25519KeyPair } from "@/lib/sftp/host-key";
import { startSftpServer, type RunningSftpServer } from "@/lib/sftp/server";
import { applicationWithOutboxKey, connect, districtWithSftpKey, rawSftp, statusOf, useTemporaryDataDir, type SftpDistrict, type SftpOutbox } from "@/lib/sftp/test-support";
import { createActivation } from "@/test/factories";

useTemporaryDataDir();
const { STATUS_CODE } = utils.sftp;

let server: RunningSftpServer;
let vendor: SftpOutbox;
let otherVendor: SftpOutbox;
let active: SftpDistrict & { guid: string };
let deactivated: SftpDistrict & { guid: string };
let neverActivated: SftpDistrict & { guid: string };

async function district(name: string) {
  const made = await districtWithSftpKey(name);
  const { districtGuid } = await db().district.findUniqueOrThrow({ where: { id: made.districtId }, select: { districtGuid: true } });
  return { ...made, guid: districtGuid };
}

function place(applicationId: string, guid: string, name: string, content: string): string {
  const folder = outboxFolder(applicationId, guid);
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, name), content);
  return path.join(folder, name);
}

beforeAll(async () => {
  server = await startSftpServer({ port: 0, host: "127.0.0.1", maxUploadBytes: 64 * 1024 });
  [vendor, otherVendor] = await Promise.all([applicationWithOutboxKey(), applicationWithOutboxKey()]);
  active = await district("Springfield Public Schools");
  deactivated = await district("Riverside Unified");
  neverActivated = await district("Lakeview School District");
  await createActivation(active.districtId, vendor.applicationId);
  await createActivation(deactivated.districtId, vendor.applicationId, { status: "deactivated" });
  await createActivation(active.districtId, otherVendor.applicationId);
  await createActivation(neverActivated.districtId, otherVendor.applicationId);
  place(vendor.applicationId, deactivated.guid, "users.csv", "sourcedId\nold\n");
  place(vendor.applicationId, neverActivated.guid, "users.csv", "sourcedId\nnot-yours\n");
  place(otherVendor.applicationId, active.guid, "theirs.csv", "sourcedId\ntheirs\n");
});
afterAll(() => server.close());

describe("signing in to an outbox account", () => {
  it("takes the application's key and records when it was used", async () => {
    const client = await connect(server.port, vendor.username, vendor.privateKey);
    expect((await client.list("/")).map((entry) => entry.name)).toEqual(["outbox"]);
    await client.end();
    const [key] = await db().outboxKey.findMany({ where: { applicationId: vendor.applicationId } });
    expect(key?.lastUsedAt).toBeInstanceOf(Date);
    expect(vendor.username).toMatch(/^app-[0-9a-f]{8}$/);
  });

  it("refuses another application's key, a district's key, and the outbox key on a district's account", async () => {
    await expect(connect(server.port, vendor.username, otherVendor.privateKey)).rejects.toThrow(/authentication methods failed/);
    await expect(connect(server.port, vendor.username, active.privateKey)).rejects.toThrow(/authentication methods failed/);
    await expect(connect(server.port, vendor.username, ed25519KeyPair().private)).rejects.toThrow(/authentication methods failed/);
    await expect(connect(server.port, active.username, vendor.privateKey)).rejects.toThrow(/authentication methods failed/);
  });

  it("is refused while the application delivers to its own server or delivery is off", async () => {
    const app = await applicationWithOutboxKey();
    await db().fileDelivery.update({ where: { applicationId: app.applicationId }, data: { destination: "vendor_sftp" } });
    await expect(connect(server.port, app.username, app.privateKey)).rejects.toThrow(/authentication methods failed/);
    await db().fileDelivery.update({ where: { applicationId: app.applicationId }, data: { destination: "rollcall_hosted", enabled: false } });
    await expect(connect(server.port, app.username, app.privateKey)).rejects.toThrow(/authentication methods failed/);
    await db().fileDelivery.update({ where: { applicationId: app.applicationId }, data: { enabled: true } });
    const client = await connect(server.port, app.username, app.privateKey);
    await client.end();
  });

  it("takes a 2048-bit RSA key added to the account", async () => {
    const rsa = utils.generateKeyPairSync("rsa", { bits: 2048 });
    expect(await addOutboxKey(vendor.applicationId, { name: "Backup puller", publicKey: rsa.public }, vendor.vendorAdminId)).toMatchObject({ ok: true });
    const client = await connect(server.port, vendor.username, rsa.private);
    await client.end();
  });
});

describe("the outbox", () => {
  it("lists active districts' folders and their finished files, downloads one and removes it", async () => {
    const onDisk = place(vendor.applicationId, active.guid, "users.csv", "sourcedId,givenName\nu1,Ana\n");
    place(vendor.applicationId, active.guid, ".classes.csv.part", "sourcedId\nhalf");
    const client = await connect(server.port, vendor.username, vendor.privateKey);
    try {
      expect((await client.list("/outbox")).map((entry) => entry.name)).toEqual([active.guid]);
      expect((await client.list(`/outbox/${active.guid}`)).map((entry) => entry.name)).toEqual(["users.csv"]);
      expect(await client.get(`/outbox/${active.guid}/users.csv`)).toEqual(Buffer.from("sourcedId,givenName\nu1,Ana\n"));
      await client.delete(`outbox/${active.guid}/users.csv`);
      expect(existsSync(onDisk)).toBe(false);
      expect(await client.list(`/outbox/${active.guid}`)).toEqual([]);
    } finally {
      await client.end();
    }
  });

  it("takes no uploads, renames, folders or changes, and keeps files still being placed out of reach", async () => {
    const onDisk = place(vendor.applicationId, active.guid, "enrollments.csv", "sourcedId\ne1\n");
    const partial = place(vendor.applicationId, active.guid, ".enrollments.csv.part", "sourcedId\ne2");
    const client = await connect(server.port, vendor.username, vendor.privateKey);
    const sftp = rawSftp(client);
    try {
      await expect(client.put(Buffer.from("x"), `/outbox/${active.guid}/mine.csv`)).rejects.toThrow(/read-only/);
      await expect(client.put(Buffer.from("x"), `/outbox/${active.guid}/enrollments.csv`)).rejects.toThrow(/read-only/);
      expect(await statusOf((done) => sftp.rename(`outbox/${active.guid}/enrollments.csv`, `outbox/${active.guid}/e.csv`, done))).toBe(STATUS_CODE.PERMISSION_DENIED);
      expect(await statusOf((done) => sftp.mkdir(`outbox/${active.guid}/sub`, done))).toBe(STATUS_CODE.PERMISSION_DENIED);
      expect(await statusOf((done) => sftp.mkdir("outbox/new", done))).toBe(STATUS_CODE.PERMISSION_DENIED);
      expect(await statusOf((done) => sftp.rmdir(`outbox/${active.guid}`, done))).toBe(STATUS_CODE.PERMISSION_DENIED);
      expect(await statusOf((done) => sftp.setstat(`outbox/${active.guid}/enrollments.csv`, { mode: 0o777 }, done))).toBe(STATUS_CODE.PERMISSION_DENIED);
      expect(await statusOf((done) => sftp.symlink("/etc/passwd", `outbox/${active.guid}/p.csv`, done))).toBe(STATUS_CODE.PERMISSION_DENIED);
      expect(await statusOf((done) => sftp.open(`outbox/${active.guid}/.enrollments.csv.part`, "r", done))).toBe(STATUS_CODE.PERMISSION_DENIED);
      expect(await statusOf((done) => sftp.stat(`outbox/${active.guid}/.enrollments.csv.part`, done))).toBe(STATUS_CODE.PERMISSION_DENIED);
      expect(await statusOf((done) => sftp.unlink(`outbox/${active.guid}/.enrollments.csv.part`, done))).toBe(STATUS_CODE.PERMISSION_DENIED);
      expect(await statusOf((done) => sftp.unlink(`outbox/${active.guid}`, done))).toBe(STATUS_CODE.PERMISSION_DENIED);
    } finally {
      await client.end();
    }
    expect(readFileSync(onDisk, "utf8")).toBe("sourcedId\ne1\n");
    expect(existsSync(partial)).toBe(true);
    expect(existsSync(path.join(outboxFolder(vendor.applicationId, active.guid), "mine.csv"))).toBe(false);
  });

  it("hides districts without an active activation and other applications' outboxes", async () => {
    const client = await connect(server.port, vendor.username, vendor.privateKey);
    const sftp = rawSftp(client);
    try {
      const listed = (await client.list("/outbox")).map((entry) => entry.name);
      expect(listed).not.toContain(deactivated.guid);
      expect(listed).not.toContain(neverActivated.guid);
      for (const guid of [deactivated.guid, neverActivated.guid]) {
        expect(await statusOf((done) => sftp.stat(`/outbox/${guid}`, done))).toBe(STATUS_CODE.NO_SUCH_FILE);
        expect(await statusOf((done) => sftp.readdir(`/outbox/${guid}`, done))).toBe(STATUS_CODE.NO_SUCH_FILE);
        expect(await statusOf((done) => sftp.open(`/outbox/${guid}/users.csv`, "r", done))).toBe(STATUS_CODE.NO_SUCH_FILE);
        expect(await statusOf((done) => sftp.unlink(`/outbox/${guid}/users.csv`, done))).toBe(STATUS_CODE.NO_SUCH_FILE);
      }
      // The other application has a file for the same district; this account sees only its own outbox.
      expect(await statusOf((done) => sftp.stat(`/outbox/${active.guid}/theirs.csv`, done))).toBe(STATUS_CODE.NO_SUCH_FILE);
      expect(await statusOf((done) => sftp.readdir(`../${otherVendor.applicationId}/outbox`, done))).toBe(STATUS_CODE.PERMISSION_DENIED);
      expect(await statusOf((done) => sftp.stat(`/outbox/../../${otherVendor.applicationId}/outbox/${active.guid}/theirs.csv`, done))).toBe(STATUS_CODE.PERMISSION_DENIED);
      expect(await statusOf((done) => sftp.stat(path.join(outboxRoot(otherVendor.applicationId), "outbox", active.guid, "theirs.csv"), done))).toBe(STATUS_CODE.PERMISSION_DENIED);
      expect(await statusOf((done) => sftp.readdir("/inbox", done))).toBe(STATUS_CODE.PERMISSION_DENIED);
    } finally {
      await client.end();
    }
    expect(existsSync(path.join(outboxFolder(vendor.applicationId, deactivated.guid), "users.csv"))).toBe(true);
  });

  it("refuses links out of the outbox", async () => {
    const folder = outboxFolder(vendor.applicationId, active.guid);
    mkdirSync(folder, { recursive: true });
    symlinkSync("/etc/passwd", path.join(folder, "passwd.csv"));
    const client = await connect(server.port, vendor.username, vendor.privateKey);
    try {
      expect(await statusOf((done) => rawSftp(client).open(`outbox/${active.guid}/passwd.csv`, "r", done))).toBe(STATUS_CODE.PERMISSION_DENIED);
      expect((await client.list(`outbox/${active.guid}`)).map((entry) => entry.name)).not.toContain("passwd.csv");
    } finally {
      await client.end();
    }
  });
});

describe("OpenSSH's sftp client on an outbox account", () => {
  it("downloads and removes a file, and is refused an upload", async () => {
    place(vendor.applicationId, active.guid, "orgs.csv", "sourcedId,name\no1,Springfield High\n");
    const work = mkdtempSync(path.join(tmpdir(), "rollcall-outbox-"));
    const keyFile = path.join(work, "id_ed25519");
    writeFileSync(keyFile, vendor.privateKey, { mode: 0o600 });
    writeFileSync(path.join(work, "mine.csv"), "x\n");
    const batch = ["ls outbox", `get outbox/${active.guid}/orgs.csv`, `rm outbox/${active.guid}/orgs.csv`, `-put mine.csv outbox/${active.guid}/`, "bye", ""].join("\n");
    const options = ["-F", "/dev/null", "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "GlobalKnownHostsFile=/dev/null"];
    const { output, code } = await new Promise<{ output: string; code: number | null }>((resolve) => {
      const child = execFile("sftp", [...options, "-i", keyFile, "-P", String(server.port), "-b", "-", `${vendor.username}@127.0.0.1`], { cwd: work, timeout: 15_000 }, (error, stdout, stderr) =>
        resolve({ output: `${stdout}${stderr}`, code: error ? (typeof error.code === "number" ? error.code : -1) : 0 }),
      );
      child.stdin!.end(batch);
    });
    expect({ code, output }).toMatchObject({ code: 0 });
    expect(output).toContain(active.guid);
    expect(output).toMatch(/read-only|Permission denied/);
    expect(readFileSync(path.join(work, "orgs.csv"), "utf8")).toBe("sourcedId,name\no1,Springfield High\n");
    expect(existsSync(path.join(outboxFolder(vendor.applicationId, active.guid), "orgs.csv"))).toBe(false);
    expect(existsSync(path.join(outboxFolder(vendor.applicationId, active.guid), "mine.csv"))).toBe(false);
  });
});
