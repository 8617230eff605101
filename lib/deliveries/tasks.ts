// File delivery's queued work: one run per job (renewing its lease while it exports and
// uploads), and the cron item that queues each enabled application's districts that are due.
import type { Task } from "graphile-worker";
import { db } from "@/lib/db";
import { runDelivery } from "@/lib/deliveries/run-delivery";
import { queueDeliveries } from "@/lib/deliveries/runs";
import { isDeliveryDue, type DeliveryTiming } from "@/lib/deliveries/schedule";
import { QUEUE_DUE_DELIVERIES_TASK, RUN_DELIVERY_TASK, type RunDeliveryPayload } from "@/lib/deliveries/task-names";
import { withHeartbeat } from "@/lib/jobs/heartbeat";

export { DELIVERY_SCHEDULE } from "@/lib/deliveries/task-names";

export function deliveryTasks(leaseMs: number): Record<string, Task> {
  const heartbeatMs = Math.max(1_000, Math.floor(leaseMs / 3));
  return {
    [RUN_DELIVERY_TASK]: async (payload, helpers) => {
      const { runId } = payload as RunDeliveryPayload;
      const status = await withHeartbeat(helpers, heartbeatMs, () => runDelivery(runId));
      helpers.logger.info(`File delivery run ${runId}: ${status ?? "no longer exists"}`);
    },
    [QUEUE_DUE_DELIVERIES_TASK]: async (_payload, helpers) => {
      const queued = await queueDueDeliveries();
      if (queued.length > 0) helpers.logger.info(`Queued ${queued.length} scheduled file delivery run(s)`);
    },
  };
}

/** Queues, for each enabled application, the districts whose scheduled time has come since their last run; returns the run ids. */
export async function queueDueDeliveries(now = new Date()): Promise<string[]> {
  const deliveries = await db().fileDelivery.findMany({
    where: { enabled: true },
    select: { applicationId: true, schedule: true, dailyAt: true, timeZone: true, everyHours: true },
  });
  const runIds: string[] = [];
  for (const delivery of deliveries) {
    const due = await dueDistricts(delivery.applicationId, delivery, now);
    if (due.length === 0) continue;
    try {
      runIds.push(...(await queueDeliveries(delivery.applicationId, "schedule", due)));
    } catch (error) {
      // Set-up no longer complete (e.g. the custom format was never saved): the tab says so; others still go.
      console.error(`Could not queue the scheduled file deliveries of application ${delivery.applicationId}`, error);
    }
  }
  return runIds;
}

async function dueDistricts(applicationId: string, timing: DeliveryTiming, now: Date): Promise<string[]> {
  const activations = await db().activation.findMany({ where: { applicationId, status: "active", district: { sandbox: false } }, select: { districtId: true } });
  if (activations.length === 0) return [];
  const lastRuns = await db().deliveryRun.groupBy({
    by: ["districtId"],
    where: { applicationId, districtId: { in: activations.map((activation) => activation.districtId) } },
    _max: { queuedAt: true },
  });
  const lastRunAt = new Map(lastRuns.map((run) => [run.districtId, run._max.queuedAt]));
  return activations
    .map(({ districtId }) => districtId)
    .filter((districtId) => {
      const last = lastRunAt.get(districtId) ?? null;
      try {
        return isDeliveryDue(now, timing, last);
      } catch {
        // A time zone this Node no longer knows: UTC rather than never.
        return isDeliveryDue(now, { ...timing, timeZone: "UTC" }, last);
      }
    });
}
