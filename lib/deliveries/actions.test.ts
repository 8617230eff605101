// The File delivery tab's server actions against a real PostgreSQL (only the session is
// faked): each reaches only the vendor's own applications, bad input stores nothing, and the
// vendor's SFTP server is a local ssh2 server on 127.0.0.1.
import { describe, expect, it, vi } from "vitest";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import {
  deliverNowAction,
  listDeliveryRunsAction,
  prepareSftpKeyAction,
  previewCustomFormatAction,
  saveDeliveryDestinationAction,
  saveDeliveryEnabledAction,
  saveDeliveryFormatAction,
  testSftpConnectionAction,
  trustHostKeyAction,
} from "@/lib/deliveries/actions";
import { defaultCustomFormat } from "@/lib/deliveries/custom-format/schema";
import { db } from "@/lib/db";
import { createActivation, createDistrictAdmin, createVendorWithApplication } from "@/test/factories";
import { startSftpDestination } from "@/test/sftp-destination";

vi.mock("@/lib/auth/session", () => ({ getSessionUser: vi.fn() }));

function signInAs(user: SessionUser) {
  vi.mocked(getSessionUser).mockResolvedValue(user);
}

async function signedInVendor() {
  const acme = await createVendorWithApplication();
  signInAs(acme.admin);
  return { ...acme, applicationId: acme.application.id };
}

const storedDelivery = (applicationId: string) => db().fileDelivery.findUnique({ where: { applicationId } });
const sftp = { destination: "vendor_sftp", sftpHost: "sftp.acme.test", sftpPort: 22, sftpUsername: "rollcall", sftpFolder: "/incoming" } as const;

describe("authorisation", () => {
  it("treats another vendor's application as not found, and changes nothing of it", async () => {
    const { applicationId } = await signedInVendor();
    signInAs((await createVendorWithApplication()).admin);
    const notFound = { ok: false, formError: "This application was not found. It may have been deleted." };

    expect(await saveDeliveryFormatAction({ applicationId, version: 0, format: "custom_csv", custom: defaultCustomFormat() })).toEqual(notFound);
    expect(await saveDeliveryDestinationAction({ applicationId, version: 0, ...sftp })).toEqual(notFound);
    expect(await prepareSftpKeyAction({ applicationId })).toEqual(notFound);
    expect(await deliverNowAction({ applicationId })).toEqual(notFound);
    expect(await listDeliveryRunsAction({ applicationId, page: 1 })).toEqual(notFound);
    expect(await storedDelivery(applicationId)).toBeNull();
    expect(await db().customFormatVersion.count({ where: { applicationId } })).toBe(0);
  });

  it("is refused to district admins", async () => {
    const { applicationId } = await signedInVendor();
    signInAs(await createDistrictAdmin());
    expect(await saveDeliveryEnabledAction({ applicationId, version: 0, enabled: true })).toEqual({ ok: false, formError: "Only vendor admins can change this." });
  });
});

describe("saveDeliveryDestinationAction", () => {
  it("stores nothing for a host with a scheme, a port out of range or a relative folder, and says which field is wrong", async () => {
    const { applicationId } = await signedInVendor();
    const result = await saveDeliveryDestinationAction({ applicationId, version: 0, ...sftp, sftpHost: "sftp://sftp.acme.test", sftpPort: 70_000, sftpFolder: "incoming" });
    expect(result).toEqual({
      ok: false,
      formError: "Check the highlighted fields.",
      fieldErrors: {
        sftpHost: expect.stringMatching(/without sftp:\/\//),
        sftpPort: "Enter a port number from 1 to 65535 (usually 22)",
        sftpFolder: expect.stringMatching(/absolute folder that starts with \//),
      },
    });
    expect(await saveDeliveryDestinationAction({ applicationId, version: 0, ...sftp, sftpHost: "sftp.acme.test:2222" })).toMatchObject({
      ok: false,
      fieldErrors: { sftpHost: "Enter the port in the Port field, not after the host name" },
    });
    expect(await storedDelivery(applicationId)).toBeNull();

    expect(await saveDeliveryDestinationAction({ applicationId, version: 0, ...sftp, sftpHost: " SFTP.Acme.test " })).toMatchObject({
      ok: true,
      data: { destination: "vendor_sftp", sftpHost: "sftp.acme.test", sftpFolder: "/incoming", version: 1 },
    });
  });
});

describe("saveDeliveryEnabledAction", () => {
  it("refuses to turn delivery on without a destination or a saved custom format, and turns it on once both are there", async () => {
    const { applicationId } = await signedInVendor();
    await prepareSftpKeyAction({ applicationId });
    const format = await saveDeliveryFormatAction({ applicationId, version: 1, format: "custom_csv", custom: defaultCustomFormat("classes") });
    if (!format.ok) throw new Error(format.formError);
    await db().fileDelivery.update({ where: { applicationId }, data: { destination: "vendor_sftp" } });

    expect(await saveDeliveryEnabledAction({ applicationId, version: format.data.version, enabled: true })).toEqual({
      ok: false,
      formError: "Enter and save your SFTP server's host and user name before turning delivery on.",
    });
    expect((await storedDelivery(applicationId))?.enabled).toBe(false);

    const destination = await saveDeliveryDestinationAction({ applicationId, version: format.data.version, ...sftp });
    if (!destination.ok) throw new Error(destination.formError);
    expect(await saveDeliveryEnabledAction({ applicationId, version: destination.data.version, enabled: true })).toMatchObject({ ok: true, data: { enabled: true } });
  });

  it("refuses custom format delivery before the format is saved", async () => {
    const { applicationId } = await signedInVendor();
    await db().fileDelivery.create({ data: { applicationId, format: "custom_csv" } });
    expect(await saveDeliveryEnabledAction({ applicationId, version: 1, enabled: true })).toEqual({
      ok: false,
      formError: "Save your custom format before turning delivery on.",
    });
  });
});

describe("Test connection and the host key", () => {
  it("shows the host key a new server presents, pins it on Trust, and warns when the server later presents another", async () => {
    const { applicationId } = await signedInVendor();
    const key = await prepareSftpKeyAction({ applicationId });
    if (!key.ok) throw new Error(key.formError);
    expect(key.data.publicKey).toMatch(/^ssh-ed25519 /);
    expect(await prepareSftpKeyAction({ applicationId })).toMatchObject({ ok: true, data: { publicKey: key.data.publicKey, created: false } });

    const server = await startSftpDestination({ username: "rollcall", publicKey: key.data.publicKey });
    try {
      const form = { applicationId, version: key.data.version, ...sftp, sftpHost: "127.0.0.1", sftpPort: server.port, sftpFolder: "/" };
      const first = await testSftpConnectionAction(form);
      expect(first).toMatchObject({ ok: true, data: { connected: false, hostKey: server.hostKey, hostKeyStatus: "unconfirmed", pinnedHostKey: null } });
      expect((await storedDelivery(applicationId))?.presentedHostKey).toBe(server.hostKey);

      expect(await trustHostKeyAction({ applicationId, fingerprint: `SHA256:${"A".repeat(43)}` })).toMatchObject({ ok: false, formError: expect.stringMatching(/has not presented this host key/) });
      expect(await trustHostKeyAction({ applicationId, fingerprint: server.hostKey })).toEqual({ ok: true, data: { pinnedHostKey: server.hostKey } });
      expect(await storedDelivery(applicationId)).toMatchObject({ pinnedHostKey: server.hostKey, presentedHostKey: null });

      expect(await testSftpConnectionAction(form)).toMatchObject({ ok: true, data: { connected: true, hostKeyStatus: "pinned", errorKind: null } });

      const impostor = `SHA256:${"B".repeat(43)}`;
      await db().fileDelivery.update({ where: { applicationId }, data: { pinnedHostKey: impostor } });
      expect(await testSftpConnectionAction(form)).toMatchObject({
        ok: true,
        data: { connected: false, errorKind: "host_key_changed", hostKey: server.hostKey, hostKeyStatus: "changed", pinnedHostKey: impostor },
      });
      expect(server.signIns).toBe(1);
    } finally {
      await server.close();
    }
  });
});

describe("deliverNowAction", () => {
  it("says what is missing when delivery is not set up or no district uses the application, and queues a run per active district", async () => {
    const { applicationId } = await signedInVendor();
    expect(await deliverNowAction({ applicationId })).toEqual({
      ok: false,
      formError: "Delivery is off. Set up the format and destination, turn delivery on, then use Deliver now.",
    });

    await saveDeliveryEnabledAction({ applicationId, version: 0, enabled: true });
    expect(await deliverNowAction({ applicationId })).toEqual({
      ok: false,
      formError: "No district has activated this application yet, so there is nothing to deliver.",
    });

    const district = await createDistrictAdmin();
    await createActivation(district.districtId!, applicationId);
    expect(await deliverNowAction({ applicationId })).toEqual({ ok: true, data: { queued: 1 } });
    const log = await listDeliveryRunsAction({ applicationId, page: 1 });
    expect(log).toMatchObject({ ok: true, data: { total: 1, rows: [{ districtId: district.districtId, trigger: "manual", status: "queued", format: "oneroster_csv" }] } });
  });
});

describe("previewCustomFormatAction", () => {
  it("shows the sandbox district's first rows with the columns in the editor's order", async () => {
    const { applicationId } = await signedInVendor();
    const custom = { ...defaultCustomFormat("users"), columns: [{ field: "familyName", header: "Last" }, { field: "sourcedId", header: "ID" }] };
    const preview = await previewCustomFormatAction({ applicationId, custom });
    if (!preview.ok) throw new Error(preview.formError);
    expect(preview.data.header).toEqual(["Last", "ID"]);
    expect(preview.data.rows.length).toBeGreaterThan(0);
    expect(preview.data.rows.length).toBeLessThanOrEqual(20);
    expect(preview.data.text.split("\n")[0]).toBe("Last,ID");

    const swapped = await previewCustomFormatAction({ applicationId, custom: { ...custom, columns: [...custom.columns].reverse() } });
    expect(swapped).toMatchObject({ ok: true, data: { header: ["ID", "Last"] } });

    expect(await previewCustomFormatAction({ applicationId, custom: { ...custom, columns: [] } })).toMatchObject({
      ok: false,
      fieldErrors: { "custom.columns": "Add at least one column" },
    });
  });
});
