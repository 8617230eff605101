// The audit log's record of the File delivery tab, against a real PostgreSQL; only the session
// is faked. No test here connects to an SFTP server.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { MASKED } from "@/lib/audit/mask";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import {
  addOutboxKeyAction,
  deliverNowAction,
  prepareSftpKeyAction,
  regenerateSftpKeyAction,
  removeOutboxKeyAction,
  saveDeliveryDestinationAction,
  saveDeliveryEnabledAction,
  saveDeliveryFormatAction,
  saveDeliveryScheduleAction,
  trustHostKeyAction,
} from "@/lib/deliveries/actions";
import { defaultCustomFormat } from "@/lib/deliveries/custom-format/schema";
import { openDeliveryPrivateKey } from "@/lib/deliveries/key-pair";
import { ed25519KeyPair } from "@/lib/sftp/host-key";
import { createActivation, createDistrictAdmin, createVendorWithApplication } from "@/test/factories";

vi.mock("@/lib/auth/session", () => ({ getSessionUser: vi.fn() }));
const signInAs = (user: SessionUser) => vi.mocked(getSessionUser).mockResolvedValue(user);

const sftp = { destination: "vendor_sftp", sftpHost: "sftp.acme.test", sftpPort: 22, sftpUsername: "rollcall", sftpFolder: "/incoming" } as const;
const versionOf = async (applicationId: string) => (await db().fileDelivery.findUnique({ where: { applicationId } }))?.version ?? 0;

let acme: Awaited<ReturnType<typeof createVendorWithApplication>>;
let applicationId: string;
const eventsOf = (action: string) => db().auditEvent.findMany({ where: { tenantId: acme.vendor.id, action }, orderBy: { at: "asc" } });

beforeEach(async () => {
  acme = await createVendorWithApplication("Acme");
  applicationId = acme.application.id;
  signInAs(acme.admin);
});

describe("auditing the File delivery settings", () => {
  it("records turning delivery on and off, by whom, for the vendor", async () => {
    expect((await saveDeliveryEnabledAction({ applicationId, version: 0, enabled: true })).ok).toBe(true);
    expect((await saveDeliveryEnabledAction({ applicationId, version: 1, enabled: false })).ok).toBe(true);

    expect(await eventsOf("file_delivery.enabled")).toEqual([
      expect.objectContaining({
        summary: "File delivery of Acme App turned on",
        actorUserId: acme.admin.id,
        actorRole: "VENDOR_ADMIN",
        tenantType: "vendor",
        tenantName: "Acme",
        before: { enabled: false },
        after: { enabled: true },
      }),
    ]);
    expect(await eventsOf("file_delivery.disabled")).toEqual([expect.objectContaining({ before: { enabled: true }, after: { enabled: false } })]);
  });

  it("records the format, a new custom format version, and nothing when the same format is saved again", async () => {
    await saveDeliveryFormatAction({ applicationId, version: 0, format: "oneroster_csv", oneRosterDelta: true });
    await saveDeliveryFormatAction({ applicationId, version: 1, format: "custom_csv", custom: defaultCustomFormat() });
    await saveDeliveryFormatAction({ applicationId, version: 2, format: "custom_csv", custom: defaultCustomFormat() });
    await saveDeliveryFormatAction({ applicationId, version: 3, format: "custom_csv", custom: { ...defaultCustomFormat(), delimiter: ";" } });

    const events = await eventsOf("file_delivery.format_changed");
    expect(events.map(({ summary, before, after }) => ({ summary, before, after }))).toEqual([
      { summary: "File delivery format of Acme App set to OneRoster CSV (changes only)", before: { oneRosterDelta: false }, after: { oneRosterDelta: true } },
      {
        summary: "File delivery format of Acme App set to custom CSV (version 1)",
        before: { format: "oneroster_csv", customFormatVersion: null },
        after: { format: "custom_csv", customFormatVersion: 1 },
      },
      { summary: "File delivery format of Acme App set to custom CSV (version 2)", before: { customFormatVersion: 1 }, after: { customFormatVersion: 2 } },
    ]);
  });

  it("records the destination and the schedule, before → after", async () => {
    expect((await saveDeliveryDestinationAction({ applicationId, version: 0, ...sftp })).ok).toBe(true);
    expect((await saveDeliveryScheduleAction({ applicationId, version: 1, schedule: "every_hours", dailyAt: "02:00", timeZone: "UTC", everyHours: 4 })).ok).toBe(true);

    expect(await eventsOf("file_delivery.destination_changed")).toEqual([
      expect.objectContaining({
        summary: "File delivery destination of Acme App set to SFTP server sftp.acme.test:22",
        before: { destination: "rollcall_hosted", sftpHost: null, sftpUsername: null, sftpFolder: "/" },
        after: { destination: "vendor_sftp", sftpHost: "sftp.acme.test", sftpUsername: "rollcall", sftpFolder: "/incoming" },
      }),
    ]);
    expect(await eventsOf("file_delivery.schedule_changed")).toEqual([
      expect.objectContaining({
        summary: "Delivery schedule of Acme App set to every 4 hours",
        before: { schedule: "daily", everyHours: 6 },
        after: { schedule: "every_hours", everyHours: 4 },
      }),
    ]);
  });

  it("records nothing for a refused or invalid save", async () => {
    const eventsBefore = await db().auditEvent.count();
    expect((await saveDeliveryEnabledAction({ applicationId, version: 4, enabled: true })).ok).toBe(false);
    expect((await saveDeliveryDestinationAction({ applicationId, version: 0, ...sftp, sftpFolder: "incoming" })).ok).toBe(false);
    signInAs((await createVendorWithApplication()).admin);
    expect((await saveDeliveryScheduleAction({ applicationId, version: 0, schedule: "daily", dailyAt: "03:00", timeZone: "UTC", everyHours: 6 })).ok).toBe(false);
    expect(await db().auditEvent.count()).toBe(eventsBefore);
  });
});

describe("auditing the key pair for the vendor's SFTP server", () => {
  it("records making and replacing it, never the private key", async () => {
    expect((await prepareSftpKeyAction({ applicationId })).ok).toBe(true);
    expect((await prepareSftpKeyAction({ applicationId })).ok).toBe(true); // the same key: nothing new
    const first = await db().fileDelivery.findUniqueOrThrow({ where: { applicationId } });
    expect((await regenerateSftpKeyAction({ applicationId })).ok).toBe(true);
    const second = await db().fileDelivery.findUniqueOrThrow({ where: { applicationId } });

    expect(await eventsOf("sftp_key.created")).toEqual([
      expect.objectContaining({ actorUserId: acme.admin.id, before: null, after: { sftpPublicKey: first.sftpPublicKey, sftpPrivateKey: MASKED } }),
    ]);
    const regenerated = await eventsOf("sftp_key.regenerated");
    expect(regenerated).toEqual([
      expect.objectContaining({
        before: { sftpPublicKey: first.sftpPublicKey, sftpPrivateKey: MASKED },
        after: { sftpPublicKey: second.sftpPublicKey, sftpPrivateKey: MASKED },
      }),
    ]);
    const stored = JSON.stringify([...(await eventsOf("sftp_key.created")), ...regenerated]);
    for (const sealed of [first.sftpPrivateKey!, second.sftpPrivateKey!]) {
      expect(stored).not.toContain(sealed);
      const privateKeyBody = openDeliveryPrivateKey(sealed).split("\n")[1]!;
      expect(stored).not.toContain(privateKeyBody);
    }
  });
});

describe("auditing host key trust", () => {
  it("records the pinned host key before → after", async () => {
    const fingerprint = `SHA256:${"C".repeat(43)}`;
    await db().fileDelivery.create({ data: { applicationId, destination: "vendor_sftp", sftpHost: "sftp.acme.test", presentedHostKey: fingerprint } });
    expect(await trustHostKeyAction({ applicationId, fingerprint: `SHA256:${"D".repeat(43)}` })).toMatchObject({ ok: false });
    expect(await trustHostKeyAction({ applicationId, fingerprint })).toEqual({ ok: true, data: { pinnedHostKey: fingerprint } });

    expect(await eventsOf("sftp_host_key.trusted")).toEqual([
      expect.objectContaining({
        summary: `Host key ${fingerprint} of sftp.acme.test trusted for Acme App`,
        actorUserId: acme.admin.id,
        before: { pinnedHostKey: null },
        after: { pinnedHostKey: fingerprint },
      }),
    ]);
  });
});

describe("auditing the Rollcall-hosted account's keys", () => {
  it("records adding and removing a key by name and fingerprint", async () => {
    await saveDeliveryDestinationAction({ applicationId, version: await versionOf(applicationId), destination: "rollcall_hosted", sftpHost: "", sftpPort: 22, sftpUsername: "", sftpFolder: "/" });
    const added = await addOutboxKeyAction({ applicationId, name: "Nightly import", publicKey: ed25519KeyPair("etl@acme").public });
    if (!added.ok) throw new Error(added.formError);
    expect((await addOutboxKeyAction({ applicationId, name: "Again", publicKey: "not a key" })).ok).toBe(false);
    expect((await removeOutboxKeyAction({ applicationId, keyId: added.data.id })).ok).toBe(true);

    const key = { name: "Nightly import", algorithm: added.data.algorithm, fingerprint: added.data.fingerprint };
    expect(await eventsOf("outbox_key.added")).toEqual([
      expect.objectContaining({ summary: "SSH key “Nightly import” added to the Rollcall-hosted SFTP account of Acme App", actorUserId: acme.admin.id, after: key }),
    ]);
    expect(await eventsOf("outbox_key.removed")).toEqual([expect.objectContaining({ before: key, after: null })]);
  });
});

describe("auditing Deliver now", () => {
  it("records the request with the number of districts, and nothing when there is nothing to deliver", async () => {
    await saveDeliveryEnabledAction({ applicationId, version: 0, enabled: true });
    expect((await deliverNowAction({ applicationId })).ok).toBe(false);
    const district = await createDistrictAdmin();
    await createActivation(district.districtId!, applicationId);
    expect(await deliverNowAction({ applicationId })).toEqual({ ok: true, data: { queued: 1 } });

    expect(await eventsOf("file_delivery.delivery_requested")).toEqual([
      expect.objectContaining({ summary: "Deliver now: files of Acme App queued for 1 district", actorUserId: acme.admin.id, after: { districts: 1 } }),
    ]);
  });
});
