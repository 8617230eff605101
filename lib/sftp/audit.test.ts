// The audit log's record of a district's SFTP account settings and of the files its inbox
// imports, against a real PostgreSQL; only the session is faked.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { utils } from "ssh2";
import { describe, expect, it, vi } from "vitest";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { applyImport, type ApplyJobPayload } from "@/lib/imports/receive";
import { addSftpKeyAction, processInboxNowAction, removeSftpKeyAction, saveAllowedNetworksAction, saveProcessingScheduleAction } from "@/lib/sftp/actions";
import { ensureAccountFolders } from "@/lib/sftp/folders";
import { processInbox } from "@/lib/sftp/inbox";
import { useTemporaryDataDir } from "@/lib/sftp/test-support";
import { createDistrictAdmin } from "@/test/factories";

vi.mock("@/lib/auth/session", () => ({ getSessionUser: vi.fn() }));
useTemporaryDataDir();

const signInAs = (user: SessionUser) => vi.mocked(getSessionUser).mockResolvedValue(user);
const eventsOf = (districtId: string) => db().auditEvent.findMany({ where: { tenantType: "district", tenantId: districtId }, orderBy: { at: "asc" } });

async function signedInAdmin() {
  const admin = await createDistrictAdmin();
  signInAs(admin);
  return admin;
}

describe("auditing the SFTP account", () => {
  it("records who asked to process the inbox now, each time", async () => {
    const admin = await signedInAdmin();
    expect(await processInboxNowAction({})).toMatchObject({ ok: true });
    expect(await processInboxNowAction({})).toMatchObject({ ok: true });
    expect(await eventsOf(admin.districtId!)).toEqual([
      expect.objectContaining({ action: "sftp_inbox.processing_requested", actorUserId: admin.id, actorRole: "DISTRICT_ADMIN", summary: "Asked to process the SFTP inbox now" }),
      expect.objectContaining({ action: "sftp_inbox.processing_requested", actorUserId: admin.id }),
    ]);
  });

  it("records a key added and removed, by name and fingerprint, as the admin", async () => {
    const admin = await signedInAdmin();
    const { public: publicKey } = utils.generateKeyPairSync("ed25519", { comment: "sis@district" });
    const added = await addSftpKeyAction({ name: "Nightly export", publicKey });
    if (!added.ok) throw new Error(added.formError);
    expect(await addSftpKeyAction({ name: "Again", publicKey })).toMatchObject({ ok: false });
    expect(await removeSftpKeyAction({ keyId: added.data.id })).toMatchObject({ ok: true });
    expect(await removeSftpKeyAction({ keyId: added.data.id })).toMatchObject({ ok: false });

    const events = await eventsOf(admin.districtId!);
    expect(events.map((event) => event.action)).toEqual(["sftp_key.added", "sftp_key.removed"]);
    const key = { name: "Nightly export", algorithm: "ssh-ed25519", fingerprint: added.data.fingerprint };
    expect(events[0]).toMatchObject({ summary: "SFTP key “Nightly export” added", actorUserId: admin.id, actorRole: "DISTRICT_ADMIN", before: null, after: key });
    expect(events[1]).toMatchObject({ summary: "SFTP key “Nightly export” removed", before: key, after: null });
  });

  it("records the allowed networks and the schedule before and after, and nothing for an unchanged save or bad input", async () => {
    const admin = await signedInAdmin();
    expect(await saveAllowedNetworksAction({ networks: "203.0.113.0/24" })).toMatchObject({ ok: true });
    expect(await saveAllowedNetworksAction({ networks: "203.0.113.0/24" })).toMatchObject({ ok: true });
    expect(await saveAllowedNetworksAction({ networks: "not a network" })).toMatchObject({ ok: false });
    expect(await saveProcessingScheduleAction({ processAt: "04:30", timeZone: "America/Chicago" })).toMatchObject({ ok: true });

    const events = await eventsOf(admin.districtId!);
    expect(events.map((event) => event.action)).toEqual(["sftp.allowed_networks_changed", "sftp.processing_schedule_changed"]);
    expect(events[0]).toMatchObject({ summary: "SFTP sign-in allowed from 203.0.113.0/24", before: { allowedNetworks: [] }, after: { allowedNetworks: ["203.0.113.0/24"] } });
    expect(events[1]).toMatchObject({ after: { processAt: "04:30", timeZone: "America/Chicago" }, summary: "SFTP inbox processed daily at 04:30 (America/Chicago)" });
  });
});

describe("auditing the inbox's imports", () => {
  it("records one import.applied event for a dropped file, as the SFTP inbox", async () => {
    const admin = await createDistrictAdmin();
    const districtId = admin.districtId!;
    const root = await ensureAccountFolders(districtId);
    writeFileSync(
      path.join(root, "inbox", "people.csv"),
      ["email,first_name,last_name,account_type,netid", "ada@school.test,Ada,Lovelace,Student,S-1", "jsmith@,Jo,Smith,Student,S-2"].join("\n"),
    );
    const [processed] = await processInbox(districtId);
    const [job] = await db().$queryRaw<{ payload: ApplyJobPayload }[]>`SELECT payload FROM graphile_worker._private_jobs WHERE key = ${`import:${processed!.importId}`}`;
    expect(await applyImport(processed!.importId, job!.payload.audit ?? null)).toMatchObject({ status: "completed" });

    const events = await eventsOf(districtId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "import.applied",
      summary: "Import “people.csv” applied: 1 created, 0 updated, 1 skipped",
      actorUserId: null,
      actorEmail: "SFTP inbox",
      actorRole: "sftp",
      after: { importId: processed!.importId, channel: "sftp", fileName: "people.csv", validRowsOnly: true, counts: { create: 1, error: 1 } },
    });
  });
});
