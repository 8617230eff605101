// Queueing deliveries (Deliver now and the schedule's cron item), the delivery log, and the
// application's key pair.
import ssh2 from "ssh2";
import { describe, expect, it } from "vitest";
import { getConfig } from "@/lib/config";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { DELIVERY_KEY_CONTEXT, newDeliveryKeyPair } from "@/lib/deliveries/key-pair";
import { listDeliveryRuns } from "@/lib/deliveries/log";
import { queueDeliveries } from "@/lib/deliveries/runs";
import { queueDueDeliveries } from "@/lib/deliveries/tasks";
import { deliveryRunJobKey, RUN_DELIVERY_TASK } from "@/lib/deliveries/task-names";
import { db } from "@/lib/db";
import type { Prisma } from "@/generated/prisma/client";
import { createActivation, createDistrictAdmin, createVendorWithApplication } from "@/test/factories";

async function district(name: string) {
  const admin = await createDistrictAdmin();
  return db().district.update({ where: { id: admin.districtId! }, data: { name } });
}

async function applicationWithDelivery(settings: Partial<Prisma.FileDeliveryUncheckedCreateInput> | null = {}) {
  const { application } = await createVendorWithApplication();
  if (settings) await db().fileDelivery.create({ data: { applicationId: application.id, enabled: true, destination: "rollcall_hosted", ...settings } });
  return application.id;
}

const jobsOf = (runId: string) =>
  db().$queryRaw<{ task_identifier: string; payload: unknown; run_at: Date }[]>`
    SELECT t.identifier AS task_identifier, j.payload, j.run_at
    FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id
    WHERE j.key = ${deliveryRunJobKey(runId)}`;

describe("queueDeliveries", () => {
  it("queues one run and one job for each district with an active activation, and no other", async () => {
    const applicationId = await applicationWithDelivery();
    const [active, deactivated, elsewhere] = await Promise.all([district("Active"), district("Deactivated"), district("Other app")]);
    await createActivation(active.id, applicationId);
    await createActivation(deactivated.id, applicationId, { status: "deactivated" });
    await createActivation(elsewhere.id, await applicationWithDelivery());

    const runIds = await queueDeliveries(applicationId, "manual");

    expect(runIds).toHaveLength(1);
    const run = await db().deliveryRun.findUniqueOrThrow({ where: { id: runIds[0] } });
    expect(run).toMatchObject({ applicationId, districtId: active.id, trigger: "manual", status: "queued", format: "oneroster_csv", attempts: 0 });
    expect(await jobsOf(run.id)).toEqual([{ task_identifier: RUN_DELIVERY_TASK, payload: { runId: run.id }, run_at: expect.any(Date) }]);
    // Named districts without an active activation are skipped, not delivered.
    expect(await queueDeliveries(applicationId, "manual", [deactivated.id, elsewhere.id])).toEqual([]);
  });

  it("keeps one waiting run per district; Deliver now brings a waiting retry forward", async () => {
    const applicationId = await applicationWithDelivery();
    const { id: districtId } = await district("Waiting");
    await createActivation(districtId, applicationId);
    const [first] = await queueDeliveries(applicationId, "schedule");
    expect(await queueDeliveries(applicationId, "manual")).toEqual([first]);

    const later = new Date(Date.now() + 3_600_000);
    await db().deliveryRun.update({ where: { id: first }, data: { status: "failed", errorKind: "timeout", nextAttemptAt: later } });
    expect(await queueDeliveries(applicationId, "schedule")).toEqual([first]);
    expect((await db().deliveryRun.findUniqueOrThrow({ where: { id: first } })).nextAttemptAt).toEqual(later);

    expect(await queueDeliveries(applicationId, "manual")).toEqual([first]);
    const broughtForward = await db().deliveryRun.findUniqueOrThrow({ where: { id: first } });
    expect(broughtForward.nextAttemptAt!.getTime()).toBeLessThan(later.getTime());
    const [job] = await jobsOf(first!);
    expect(job!.run_at.getTime()).toBeLessThan(later.getTime());

    await db().deliveryRun.update({ where: { id: first }, data: { status: "delivered", nextAttemptAt: null } });
    const [second] = await queueDeliveries(applicationId, "manual");
    expect(second).not.toBe(first);
  });

  it("refuses, saying what is missing, when delivery is not set up", async () => {
    const notSetUp = await applicationWithDelivery(null);
    const customWithoutFormat = await applicationWithDelivery({ format: "custom_csv" });
    const sftpWithoutHost = await applicationWithDelivery({ destination: "vendor_sftp" });

    await expect(queueDeliveries(notSetUp, "manual")).rejects.toThrow("File delivery is not set up for this application: choose a format and a destination first.");
    await expect(queueDeliveries(customWithoutFormat, "manual")).rejects.toThrow("Save your custom format before turning delivery on.");
    await expect(queueDeliveries(sftpWithoutHost, "manual")).rejects.toThrow(/host and user name/);
    expect(await db().deliveryRun.count({ where: { applicationId: { in: [notSetUp, customWithoutFormat, sftpWithoutHost] } } })).toBe(0);
  });

  it("records the custom format version a run is queued with", async () => {
    const applicationId = await applicationWithDelivery({ format: "custom_csv" });
    await db().customFormatVersion.createMany({ data: [1, 2, 3].map((version) => ({ applicationId, version, definition: {} })) });
    const { id: districtId } = await district("Custom");
    await createActivation(districtId, applicationId);

    const [runId] = await queueDeliveries(applicationId, "manual");
    expect(await db().deliveryRun.findUniqueOrThrow({ where: { id: runId } })).toMatchObject({ format: "custom_csv", formatVersion: 3 });
  });
});

describe("queueDueDeliveries", () => {
  it("queues the districts of enabled applications whose time has come since their last run", async () => {
    const now = new Date("2030-01-15T08:03:00Z");
    const daily = await applicationWithDelivery({ schedule: "daily", dailyAt: "02:00", timeZone: "America/Chicago" });
    const turnedOff = await applicationWithDelivery({ enabled: false });
    const [never, deliveredToday, deliveredYesterday] = await Promise.all([district("Never"), district("Today"), district("Yesterday")]);
    for (const { id } of [never, deliveredToday, deliveredYesterday]) {
      await createActivation(id, daily);
      await createActivation(id, turnedOff);
    }
    const pastRun = (districtId: string, queuedAt: Date) =>
      db().deliveryRun.create({ data: { applicationId: daily, districtId, trigger: "schedule", status: "delivered", format: "oneroster_csv", queuedAt } });
    await pastRun(deliveredToday.id, new Date("2030-01-15T08:01:00Z"));
    await pastRun(deliveredYesterday.id, new Date("2030-01-14T08:01:00Z"));

    const runIds = await queueDueDeliveries(now);

    const queued = await db().deliveryRun.findMany({ where: { id: { in: runIds } }, select: { applicationId: true, districtId: true, trigger: true } });
    expect(queued.filter((run) => run.applicationId === turnedOff)).toEqual([]);
    const ofDaily = queued.filter((run) => run.applicationId === daily);
    expect(ofDaily.map((run) => run.districtId).sort()).toEqual([never.id, deliveredYesterday.id].sort());
    expect(ofDaily.every((run) => run.trigger === "schedule")).toBe(true);
  });
});

describe("listDeliveryRuns", () => {
  it("lists an application's runs newest first, by district and status, a page at a time", async () => {
    const applicationId = await applicationWithDelivery();
    const [north, south] = await Promise.all([district("North"), district("South")]);
    const run = (districtId: string, minutes: number, status: "delivered" | "failed") =>
      db().deliveryRun.create({
        data: {
          applicationId,
          districtId,
          trigger: "schedule",
          status,
          format: "oneroster_csv",
          queuedAt: new Date(Date.UTC(2030, 0, 1, 0, minutes)),
          files: [{ name: "a.zip", rows: 3, bytes: 120, sha256: "ab" }],
          bytes: 120n,
        },
      });
    const oldest = await run(north.id, 1, "delivered");
    const middle = await run(south.id, 2, "failed");
    const newest = await run(north.id, 3, "delivered");
    await run(north.id, 4, "delivered").then(() => undefined);
    const otherApplication = await applicationWithDelivery();
    await db().deliveryRun.create({ data: { applicationId: otherApplication, districtId: north.id, trigger: "manual", status: "delivered", format: "oneroster_csv" } });

    const page2 = await listDeliveryRuns(applicationId, { page: 2, pageSize: 2 });
    expect(page2.total).toBe(4);
    expect(page2.rows.map((row) => row.id)).toEqual([middle.id, oldest.id]);
    expect(page2.rows[0]).toMatchObject({ districtName: "South", status: "failed", bytes: 120, files: [{ name: "a.zip", rows: 3, bytes: 120, sha256: "ab" }] });

    const northDelivered = await listDeliveryRuns(applicationId, { districtId: north.id, status: "delivered", pageSize: 2 });
    expect(northDelivered.total).toBe(3);
    expect(northDelivered.rows[1]!.id).toBe(newest.id);
  });
});

describe("newDeliveryKeyPair", () => {
  it("makes an ed25519 pair whose private key is sealed for the delivery key context", () => {
    const pair = newDeliveryKeyPair("Reading Buddy: Grades 3–5");
    expect(pair.publicKey).toMatch(/^ssh-ed25519 AAAA\S+ rollcall-reading-buddy-grades-3-5$/);
    const privateKey = decryptSecret(pair.sealedPrivateKey, getConfig().encryptionKey, DELIVERY_KEY_CONTEXT);
    const parsedPrivate = ssh2.utils.parseKey(privateKey);
    const parsedPublic = ssh2.utils.parseKey(pair.publicKey);
    if (parsedPrivate instanceof Error || Array.isArray(parsedPrivate) || parsedPublic instanceof Error || Array.isArray(parsedPublic)) throw new Error("keys do not parse");
    expect(parsedPrivate.getPublicSSH().equals(parsedPublic.getPublicSSH())).toBe(true);
    expect(() => decryptSecret(pair.sealedPrivateKey, getConfig().encryptionKey, "sftp-host-key")).toThrow();
  });
});
