import { describe, expect, it } from "vitest";
import { delayBeforeNextAttempt, MAX_ATTEMPTS, parseRetryAfter, verdictForStatus } from "@/lib/webhooks/retry-schedule";

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

describe("retry schedule", () => {
  it("waits 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h between the eight attempts (no jitter at the midpoint)", () => {
    const midpoint = () => 0.5;
    const delays = Array.from({ length: MAX_ATTEMPTS - 1 }, (_, index) => delayBeforeNextAttempt(index + 1, { random: midpoint }));
    expect(delays).toEqual([5 * SECOND, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 5 * HOUR, 10 * HOUR, 10 * HOUR]);
  });

  it("gives up after the eighth attempt", () => {
    expect(MAX_ATTEMPTS).toBe(8);
    expect(delayBeforeNextAttempt(8)).toBeNull();
  });

  it("spreads retries by up to ±10% so failing receivers are not hit in lockstep", () => {
    expect(delayBeforeNextAttempt(2, { random: () => 0 })).toBe(4.5 * MINUTE);
    expect(delayBeforeNextAttempt(2, { random: () => 0.999999 })).toBeCloseTo(5.5 * MINUTE, -2);
  });

  it("honours a Retry-After longer than the schedule, up to 10 h", () => {
    expect(delayBeforeNextAttempt(1, { retryAfterMs: 2 * MINUTE, random: () => 0.5 })).toBe(2 * MINUTE);
    expect(delayBeforeNextAttempt(1, { retryAfterMs: 1 * SECOND, random: () => 0.5 })).toBe(5 * SECOND);
    expect(delayBeforeNextAttempt(1, { retryAfterMs: 48 * HOUR, random: () => 0.5 })).toBe(10 * HOUR);
  });
});

describe("Retry-After", () => {
  const now = new Date("2026-11-26T10:00:00Z");
  it("reads delta-seconds and HTTP dates", () => {
    expect(parseRetryAfter("120", now)).toBe(120 * SECOND);
    expect(parseRetryAfter("Thu, 26 Nov 2026 10:05:00 GMT", now)).toBe(5 * MINUTE);
  });
  it("ignores what it cannot read", () => {
    expect(parseRetryAfter(undefined, now)).toBeNull();
    expect(parseRetryAfter("soon", now)).toBeNull();
  });
});

describe("answers", () => {
  it.each([
    [200, "delivered"],
    [204, "delivered"],
    [408, "retry"],
    [429, "retry"],
    [500, "retry"],
    [503, "retry"],
    [301, "final-failure"],
    [400, "final-failure"],
    [401, "final-failure"],
    [404, "final-failure"],
    [410, "final-failure"],
  ] as const)("HTTP %i → %s", (status, verdict) => {
    expect(verdictForStatus(status)).toBe(verdict);
  });
});
