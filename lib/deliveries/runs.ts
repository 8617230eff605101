// Queueing deliveries: one DeliveryRun and one job per district with an active activation of
// the application, written in one transaction so a run exists exactly when its job does.
// Callers authorise first (the File delivery tab's actions; the schedule's cron item).
import { UserFacingError } from "@/lib/actions/result";
import { recordApplicationAudit } from "@/lib/applications/audit";
import { setupProblem } from "@/lib/deliveries/settings";
import { deliveryRunJobKey, RUN_DELIVERY_TASK } from "@/lib/deliveries/task-names";
import { db } from "@/lib/db";
import { addJob } from "@/lib/jobs/enqueue";
import { ACTIVE_TENANT } from "@/lib/tenants/suspension";

export type DeliveryTrigger = "manual" | "schedule";

/**
 * A run records its own failures and schedules its retries on the webhook schedule; the queue
 * tries its job again only when the worker died or the database failed mid-run.
 */
export const RUN_JOB_MAX_ATTEMPTS = 3;

/**
 * Queues a delivery for each district with an active activation (or only those of `districtIds`
 * that have one) and returns the run ids. A district whose run is still waiting keeps that run
 * (Deliver now brings a waiting retry forward) rather than getting a second one.
 * Throws a UserFacingError when delivery is not set up.
 */
export async function queueDeliveries(applicationId: string, trigger: DeliveryTrigger, districtIds?: readonly string[]): Promise<string[]> {
  return db().$transaction(async (tx) => {
    // Deliver now and the schedule at the same moment queue one run per district, not two.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`rollcall:file-delivery:${applicationId}`}, 0))`;
    const delivery = await tx.fileDelivery.findUnique({ where: { applicationId } });
    if (!delivery) throw new UserFacingError("File delivery is not set up for this application: choose a format and a destination first.");
    const latest = await tx.customFormatVersion.findFirst({ where: { applicationId }, orderBy: { version: "desc" }, select: { version: true } });
    const problem = setupProblem({ ...delivery, hasSavedFormat: latest !== null });
    if (problem) throw new UserFacingError(problem);

    // Suspended by the operator: no new runs while it lasts (the schedule catches up after resume).
    const vendor = await tx.vendor.findFirst({ where: { applications: { some: { id: applicationId } } }, select: { suspendedAt: true } });
    if (vendor?.suspendedAt) {
      if (trigger === "manual") throw new UserFacingError("Your account is suspended by the Rollcall operator, so no files are delivered until it is resumed.");
      return [];
    }
    const activations = await tx.activation.findMany({
      where: {
        applicationId,
        status: "active",
        district: { sandbox: false, ...ACTIVE_TENANT },
        ...(districtIds ? { districtId: { in: [...districtIds] } } : {}),
      },
      orderBy: { activatedAt: "asc" },
      select: { districtId: true },
    });
    const waiting = await tx.deliveryRun.findMany({
      where: {
        applicationId,
        districtId: { in: activations.map((activation) => activation.districtId) },
        OR: [{ status: "queued" }, { status: "failed", nextAttemptAt: { not: null } }],
      },
      select: { id: true, districtId: true, status: true },
    });
    const waitingByDistrict = new Map(waiting.map((run) => [run.districtId, run]));

    const now = new Date();
    const runIds: string[] = [];
    for (const { districtId } of activations) {
      const pending = waitingByDistrict.get(districtId);
      if (pending) {
        if (trigger === "manual" && pending.status === "failed") {
          await tx.deliveryRun.update({ where: { id: pending.id }, data: { nextAttemptAt: now } });
          await addJob(tx, RUN_DELIVERY_TASK, { runId: pending.id }, { jobKey: deliveryRunJobKey(pending.id), maxAttempts: RUN_JOB_MAX_ATTEMPTS });
        }
        runIds.push(pending.id);
        continue;
      }
      const run = await tx.deliveryRun.create({
        data: {
          applicationId,
          districtId,
          trigger,
          status: "queued",
          format: delivery.format,
          formatVersion: delivery.format === "custom_csv" ? (latest?.version ?? null) : null,
          queuedAt: now,
        },
        select: { id: true },
      });
      await addJob(tx, RUN_DELIVERY_TASK, { runId: run.id }, { jobKey: deliveryRunJobKey(run.id), maxAttempts: RUN_JOB_MAX_ATTEMPTS });
      runIds.push(run.id);
    }
    // Deliver now is a vendor admin's doing; the schedule's runs are Rollcall's routine.
    if (trigger === "manual" && runIds.length > 0) {
      await recordApplicationAudit(tx, applicationId, {
        action: "file_delivery.delivery_requested",
        summary: (name) => `Deliver now: files of ${name} queued for ${runIds.length} ${runIds.length === 1 ? "district" : "districts"}`,
        after: { districts: runIds.length },
      });
    }
    return runIds;
  });
}
