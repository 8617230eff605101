// When a district's SFTP inbox is due: its daily "HH:MM" in its own time zone, daylight
// saving included, computed with Intl alone.

/** The latest moment at or before `now` when the clock in `timeZone` read `processAt`. */
export function lastScheduledTime(now: Date, processAt: string, timeZone: string): Date {
  const [hour = 0, minute = 0] = processAt.split(":").map(Number);
  const today = wallClock(now, timeZone);
  for (const daysBack of [0, 1, 2]) {
    const candidate = zonedTime({ year: today.year, month: today.month, day: today.day - daysBack, hour, minute }, timeZone);
    if (candidate.getTime() <= now.getTime()) return candidate;
  }
  throw new Error(`No scheduled time found for ${processAt} ${timeZone}`);
}

/** True when the daily time has come since the inbox was last processed (or it never was). */
export function isInboxDue(now: Date, processAt: string, timeZone: string, lastProcessedAt: Date | null): boolean {
  if (!lastProcessedAt) return true;
  return lastProcessedAt.getTime() < lastScheduledTime(now, processAt, timeZone).getTime();
}

type WallClock = { year: number; month: number; day: number; hour: number; minute: number };

function wallClock(at: Date, timeZone: string): WallClock {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((item) => item.type === type)?.value);
  return { year: part("year"), month: part("month"), day: part("day"), hour: part("hour"), minute: part("minute") };
}

/** The zone's offset from UTC at a moment, in milliseconds (minute precision is enough here). */
function offsetAt(at: Date, timeZone: string): number {
  const clock = wallClock(at, timeZone);
  const asUtc = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute);
  return asUtc - Math.floor(at.getTime() / 60_000) * 60_000;
}

/**
 * The moment a wall-clock time happens in a zone. A time skipped by a spring-forward change
 * moves forward with the clocks (02:30 becomes 03:30); a time that happens twice counts once, the first time.
 */
function zonedTime(clock: WallClock, timeZone: string): Date {
  const asUtc = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute);
  const earlier = asUtc - offsetAt(new Date(asUtc - 86_400_000 / 2), timeZone);
  const later = asUtc - offsetAt(new Date(asUtc + 86_400_000 / 2), timeZone);
  const candidates = [earlier, later].filter((moment) => {
    const seen = wallClock(new Date(moment), timeZone);
    return Date.UTC(seen.year, seen.month - 1, seen.day, seen.hour, seen.minute) === asUtc;
  });
  if (candidates.length > 0) return new Date(Math.min(...candidates));
  return new Date(Math.max(earlier, later));
}
