// The daily processing time in a district's own time zone, across daylight saving changes.
import { describe, expect, it } from "vitest";
import { isInboxDue, lastScheduledTime } from "@/lib/sftp/schedule";

describe("lastScheduledTime", () => {
  it("is today's time in the zone once it has passed, yesterday's before", () => {
    // 02:00 in New York is 07:00 UTC in winter.
    expect(lastScheduledTime(new Date("2026-01-15T07:30:00Z"), "02:00", "America/New_York")).toEqual(new Date("2026-01-15T07:00:00Z"));
    expect(lastScheduledTime(new Date("2026-01-15T06:59:00Z"), "02:00", "America/New_York")).toEqual(new Date("2026-01-14T07:00:00Z"));
    // and 06:00 UTC in summer.
    expect(lastScheduledTime(new Date("2026-07-01T12:00:00Z"), "02:00", "America/New_York")).toEqual(new Date("2026-07-01T06:00:00Z"));
  });

  it("uses the zone's date, not UTC's", () => {
    // 23:30 on 1 March in Los Angeles is already 2 March in UTC.
    expect(lastScheduledTime(new Date("2026-03-02T07:30:00Z"), "23:00", "America/Los_Angeles")).toEqual(new Date("2026-03-02T07:00:00Z"));
    expect(lastScheduledTime(new Date("2026-03-02T00:30:00Z"), "09:00", "Asia/Tokyo")).toEqual(new Date("2026-03-02T00:00:00Z"));
  });

  it("runs once on the days the clocks change", () => {
    // 8 March 2026: New York skips 02:00–03:00; 02:30 happens as 03:30 EDT (07:30 UTC), as clocks skip forward.
    expect(lastScheduledTime(new Date("2026-03-08T12:00:00Z"), "02:30", "America/New_York")).toEqual(new Date("2026-03-08T07:30:00Z"));
    expect(lastScheduledTime(new Date("2026-03-08T07:29:00Z"), "02:30", "America/New_York")).toEqual(new Date("2026-03-07T07:30:00Z"));
    // 1 November 2026: 01:30 happens twice; the first (EDT, 05:30 UTC) counts.
    expect(lastScheduledTime(new Date("2026-11-01T12:00:00Z"), "01:30", "America/New_York")).toEqual(new Date("2026-11-01T05:30:00Z"));
  });
});

describe("isInboxDue", () => {
  const now = new Date("2026-01-15T07:04:00Z");
  it("is due when the time came after the last processing, or it never ran", () => {
    expect(isInboxDue(now, "02:00", "America/New_York", null)).toBe(true);
    expect(isInboxDue(now, "02:00", "America/New_York", new Date("2026-01-14T07:02:00Z"))).toBe(true);
  });
  it("is not due again once processed after the time, including by Process now", () => {
    expect(isInboxDue(now, "02:00", "America/New_York", new Date("2026-01-15T07:01:00Z"))).toBe(false);
    expect(isInboxDue(now, "03:00", "America/New_York", new Date("2026-01-15T01:00:00Z"))).toBe(false);
  });
});
