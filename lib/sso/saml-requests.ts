// The AuthnRequests Rollcall sent and is waiting for an answer to: a response's InResponseTo
// must name one of them, of the same district, recent, and answered only once.
import type { CacheItem, CacheProvider } from "@node-saml/node-saml";
import { db } from "@/lib/db";

/** How long the identity provider has to answer (the person signing in included). */
export const PENDING_REQUEST_MAX_AGE_MS = 10 * 60_000;
/** Unanswered requests are deleted after this; until then an answer can say "too late" instead of "unknown". */
const PENDING_REQUEST_KEPT_MS = 60 * 60_000;

export type RequestPurpose = "sign_in" | "test";
export type PendingRequest = { id: string; purpose: RequestPurpose; adminUserId: string | null; createdAt: Date };

/**
 * node-saml's store for the request ids it generates, on SamlPendingRequest: `saveAsync` records
 * the request with what it is for; `getAsync` answers only for this district's recent requests.
 */
export function pendingRequestStore(districtId: string, purpose: RequestPurpose, adminUserId: string | null): CacheProvider {
  return {
    async saveAsync(id: string): Promise<CacheItem | null> {
      const row = await db().samlPendingRequest.create({ data: { id, districtId, purpose, adminUserId } });
      return { value: row.createdAt.toISOString(), createdAt: row.createdAt.getTime() };
    },
    async getAsync(id: string): Promise<string | null> {
      const pending = await findPendingRequest(districtId, id);
      return pending && isFresh(pending, new Date()) ? pending.createdAt.toISOString() : null;
    },
    async removeAsync(id: string | null): Promise<string | null> {
      if (!id) return null;
      const { count } = await db().samlPendingRequest.deleteMany({ where: { id, districtId } });
      return count > 0 ? id : null;
    },
  };
}

export async function findPendingRequest(districtId: string, id: string): Promise<PendingRequest | null> {
  return db().samlPendingRequest.findFirst({ where: { id, districtId }, select: { id: true, purpose: true, adminUserId: true, createdAt: true } });
}

export function isFresh(pending: PendingRequest, now: Date): boolean {
  return now.getTime() - pending.createdAt.getTime() < PENDING_REQUEST_MAX_AGE_MS;
}

/**
 * Marks the request answered. One DELETE, so that of two responses racing for the same
 * request exactly one gets `true`.
 */
export async function claimPendingRequest(districtId: string, id: string, now: Date): Promise<boolean> {
  const { count } = await db().samlPendingRequest.deleteMany({
    where: { id, districtId, createdAt: { gt: new Date(now.getTime() - PENDING_REQUEST_MAX_AGE_MS) } },
  });
  return count === 1;
}

export async function forgetStalePendingRequests(now: Date): Promise<void> {
  await db().samlPendingRequest.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - PENDING_REQUEST_KEPT_MS) } } });
}
