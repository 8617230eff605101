// Rotating ROLLCALL_ENCRYPTION_KEY against a real PostgreSQL: secrets written under the old
// key are read back through the modules that own them, by an instance that knows only the new key.
import { randomBytes } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { SANDBOX_DISTRICT } from "@/lib/webhooks/payload";
import { createVendorWithApplication, credentialsOf } from "@/test/factories";

const oldKey = randomBytes(32).toString("base64");
const newKey = randomBytes(32).toString("hex");

/** The modules as a process started with these keys sees them (the configuration is read once per process). */
async function startedWith(current: string, previous: string[] = []) {
  process.env.ROLLCALL_ENCRYPTION_KEY = current;
  process.env.ROLLCALL_PREVIOUS_ENCRYPTION_KEYS = previous.join(",");
  vi.resetModules();
  return {
    config: (await import("@/lib/config")).getConfig(),
    rotation: await import("@/lib/crypto/key-rotation"),
    settings: await import("@/lib/provisioning/settings"),
    signing: await import("@/lib/webhooks/signing-secrets"),
    credentials: await import("@/lib/data-api/credentials"),
    hostKey: await import("@/lib/sftp/host-key"),
    launchKey: await import("@/lib/launch/signing-key"),
    deliveryKey: await import("@/lib/deliveries/key-pair"),
  };
}

async function storeOneSecretOfEachKind(app: Awaited<ReturnType<typeof startedWith>>) {
  const { vendor, admin, application } = await createVendorWithApplication();
  const { version } = (await app.settings.loadProvisioningSettings(vendor.id, application.id))!.settings;
  await app.settings.saveProvisioningSettings(
    { id: admin.id, vendorId: vendor.id },
    {
      applicationId: application.id,
      version,
      autoProvisioning: false,
      autoApprove: false,
      webhookUrl: "",
      buttonLabel: "Activate",
      headers: [{ storedId: null, name: "X-Api-Key", value: "sk_live_rotate_me", secret: true, hasStoredSecret: false }],
    },
  );
  const signingSecret = (await app.signing.currentSigningSecret(application.id)).secret;
  const clientSecret = credentialsOf(await app.credentials.credentialsForDistrict(vendor.id, SANDBOX_DISTRICT.guid)).clientSecret;
  // The instance has one host key: this test's is made anew under the key being rotated away from.
  await db().instance.updateMany({ data: { sftpHostKey: null } });
  const hostKeyFingerprint = (await app.hostKey.loadOrCreateHostKey(app.config.encryptionKey)).fingerprint;
  await db().instance.updateMany({ data: { launchSigningKey: null, launchKeyId: null } });
  const launchKeyId = (await app.launchKey.loadOrCreateLaunchKey(app.config.encryptionKey)).kid;
  const deliveryKey = app.deliveryKey.newDeliveryKeyPair(application.name);
  await db().fileDelivery.create({ data: { applicationId: application.id, sftpPrivateKey: deliveryKey.sealedPrivateKey, sftpPublicKey: deliveryKey.publicKey } });
  return { vendorId: vendor.id, applicationId: application.id, signingSecret, clientSecret, hostKeyFingerprint, launchKeyId };
}

async function readBack(app: Awaited<ReturnType<typeof startedWith>>, stored: Awaited<ReturnType<typeof storeOneSecretOfEachKind>>) {
  const header = await db().provisioningHeader.findFirstOrThrow({ where: { applicationId: stored.applicationId, secret: true } });
  return {
    headerValue: app.settings.revealHeaderValue(stored.applicationId, header.encryptedValue ?? ""),
    signingSecret: (await app.signing.currentSigningSecret(stored.applicationId)).secret,
    clientSecret: credentialsOf(await app.credentials.credentialsForDistrict(stored.vendorId, SANDBOX_DISTRICT.guid)).clientSecret,
    deliveryKeyOpens: app.deliveryKey.openDeliveryPrivateKey((await db().fileDelivery.findUniqueOrThrow({ where: { applicationId: stored.applicationId } })).sftpPrivateKey!).includes("OPENSSH PRIVATE KEY"),
  };
}

const storedCiphertexts = async () =>
  [
    ...(await db().provisioningHeader.findMany({ select: { encryptedValue: true } })).map((row) => row.encryptedValue),
    ...(await db().webhookSigningSecret.findMany({ select: { encryptedSecret: true } })).map((row) => row.encryptedSecret),
    ...(await db().dataApiCredential.findMany({ select: { encryptedSecret: true } })).map((row) => row.encryptedSecret),
    ...(await db().instance.findMany({ select: { sftpHostKey: true, launchSigningKey: true } })).flatMap((row) => [row.sftpHostKey, row.launchSigningKey]),
    ...(await db().fileDelivery.findMany({ select: { sftpPrivateKey: true } })).map((row) => row.sftpPrivateKey),
  ].sort();

describe("rotating the encryption key", () => {
  it("re-encrypts every stored secret, after which the old key is no longer needed", async () => {
    const stored = await storeOneSecretOfEachKind(await startedWith(oldKey));
    const expected = { headerValue: "sk_live_rotate_me", signingSecret: stored.signingSecret, clientSecret: stored.clientSecret, deliveryKeyOpens: true };

    const withoutOldKey = await startedWith(newKey);
    await expect(withoutOldKey.signing.currentSigningSecret(stored.applicationId)).rejects.toThrow("ROLLCALL_PREVIOUS_ENCRYPTION_KEYS");

    const duringRotation = await startedWith(newKey, [oldKey]);
    expect(await readBack(duringRotation, stored)).toEqual(expected);
    const results = await duringRotation.rotation.reEncryptStoredSecrets(duringRotation.config.encryptionKey);
    expect(results.map(({ reEncrypted, alreadyCurrent, changedMeanwhile }) => ({ reEncrypted, alreadyCurrent, changedMeanwhile }))).toEqual([
      { reEncrypted: 1, alreadyCurrent: 0, changedMeanwhile: 0 },
      { reEncrypted: 1, alreadyCurrent: 0, changedMeanwhile: 0 },
      { reEncrypted: 1, alreadyCurrent: 0, changedMeanwhile: 0 },
      { reEncrypted: 1, alreadyCurrent: 0, changedMeanwhile: 0 },
      { reEncrypted: 1, alreadyCurrent: 0, changedMeanwhile: 0 },
      { reEncrypted: 1, alreadyCurrent: 0, changedMeanwhile: 0 },
    ]);

    const afterRotation = await startedWith(newKey);
    expect(await readBack(afterRotation, stored)).toEqual(expected);
    expect((await afterRotation.hostKey.loadOrCreateHostKey(afterRotation.config.encryptionKey)).fingerprint).toBe(stored.hostKeyFingerprint);
    expect((await afterRotation.launchKey.loadOrCreateLaunchKey(afterRotation.config.encryptionKey)).kid).toBe(stored.launchKeyId);
    const again = await duringRotation.rotation.reEncryptStoredSecrets(duringRotation.config.encryptionKey);
    expect(again.every((result) => result.reEncrypted === 0 && result.alreadyCurrent === 1)).toBe(true);
  });

  it("changes nothing when a secret fits none of the keys, and names it", async () => {
    await storeOneSecretOfEachKind(await startedWith(oldKey));
    const before = await storedCiphertexts();

    const forgotOldKey = await startedWith(newKey, [randomBytes(32).toString("base64")]);
    await expect(forgotOldKey.rotation.reEncryptStoredSecrets(forgotOldKey.config.encryptionKey)).rejects.toThrow(
      /6 stored secret\(s\) decrypt with none of the configured keys[\s\S]*webhook signing secrets: /,
    );
    expect(await storedCiphertexts()).toEqual(before);
  });
});
