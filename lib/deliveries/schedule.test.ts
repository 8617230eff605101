// The delivery schedule's rules: daily at a time in a zone, or every N hours, per district.
import { describe, expect, it } from "vitest";
import { isDeliveryDue, nextDeliveryAt, type DeliveryTiming } from "@/lib/deliveries/schedule";

const daily: DeliveryTiming = { schedule: "daily", dailyAt: "02:00", timeZone: "America/Chicago", everyHours: 6 };
const everySix: DeliveryTiming = { ...daily, schedule: "every_hours" };

describe("daily deliveries", () => {
  // 02:00 in Chicago is 08:00 UTC in winter.
  const now = new Date("2026-01-15T08:03:00Z");

  it("is due once the time has come in the zone since the district's last run, or when it never had one", () => {
    expect(isDeliveryDue(now, daily, null)).toBe(true);
    expect(isDeliveryDue(now, daily, new Date("2026-01-14T08:02:00Z"))).toBe(true);
    // A Deliver now at 01:00 Chicago time does not replace the 02:00 delivery.
    expect(isDeliveryDue(now, daily, new Date("2026-01-15T07:00:00Z"))).toBe(true);
  });

  it("is not due again the same day once it ran after the time", () => {
    expect(isDeliveryDue(now, daily, new Date("2026-01-15T08:01:00Z"))).toBe(false);
    expect(isDeliveryDue(new Date("2026-01-15T07:59:00Z"), daily, new Date("2026-01-14T08:01:00Z"))).toBe(false);
  });

  it("follows the zone's clock across a daylight saving change", () => {
    // In July 02:00 in Chicago is 07:00 UTC.
    expect(isDeliveryDue(new Date("2026-07-01T07:01:00Z"), daily, new Date("2026-06-30T07:01:00Z"))).toBe(true);
    expect(isDeliveryDue(new Date("2026-07-01T06:59:00Z"), daily, new Date("2026-06-30T07:01:00Z"))).toBe(false);
  });

  it("says when the next delivery is", () => {
    expect(nextDeliveryAt(now, daily, new Date("2026-01-15T08:01:00Z"))).toEqual(new Date("2026-01-16T08:00:00Z"));
    expect(nextDeliveryAt(now, daily, null)).toEqual(now);
  });
});

describe("every N hours", () => {
  const last = new Date("2026-01-15T06:00:00Z");

  it("is due N hours after the district's last run", () => {
    expect(isDeliveryDue(new Date("2026-01-15T11:30:00Z"), everySix, last)).toBe(false);
    expect(isDeliveryDue(new Date("2026-01-15T12:00:00Z"), everySix, last)).toBe(true);
    expect(isDeliveryDue(new Date("2026-01-15T12:04:00Z"), everySix, last)).toBe(true);
    expect(isDeliveryDue(new Date("2026-01-15T01:00:00Z"), { ...everySix, everyHours: 1 }, new Date("2026-01-15T00:10:00Z"))).toBe(false);
  });

  it("counts a check a few seconds early as on time, so the schedule does not drift", () => {
    expect(isDeliveryDue(new Date("2026-01-15T11:59:50Z"), everySix, last)).toBe(true);
  });

  it("says when the next delivery is", () => {
    expect(nextDeliveryAt(new Date("2026-01-15T07:00:00Z"), everySix, last)).toEqual(new Date("2026-01-15T12:00:00Z"));
  });
});
