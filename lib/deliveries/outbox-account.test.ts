// The vendor's outbox account: its username on the application's File delivery settings, its
// keys under the same rules as districts' keys, and what the vendor connects to.
import { utils } from "ssh2";
import { describe, expect, it } from "vitest";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db";
import { addOutboxKey, ensureOutboxUsername, listOutboxKeys, outboxConnectionDetails, outboxUsernameFor, removeOutboxKey } from "@/lib/deliveries/outbox-account";
import { getHostKey, ed25519KeyPair } from "@/lib/sftp/host-key";
import { createVendorWithApplication } from "@/test/factories";

async function applicationWithDelivery() {
  const { admin, application } = await createVendorWithApplication();
  await db().fileDelivery.create({ data: { applicationId: application.id, destination: "rollcall_hosted" } });
  return { adminId: admin.id, applicationId: application.id };
}

describe("ensureOutboxUsername", () => {
  it("sets a stable username on the application's File delivery settings, and none without them", async () => {
    const { application } = await createVendorWithApplication();
    expect(await ensureOutboxUsername(application.id)).toBeNull();
    expect(await db().fileDelivery.count({ where: { applicationId: application.id } })).toBe(0);

    await db().fileDelivery.create({ data: { applicationId: application.id } });
    const [first, second] = await Promise.all([ensureOutboxUsername(application.id), ensureOutboxUsername(application.id)]);
    expect(first).toBe(`app-${application.id.replace(/-/g, "").slice(0, 8)}`);
    expect(second).toBe(first);
    expect(await ensureOutboxUsername(application.id)).toBe(first);
    expect((await db().fileDelivery.findUniqueOrThrow({ where: { applicationId: application.id } })).outboxUsername).toBe(first);
  });

  it("picks another username when the application id's is taken", async () => {
    const taken = await applicationWithDelivery();
    const { applicationId } = await applicationWithDelivery();
    await db().fileDelivery.update({ where: { applicationId: taken.applicationId }, data: { outboxUsername: outboxUsernameFor(applicationId) } });
    const username = await ensureOutboxUsername(applicationId);
    expect(username).toMatch(/^app-[0-9a-f]{8}$/);
    expect(username).not.toBe(outboxUsernameFor(applicationId));
  });
});

describe("outbox keys", () => {
  it("adds a key once, lists it for its application only, and removes it only there", async () => {
    const mine = await applicationWithDelivery();
    const theirs = await applicationWithDelivery();
    const pair = ed25519KeyPair("etl@vendor");
    const added = await addOutboxKey(mine.applicationId, { name: "  Nightly import ", publicKey: pair.public }, mine.adminId);
    expect(added).toMatchObject({ ok: true, key: { name: "Nightly import", algorithm: "ssh-ed25519", fingerprint: expect.stringMatching(/^SHA256:/) } });
    if (!added.ok) return;

    expect(await addOutboxKey(mine.applicationId, { name: "Again", publicKey: pair.public }, mine.adminId)).toEqual({
      ok: false,
      message: "This key is already on the account as “Nightly import”.",
    });
    // The same key may open another application's outbox too: each application holds its own list.
    expect(await addOutboxKey(theirs.applicationId, { name: "Shared", publicKey: pair.public }, theirs.adminId)).toMatchObject({ ok: true });

    expect((await listOutboxKeys(mine.applicationId)).map((key) => key.name)).toEqual(["Nightly import"]);
    expect(await removeOutboxKey(theirs.applicationId, added.key.id)).toBe(false);
    expect(await removeOutboxKey(mine.applicationId, "not-a-key-id")).toBe(false);
    expect(await listOutboxKeys(mine.applicationId)).toHaveLength(1);
    expect(await removeOutboxKey(mine.applicationId, added.key.id)).toBe(true);
    expect(await removeOutboxKey(mine.applicationId, added.key.id)).toBe(false);
    expect(await listOutboxKeys(mine.applicationId)).toEqual([]);
    expect(await listOutboxKeys(theirs.applicationId)).toHaveLength(1);
  });

  it("refuses what districts' accounts refuse, saying why, and stores nothing", async () => {
    const { applicationId, adminId } = await applicationWithDelivery();
    const shortRsa = utils.generateKeyPairSync("rsa", { bits: 1024 });
    const ed25519 = ed25519KeyPair();
    expect(await addOutboxKey(applicationId, { name: "Old", publicKey: shortRsa.public }, adminId)).toEqual({ ok: false, message: expect.stringMatching(/at least 2048 bits/) });
    expect(await addOutboxKey(applicationId, { name: "Private", publicKey: ed25519.private }, adminId)).toEqual({ ok: false, message: expect.stringMatching(/private key/) });
    expect(await addOutboxKey(applicationId, { name: "   ", publicKey: ed25519.public }, adminId)).toEqual({ ok: false, message: expect.stringMatching(/^Name the key/) });
    expect(await listOutboxKeys(applicationId)).toEqual([]);
  });
});

describe("outboxConnectionDetails", () => {
  it("names this server, the account and the host key to expect", async () => {
    const { applicationId } = await applicationWithDelivery();
    const details = await outboxConnectionDetails(applicationId);
    expect(details).toEqual({
      host: getConfig().sftpHost,
      port: getConfig().sftpPort,
      username: await ensureOutboxUsername(applicationId),
      hostKeyFingerprint: (await getHostKey()).fingerprint,
      serverOn: getConfig().sftpPort !== 0,
    });
    expect(details.username).toMatch(/^app-[0-9a-f]{8}$/);
  });
});
