// Replay protection: an assertion's ID is remembered (per district) until the assertion
// expires, and an assertion whose ID is already remembered is refused.
import { db } from "@/lib/db";

/**
 * Records the assertion as used; false when it already was. An INSERT that skips a duplicate
 * key, so two requests racing with the same assertion cannot both get `true`.
 */
export async function rememberAssertion(districtId: string, assertionId: string, expiresAt: Date): Promise<boolean> {
  const { count } = await db().samlAssertionSeen.createMany({ data: [{ districtId, assertionId, expiresAt }], skipDuplicates: true });
  return count === 1;
}

export async function forgetExpiredAssertions(now: Date): Promise<void> {
  await db().samlAssertionSeen.deleteMany({ where: { expiresAt: { lt: now } } });
}
