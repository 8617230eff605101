// The SFTP drop page's server actions against a real PostgreSQL: each reaches only the
// signed-in admin's own district, and bad input stores nothing.
import { utils } from "ssh2";
import { describe, expect, it, vi } from "vitest";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { getProcessingSchedule } from "@/lib/sftp/accounts";
import {
  addSftpKeyAction,
  processInboxNowAction,
  removeSftpKeyAction,
  saveAllowedNetworksAction,
  saveProcessingScheduleAction,
} from "@/lib/sftp/actions";
import { PROCESS_SFTP_INBOX_TASK } from "@/lib/sftp/task-names";
import { useTemporaryDataDir } from "@/lib/sftp/test-support";
import { createDistrictAdmin, createVendorWithApplication } from "@/test/factories";

vi.mock("@/lib/auth/session", () => ({ getSessionUser: vi.fn() }));
useTemporaryDataDir();

function signInAs(user: SessionUser) {
  vi.mocked(getSessionUser).mockResolvedValue(user);
}

describe("SSH keys", () => {
  it("adds a key to the admin's own account, refuses it twice, and treats another district's key as not found", async () => {
    const owner = await createDistrictAdmin();
    signInAs(owner);
    const { public: publicKey } = utils.generateKeyPairSync("ed25519", { comment: "sis@district" });
    const added = await addSftpKeyAction({ name: "Student information system", publicKey });
    if (!added.ok) throw new Error(added.formError);
    expect(added.data).toMatchObject({ name: "Student information system", algorithm: "ssh-ed25519", fingerprint: expect.stringMatching(/^SHA256:/), lastUsedAt: null });
    expect(await db().sftpAccount.count({ where: { districtId: owner.districtId! } })).toBe(1);

    expect(await addSftpKeyAction({ name: "Again", publicKey })).toMatchObject({
      ok: false,
      fieldErrors: { publicKey: "This key is already on the account as “Student information system”." },
    });

    signInAs(await createDistrictAdmin());
    expect(await removeSftpKeyAction({ keyId: added.data.id })).toMatchObject({ ok: false, formError: expect.stringContaining("This key was not found") });
    expect(await db().sftpKey.count({ where: { id: added.data.id } })).toBe(1);

    signInAs(owner);
    expect(await removeSftpKeyAction({ keyId: added.data.id })).toEqual({ ok: true, data: { id: added.data.id } });
    expect(await db().sftpKey.count({ where: { id: added.data.id } })).toBe(0);
  });

  it("refuses a private key, a short RSA key and a vendor admin, storing nothing", async () => {
    const admin = await createDistrictAdmin();
    signInAs(admin);
    const pair = utils.generateKeyPairSync("ed25519");
    expect(await addSftpKeyAction({ name: "Laptop", publicKey: pair.private })).toMatchObject({
      ok: false,
      fieldErrors: { publicKey: "This is a private key: paste the public key (the .pub file)" },
    });
    expect(await addSftpKeyAction({ name: "Old", publicKey: utils.generateKeyPairSync("rsa", { bits: 1024 }).public })).toMatchObject({
      ok: false,
      fieldErrors: { publicKey: "ssh-rsa keys must be at least 2048 bits; this one has 1024" },
    });
    expect(await addSftpKeyAction({ name: "  ", publicKey: pair.public })).toMatchObject({ ok: false, fieldErrors: { name: expect.stringContaining("Name the key") } });
    expect(await db().sftpKey.count({ where: { districtId: admin.districtId! } })).toBe(0);

    signInAs((await createVendorWithApplication()).admin);
    expect(await addSftpKeyAction({ name: "Laptop", publicKey: pair.public })).toMatchObject({ ok: false, formError: "Only district admins can change this." });
  });
});

describe("allowed networks and the daily time", () => {
  it("saves normalised ranges, and refuses a bad one without changing the saved list", async () => {
    const admin = await createDistrictAdmin();
    signInAs(admin);
    expect(await saveAllowedNetworksAction({ networks: "203.0.113.9/24\n2001:db8::/32" })).toEqual({ ok: true, data: { networks: ["203.0.113.0/24", "2001:db8::/32"] } });
    expect(await saveAllowedNetworksAction({ networks: "203.0.113.0/24\nanywhere" })).toMatchObject({ ok: false, fieldErrors: { networks: expect.stringContaining("Line 2") } });
    const account = await db().sftpAccount.findUniqueOrThrow({ where: { districtId: admin.districtId! } });
    expect(account.allowedNetworks).toEqual(["203.0.113.0/24", "2001:db8::/32"]);
  });

  it("saves the time and time zone, and refuses an unknown zone or a time that is not HH:MM", async () => {
    const admin = await createDistrictAdmin();
    signInAs(admin);
    expect(await getProcessingSchedule(admin.districtId!)).toEqual({ processAt: "02:00", timeZone: "America/New_York" });
    expect(await saveProcessingScheduleAction({ processAt: "05:30", timeZone: "Europe/Paris" })).toEqual({ ok: true, data: { processAt: "05:30", timeZone: "Europe/Paris" } });
    expect(await saveProcessingScheduleAction({ processAt: "25:00", timeZone: "Mars/Olympus" })).toMatchObject({
      ok: false,
      fieldErrors: { processAt: expect.stringContaining("HH:MM"), timeZone: expect.stringContaining("time zone") },
    });
    expect(await getProcessingSchedule(admin.districtId!)).toEqual({ processAt: "05:30", timeZone: "Europe/Paris" });
  });
});

describe("Process now", () => {
  it("queues the district's inbox once, however often it is clicked", async () => {
    const admin = await createDistrictAdmin();
    signInAs(admin);
    expect(await processInboxNowAction({})).toMatchObject({ ok: true });
    expect(await processInboxNowAction({})).toMatchObject({ ok: true });
    const jobs = await db().$queryRaw<{ payload: { districtId: string } }[]>`
      SELECT j.payload FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id
      WHERE t.identifier = ${PROCESS_SFTP_INBOX_TASK}`;
    expect(jobs.filter((job) => job.payload.districtId === admin.districtId)).toHaveLength(1);
  });
});
