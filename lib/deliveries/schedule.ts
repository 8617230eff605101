// When a district's files are due for an application: daily at HH:MM in the application's time
// zone, or every N hours, counted from the district's last run of that application. Pure.
import { lastScheduledTime } from "@/lib/sftp/schedule";

export type DeliveryTiming = { schedule: "daily" | "every_hours"; dailyAt: string; timeZone: string; everyHours: number };

const HOUR_MS = 3_600_000;
/** The cron item runs every 5 minutes: a check that comes a moment early still counts, so every N hours does not drift later. */
const EARLY_BY_MS = 60_000;

/** True when the district has never been delivered to, or its time has come since its last run. */
export function isDeliveryDue(now: Date, timing: DeliveryTiming, lastRunAt: Date | null): boolean {
  if (!lastRunAt) return true;
  if (timing.schedule === "every_hours") return now.getTime() - lastRunAt.getTime() >= timing.everyHours * HOUR_MS - EARLY_BY_MS;
  return lastRunAt.getTime() < lastScheduledTime(now, timing.dailyAt, timing.timeZone).getTime();
}

/** When the next scheduled run will be queued (now, when it is already due). */
export function nextDeliveryAt(now: Date, timing: DeliveryTiming, lastRunAt: Date | null): Date {
  if (isDeliveryDue(now, timing, lastRunAt)) return now;
  if (timing.schedule === "every_hours") return new Date(lastRunAt!.getTime() + timing.everyHours * HOUR_MS);
  return lastScheduledTime(new Date(now.getTime() + 24 * HOUR_MS), timing.dailyAt, timing.timeZone);
}
