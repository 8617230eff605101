// Slows down password guessing: after MAX_FAILURES failed sign-ins for one email address,
// further attempts are refused until LOCK_MINUTES have passed since the last failure.
// Counted per address whether or not an account exists, so it reveals nothing.
import { db } from "@/lib/db";

export const MAX_FAILURES = 5;
export const LOCK_MINUTES = 15;
const LOCK_MS = LOCK_MINUTES * 60_000;

type ThrottleState = { failures: number; lastFailureAt: Date } | null;

export function isLockedOut(state: ThrottleState, now: Date): boolean {
  return state !== null && state.failures >= MAX_FAILURES && now.getTime() - state.lastFailureAt.getTime() < LOCK_MS;
}

/** Failures older than the lock window no longer count. */
export function failuresAfter(state: ThrottleState, now: Date): number {
  const recent = state !== null && now.getTime() - state.lastFailureAt.getTime() < LOCK_MS;
  return (recent ? state.failures : 0) + 1;
}

export async function checkSignInAllowed(email: string, now = new Date()): Promise<boolean> {
  const state = await db().signInThrottle.findUnique({ where: { email } });
  return !isLockedOut(state, now);
}

export async function recordFailedSignIn(email: string, now = new Date()): Promise<void> {
  await db().$transaction(async (tx) => {
    const state = await tx.signInThrottle.findUnique({ where: { email } });
    const failures = failuresAfter(state, now);
    await tx.signInThrottle.upsert({
      where: { email },
      create: { email, failures, lastFailureAt: now },
      update: { failures, lastFailureAt: now },
    });
  });
}

export async function clearFailedSignIns(email: string): Promise<void> {
  await db().signInThrottle.deleteMany({ where: { email } });
}
