// File deliveries while the operator suspends the vendor or the district: no new runs, and a
// queued run waits (using no attempt) until the tenant is resumed, then delivers.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { generatedDistrict } from "@/lib/deliveries/export/test-support";
import { runDelivery } from "@/lib/deliveries/run-delivery";
import { queueDeliveries } from "@/lib/deliveries/runs";
import { deliveryRunJobKey } from "@/lib/deliveries/task-names";
import { db } from "@/lib/db";
import { SUSPENSION_RECHECK_MS } from "@/lib/tenants/suspension";
import { createActivation, createVendorWithApplication } from "@/test/factories";

process.env.ROLLCALL_DATA_DIR = mkdtempSync(path.join(tmpdir(), "rollcall-deliveries-"));

let district: { id: string; districtGuid: string };
beforeAll(async () => {
  district = await generatedDistrict(5, "Paused Public Schools");
});

async function deliveringApplication() {
  const { vendor, application } = await createVendorWithApplication();
  await db().fileDelivery.create({ data: { applicationId: application.id, enabled: true, destination: "rollcall_hosted" } });
  await createActivation(district.id, application.id);
  return { vendorId: vendor.id, applicationId: application.id };
}

const jobOf = (runId: string) =>
  db().$queryRaw<{ run_at: Date }[]>`SELECT run_at FROM graphile_worker.jobs WHERE key = ${deliveryRunJobKey(runId)}`;
const setDistrictSuspended = (suspendedAt: Date | null) => db().district.update({ where: { id: district.id }, data: { suspendedAt } });

describe("file deliveries of a suspended tenant", () => {
  it("queue no run for a suspended district, and refuse Deliver now for a suspended vendor", async () => {
    const { vendorId, applicationId } = await deliveringApplication();
    await setDistrictSuspended(new Date());
    try {
      expect(await queueDeliveries(applicationId, "schedule")).toEqual([]);
    } finally {
      await setDistrictSuspended(null);
    }
    await db().vendor.update({ where: { id: vendorId }, data: { suspendedAt: new Date() } });
    expect(await queueDeliveries(applicationId, "schedule")).toEqual([]);
    await expect(queueDeliveries(applicationId, "manual")).rejects.toThrow(/suspended by the Rollcall operator/);
    expect(await db().deliveryRun.count({ where: { applicationId } })).toBe(0);
  });

  it("hold a queued run without using an attempt, and deliver it after resume", async () => {
    const { vendorId, applicationId } = await deliveringApplication();
    const [runId] = await queueDeliveries(applicationId, "manual", [district.id]);
    await db().vendor.update({ where: { id: vendorId }, data: { suspendedAt: new Date() } });

    const before = Date.now();
    expect(await runDelivery(runId!)).toBe("queued");
    expect(await db().deliveryRun.findUniqueOrThrow({ where: { id: runId } })).toMatchObject({ status: "queued", attempts: 0 });
    const [job] = await jobOf(runId!);
    expect(job!.run_at.getTime()).toBeGreaterThanOrEqual(before + SUSPENSION_RECHECK_MS);

    await db().vendor.update({ where: { id: vendorId }, data: { suspendedAt: null } });
    expect(await runDelivery(runId!)).toBe("delivered");
    expect(await db().deliveryRun.findUniqueOrThrow({ where: { id: runId } })).toMatchObject({ status: "delivered", attempts: 1 });
  });
});
