// When to try a message again, and whether an answer counts as delivered, retryable or
// final. Pure, so the schedule can be tested without a clock.

/** Delay before each attempt: the first is immediate, the eighth and last 10 h after the seventh. */
export const RETRY_DELAYS_MS = [0, 5_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 5 * 3_600_000, 10 * 3_600_000, 10 * 3_600_000] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length;
const JITTER = 0.1;
const LONGEST_DELAY_MS = 10 * 3_600_000;

export type AttemptVerdict = "delivered" | "retry" | "final-failure";

export function verdictForStatus(status: number): AttemptVerdict {
  if (status >= 200 && status < 300) return "delivered";
  if (status === 408 || status === 429 || status >= 500) return "retry";
  return "final-failure";
}

/**
 * Milliseconds to wait after `attemptsMade` attempts, or null when the schedule is spent.
 * A receiver's Retry-After is honoured when it asks for longer than the schedule (up to 10 h).
 * `delays` replaces RETRY_DELAYS_MS (a configured schedule of the same length).
 */
export function delayBeforeNextAttempt(
  attemptsMade: number,
  {
    retryAfterMs,
    random = Math.random,
    delays = RETRY_DELAYS_MS,
  }: { retryAfterMs?: number | null; random?: () => number; delays?: readonly number[] } = {},
): number | null {
  if (attemptsMade >= delays.length) return null;
  const scheduled = delays[attemptsMade] ?? 0;
  const jittered = Math.round(scheduled * (1 - JITTER + 2 * JITTER * random()));
  return Math.min(Math.max(jittered, retryAfterMs ?? 0), LONGEST_DELAY_MS);
}

/** Retry-After as delta-seconds or an HTTP date, in milliseconds from `now`; null when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: Date): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now.getTime());
}
