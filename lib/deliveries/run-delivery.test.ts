// A delivery run end to end: queued, exported from the district's roster, and delivered to a
// vendor's SFTP server (a local ssh2 server) or the Rollcall outbox, with the log saying how it went.
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { defaultCustomFormat } from "@/lib/deliveries/custom-format/schema";
import { generatedDistrict } from "@/lib/deliveries/export/test-support";
import { newDeliveryKeyPair } from "@/lib/deliveries/key-pair";
import { listDeliveryRuns } from "@/lib/deliveries/log";
import { outboxFolder } from "@/lib/deliveries/outbox";
import { runDelivery } from "@/lib/deliveries/run-delivery";
import { queueDeliveries } from "@/lib/deliveries/runs";
import { deliveryRunJobKey } from "@/lib/deliveries/task-names";
import { db } from "@/lib/db";
import type { Prisma } from "@/generated/prisma/client";
import { createActivation, createVendorWithApplication } from "@/test/factories";
import { startSftpDestination, type SftpDestination } from "@/test/sftp-destination";

const dataDir = mkdtempSync(path.join(tmpdir(), "rollcall-deliveries-"));
process.env.ROLLCALL_DATA_DIR = dataDir;

const keyPair = newDeliveryKeyPair("Reading Buddy");
let destination: SftpDestination;
let district: { id: string; districtGuid: string };

beforeAll(async () => {
  destination = await startSftpDestination({ username: "rollcall", publicKey: keyPair.publicKey });
  district = await generatedDistrict(25, "Maplewood Public Schools");
});
afterAll(() => destination.close());
afterEach(() => {
  destination.events.length = 0;
  destination.diskFull = false;
});

/** An application delivering to the test server, activated by the district. */
async function deliveringApplication(settings: Partial<Prisma.FileDeliveryUncheckedCreateInput> = {}) {
  const { application } = await createVendorWithApplication();
  await db().fileDelivery.create({
    data: {
      applicationId: application.id,
      enabled: true,
      destination: "vendor_sftp",
      sftpHost: "127.0.0.1",
      sftpPort: destination.port,
      sftpUsername: "rollcall",
      sftpFolder: "/",
      sftpPrivateKey: keyPair.sealedPrivateKey,
      sftpPublicKey: keyPair.publicKey,
      pinnedHostKey: destination.hostKey,
      ...settings,
    },
  });
  await createActivation(district.id, application.id);
  return application.id;
}

const runOf = (id: string) => db().deliveryRun.findUniqueOrThrow({ where: { id } });
const jobOf = (runId: string) =>
  db().$queryRaw<{ run_at: Date }[]>`SELECT run_at FROM graphile_worker.jobs WHERE key = ${deliveryRunJobKey(runId)}`;

/** Queues the district's run and takes its job off the queue, as a worker does when it starts it. */
async function queueOne(applicationId: string): Promise<string> {
  const [runId, ...others] = await queueDeliveries(applicationId, "manual", [district.id]);
  expect(others).toEqual([]);
  expect(await jobOf(runId!)).toHaveLength(1);
  await db().$executeRaw`SELECT graphile_worker.remove_job(${deliveryRunJobKey(runId!)})`;
  return runId!;
}
const exact = () => 0.5; // no jitter

describe("delivering to the vendor's SFTP server", () => {
  it("delivers the district's OneRoster zip into its folder and records what was sent", async () => {
    const applicationId = await deliveringApplication();
    const runId = await queueOne(applicationId);

    expect(await runDelivery(runId, { random: exact })).toBe("delivered");

    const run = await runOf(runId);
    const folder = path.join(destination.root, district.districtGuid);
    const [name] = readdirSync(folder);
    expect(name).toMatch(/^oneroster-bulk-\d{8}-\d{6}\.zip$/);
    const onServer = readFileSync(path.join(folder, name!));
    expect(run).toMatchObject({
      status: "delivered",
      attempts: 1,
      format: "oneroster_csv",
      deltaSince: null,
      destination: `sftp://127.0.0.1:${destination.port}/${district.districtGuid}/`,
      errorKind: null,
      error: null,
      nextAttemptAt: null,
      bytes: BigInt(onServer.length),
    });
    expect(run.rows).toBeGreaterThan(25);
    expect(run.files).toEqual([{ name, rows: run.rows, bytes: onServer.length, sha256: createHash("sha256").update(onServer).digest("hex") }]);
    expect(run.durationMs).toBeGreaterThanOrEqual(0);
    // Written only under the temporary name, then renamed whole.
    const written = destination.events.filter((event) => event.request === "open").map((event) => event.path);
    expect(written).toEqual([`/${district.districtGuid}/.${name}.part`]);
    expect(destination.events.at(-1)).toEqual({ request: "rename", from: `/${district.districtGuid}/.${name}.part`, to: `/${district.districtGuid}/${name}`, bytes: onServer.length });
    // The export's temporary folder is gone.
    expect(existsSync(path.join(dataDir, "deliveries", "tmp", runId))).toBe(false);

    const log = await listDeliveryRuns(applicationId, {});
    expect(log.total).toBe(1);
    expect(log.rows[0]).toMatchObject({ id: runId, districtName: "Maplewood Public Schools", status: "delivered", trigger: "manual", bytes: onServer.length });
  });

  it("sends only what changed since the last delivery when delta is on", async () => {
    const applicationId = await deliveringApplication({ oneRosterDelta: true });
    const first = await queueOne(applicationId);
    await runDelivery(first);
    const second = await queueOne(applicationId);
    await runDelivery(second);

    const [firstRun, secondRun] = [await runOf(first), await runOf(second)];
    expect(firstRun.deltaSince).toBeNull();
    expect(secondRun).toMatchObject({ status: "delivered", deltaSince: firstRun.startedAt });
    expect((secondRun.files as { name: string }[])[0]!.name).toMatch(/^oneroster-delta-/);
    expect(secondRun.rows).toBe(0);
  });

  it("delivers the custom format's file and records its version", async () => {
    const applicationId = await deliveringApplication({ format: "custom_csv" });
    const format = { ...defaultCustomFormat("users"), fileName: "maplewood-users-{date}.csv" };
    await db().customFormatVersion.create({ data: { applicationId, version: 1, definition: { ...defaultCustomFormat("users"), fileName: "old.csv" } } });
    await db().customFormatVersion.create({ data: { applicationId, version: 2, definition: format } });
    const runId = await queueOne(applicationId);

    expect(await runDelivery(runId)).toBe("delivered");
    const run = await runOf(runId);
    const name = `maplewood-users-${run.startedAt!.toISOString().slice(0, 10)}.csv`;
    expect(run).toMatchObject({ format: "custom_csv", formatVersion: 2, files: [expect.objectContaining({ name })] });
    const text = readFileSync(path.join(destination.root, district.districtGuid, name), "utf8");
    expect(text.split("\n")[0]).toBe(format.columns.map((column) => column.header).join(","));
  });

  it("reports a key the server refuses, without retrying", async () => {
    const applicationId = await deliveringApplication({ sftpPrivateKey: newDeliveryKeyPair("Another").sealedPrivateKey });
    const runId = await queueOne(applicationId);

    expect(await runDelivery(runId)).toBe("failed");
    expect(await runOf(runId)).toMatchObject({
      errorKind: "auth_refused",
      error: "The server refused the key: install the public key shown on the File delivery tab for user rollcall.",
      nextAttemptAt: null,
    });
    expect(await jobOf(runId)).toEqual([]);
  });

  it("stops when the server's host key changed, uploads nothing, and keeps the new key for the admin to confirm", async () => {
    const applicationId = await deliveringApplication({ pinnedHostKey: "SHA256:theKeyTheAdminConfirmedLastYear" });
    const runId = await queueOne(applicationId);

    expect(await runDelivery(runId)).toBe("failed");
    expect(await runOf(runId)).toMatchObject({
      errorKind: "host_key_changed",
      error: `The server's host key changed from SHA256:theKeyTheAdminConfirmedLastYear to ${destination.hostKey}. Delivery stops until you confirm the new fingerprint.`,
      nextAttemptAt: null,
    });
    expect(destination.events).toEqual([]);
    const delivery = await db().fileDelivery.findUniqueOrThrow({ where: { applicationId } });
    expect(delivery).toMatchObject({ pinnedHostKey: "SHA256:theKeyTheAdminConfirmedLastYear", presentedHostKey: destination.hostKey });
    expect(await jobOf(runId)).toEqual([]);
  });

  it("presents a first host key for confirmation instead of trusting it", async () => {
    const applicationId = await deliveringApplication({ pinnedHostKey: null });
    const runId = await queueOne(applicationId);

    expect(await runDelivery(runId)).toBe("failed");
    expect(await runOf(runId)).toMatchObject({ errorKind: "host_key_unconfirmed", nextAttemptAt: null });
    const delivery = await db().fileDelivery.findUniqueOrThrow({ where: { applicationId } });
    expect(delivery.presentedHostKey).toBe(destination.hostKey);
    expect(delivery.presentedHostKeyAt).not.toBeNull();
    expect(delivery.pinnedHostKey).toBeNull();
    expect(destination.events).toEqual([]);
  });

  it("retries a full disk on the webhook schedule, then delivers", async () => {
    const applicationId = await deliveringApplication();
    const runId = await queueOne(applicationId);
    destination.diskFull = true;

    expect(await runDelivery(runId, { random: exact })).toBe("failed");
    const failed = await runOf(runId);
    expect(failed).toMatchObject({ attempts: 1, errorKind: "disk_full", error: "The server's disk is full (No space left on device)." });
    // The second attempt of the webhook schedule comes 5 s after the first.
    expect(failed.nextAttemptAt!.getTime() - failed.finishedAt!.getTime()).toBe(5_000);
    expect(await jobOf(runId)).toEqual([{ run_at: failed.nextAttemptAt }]);
    expect(readdirSync(path.join(destination.root, district.districtGuid)).filter((name) => !name.startsWith("."))).not.toContain(
      (failed.files as { name: string }[])[0]!.name,
    );

    destination.diskFull = false;
    expect(await runDelivery(runId, { random: exact })).toBe("delivered");
    expect(await runOf(runId)).toMatchObject({ status: "delivered", attempts: 2, errorKind: null, error: null, nextAttemptAt: null });
  });

  it("refuses a server whose name resolves to a private address, without connecting", async () => {
    const applicationId = await deliveringApplication({ sftpHost: "files.vendor.example" });
    const runId = await queueOne(applicationId);
    const connected: string[] = [];

    const status = await runDelivery(runId, {
      lookup: async () => [{ address: "10.0.0.5", family: 4 }],
      onConnect: ({ address }) => void connected.push(address),
    });

    expect(status).toBe("failed");
    const run = await runOf(runId);
    expect(run).toMatchObject({ errorKind: "blocked_address", nextAttemptAt: null });
    expect(run.error).toMatch(/^files\.vendor\.example resolves to 10\.0\.0\.5, a private network address/);
    expect(connected).toEqual([]);
  });
});

describe("districts that deactivated the application", () => {
  it("stops the run, sends nothing and says that nothing was removed", async () => {
    const applicationId = await deliveringApplication();
    const runId = await queueOne(applicationId);
    await db().activation.update({ where: { districtId_applicationId: { districtId: district.id, applicationId } }, data: { status: "deactivated", deactivatedAt: new Date() } });

    expect(await runDelivery(runId)).toBe("stopped");
    const run = await runOf(runId);
    expect(run.error).toBe("The district deactivated this application, so this delivery stopped: nothing was sent and nothing was removed from your side.");
    expect(run.nextAttemptAt).toBeNull();
    expect(destination.events).toEqual([]);
    expect(await jobOf(runId)).toEqual([]);
  });
});

describe("Rollcall-hosted delivery", () => {
  it("places the files in the district's outbox folder", async () => {
    const applicationId = await deliveringApplication({ destination: "rollcall_hosted" });
    const runId = await queueOne(applicationId);

    expect(await runDelivery(runId)).toBe("delivered");
    const run = await runOf(runId);
    const [file] = run.files as { name: string; sha256: string }[];
    expect(run.destination).toBe(`Rollcall outbox /outbox/${district.districtGuid}/`);
    const placed = readFileSync(path.join(outboxFolder(applicationId, district.districtGuid), file!.name));
    expect(createHash("sha256").update(placed).digest("hex")).toBe(file!.sha256);
    expect(destination.events).toEqual([]);
  });
});
