// The File delivery tab's stored settings against a real PostgreSQL: versions of the custom
// format, optimistic concurrency, and what a new SFTP server forgets.
import { describe, expect, it } from "vitest";
import { defaultCustomFormat } from "@/lib/deliveries/custom-format/schema";
import {
  canonicalJson,
  ensureDeliveryKeyPair,
  loadFileDeliverySettings,
  saveDeliveryDestination,
  saveDeliveryFormat,
  saveDeliverySchedule,
  STALE_DELIVERY_SETTINGS,
} from "@/lib/deliveries/settings";
import { db } from "@/lib/db";
import { createVendorWithApplication } from "@/test/factories";

async function vendor() {
  const { admin, application } = await createVendorWithApplication();
  return { actor: { id: admin.id, vendorId: admin.vendorId! }, applicationId: application.id };
}

const versionsOf = async (applicationId: string) =>
  (await db().customFormatVersion.findMany({ where: { applicationId }, orderBy: { version: "asc" } })).map((row) => row.version);

describe("saveDeliveryFormat", () => {
  it("saves a custom format as version 1, makes no new version when nothing changed, and version 2 when a column moved", async () => {
    const { actor, applicationId } = await vendor();
    const custom = defaultCustomFormat("users");

    const first = await saveDeliveryFormat(actor, { applicationId, version: 0, format: "custom_csv", custom });
    expect(first).toMatchObject({ format: "custom_csv", version: 1, savedFormat: { version: 1, definition: custom, createdByName: expect.stringContaining("Admin") } });

    // The same definition with its keys in another order is the same format.
    const { filters, ...others } = custom;
    const reordered = JSON.parse(JSON.stringify({ filters, ...others }));
    const again = await saveDeliveryFormat(actor, { applicationId, version: 1, format: "custom_csv", custom: reordered });
    expect(again.savedFormat?.version).toBe(1);
    expect(await versionsOf(applicationId)).toEqual([1]);

    const [firstColumn, secondColumn, ...rest] = custom.columns;
    const moved = { ...custom, columns: [secondColumn!, firstColumn!, ...rest] };
    const third = await saveDeliveryFormat(actor, { applicationId, version: again.version, format: "custom_csv", custom: moved });
    expect(third.savedFormat).toMatchObject({ version: 2, definition: { columns: moved.columns } });
    expect(await versionsOf(applicationId)).toEqual([1, 2]);

    // Choosing OneRoster CSV keeps the custom format's versions for later.
    const oneRoster = await saveDeliveryFormat(actor, { applicationId, version: third.version, format: "oneroster_csv", oneRosterDelta: true });
    expect(oneRoster).toMatchObject({ format: "oneroster_csv", oneRosterDelta: true, savedFormat: { version: 2 } });
  });

  it("refuses a save that started from an older version, and stores nothing of it", async () => {
    const { actor, applicationId } = await vendor();
    await saveDeliveryFormat(actor, { applicationId, version: 0, format: "oneroster_csv", oneRosterDelta: false });
    await saveDeliverySchedule(actor, { applicationId, version: 1, schedule: "every_hours", dailyAt: "02:00", timeZone: "UTC", everyHours: 4 });

    await expect(saveDeliveryFormat(actor, { applicationId, version: 1, format: "custom_csv", custom: defaultCustomFormat() })).rejects.toThrow(STALE_DELIVERY_SETTINGS);
    expect(await versionsOf(applicationId)).toEqual([]);
    expect(await loadFileDeliverySettings(actor.vendorId, applicationId)).toMatchObject({ format: "oneroster_csv", schedule: "every_hours", everyHours: 4, version: 2 });
  });
});

describe("saveDeliveryDestination", () => {
  it("gives Rollcall-hosted delivery its outbox account, and forgets the pinned host key when the server changes", async () => {
    const { actor, applicationId } = await vendor();
    const hosted = await saveDeliveryDestination(actor, { applicationId, version: 0, destination: "rollcall_hosted", sftpHost: "", sftpPort: 22, sftpUsername: "", sftpFolder: "/" });
    expect(hosted.destination).toBe("rollcall_hosted");
    expect((await db().fileDelivery.findUniqueOrThrow({ where: { applicationId } })).outboxUsername).toMatch(/^app-[0-9a-f]{8}$/);

    await ensureDeliveryKeyPair(actor, applicationId);
    const sftp = { applicationId, destination: "vendor_sftp", sftpHost: "sftp.acme.test", sftpPort: 22, sftpUsername: "rollcall", sftpFolder: "/in" } as const;
    const saved = await saveDeliveryDestination(actor, { ...sftp, version: hosted.version });
    await db().fileDelivery.update({ where: { applicationId }, data: { pinnedHostKey: "SHA256:old" } });

    const sameServer = await saveDeliveryDestination(actor, { ...sftp, sftpFolder: "/incoming", version: saved.version });
    expect(sameServer).toMatchObject({ sftpFolder: "/incoming", pinnedHostKey: "SHA256:old" });
    const otherServer = await saveDeliveryDestination(actor, { ...sftp, sftpHost: "sftp2.acme.test", version: sameServer.version });
    expect(otherServer).toMatchObject({ sftpHost: "sftp2.acme.test", pinnedHostKey: null });
  });
});

describe("canonicalJson", () => {
  it("ignores the order of object keys but not of arrays", () => {
    expect(canonicalJson({ a: 1, b: { c: [1, 2], d: null } })).toBe(canonicalJson({ b: { d: null, c: [1, 2] }, a: 1 }));
    expect(canonicalJson({ c: [1, 2] })).not.toBe(canonicalJson({ c: [2, 1] }));
  });
});
