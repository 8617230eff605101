// Vendors' Partner API keys: created in the console (shown once), stored as a hash,
// revocable, with the time each was last used.
import { UserFacingError } from "@/lib/actions/result";
import { credentialCreated, credentialRevoked } from "@/lib/audit/credentials";
import { recordAudit, vendorTenant } from "@/lib/audit/record";
import { bearerToken, hashToken, newOpaqueToken } from "@/lib/crypto/opaque-token";
import { db } from "@/lib/db";
import { partnerError, unauthorised } from "@/lib/partner-api/responses";
import { VENDOR_SUSPENDED_MESSAGE } from "@/lib/tenants/suspension";

const API_KEY = { action: "api_key", label: "API key" };

export const API_KEY_PREFIX = "rc_pk_";
export const MAX_ACTIVE_KEYS = 10;
/** lastUsedAt is written at most this often per key, so that busy clients do not write on every call. */
const LAST_USED_RESOLUTION_MS = 60_000;

export type ApiKeyView = { id: string; name: string; prefix: string; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null };

const VIEW = { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true } as const;

export function listApiKeys(vendorId: string): Promise<ApiKeyView[]> {
  return db().partnerApiKey.findMany({ where: { vendorId }, orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }], select: VIEW });
}

/** The new key in clear, this once; only its hash is kept. */
export async function createApiKey(actor: { id: string; vendorId: string }, name: string): Promise<ApiKeyView & { key: string }> {
  return db().$transaction(async (tx) => {
    const active = await tx.partnerApiKey.count({ where: { vendorId: actor.vendorId, revokedAt: null } });
    if (active >= MAX_ACTIVE_KEYS) throw new UserFacingError(`You have ${MAX_ACTIVE_KEYS} active keys. Revoke one you no longer use, then create a new one.`);
    const key = newOpaqueToken(API_KEY_PREFIX);
    const created = await tx.partnerApiKey.create({
      data: { vendorId: actor.vendorId, name, prefix: key.slice(0, API_KEY_PREFIX.length + 4), keyHash: hashToken(key), createdById: actor.id },
      select: VIEW,
    });
    await recordAudit(tx, {
      ...(await vendorTenant(tx, actor.vendorId)),
      ...credentialCreated(API_KEY, created, key),
    });
    return { ...created, key };
  });
}

export async function revokeApiKey(vendorId: string, keyId: string, now = new Date()): Promise<ApiKeyView> {
  return db().$transaction(async (tx) => {
    const revoked = await tx.partnerApiKey.updateMany({ where: { id: keyId, vendorId, revokedAt: null }, data: { revokedAt: now } });
    const key = await tx.partnerApiKey.findFirst({ where: { id: keyId, vendorId }, select: VIEW });
    if (!key) throw new UserFacingError("This API key was not found.");
    if (revoked.count === 1) {
      await recordAudit(tx, {
        ...(await vendorTenant(tx, vendorId)),
        ...credentialRevoked(API_KEY, key, now),
      });
    }
    return key;
  });
}

export type PartnerAuthentication = { ok: true; vendorId: string } | { ok: false; response: Response };

/**
 * The vendor a request's `Authorization: Bearer <api key>` belongs to; otherwise the answer to
 * send: 401 for a missing, unknown or revoked key, 403 while the operator suspends the vendor.
 */
export async function authenticatePartner(request: Request, now = new Date()): Promise<PartnerAuthentication> {
  const key = bearerToken(request);
  if (!key?.startsWith(API_KEY_PREFIX)) return { ok: false, response: unauthorised() };
  const found = await db().partnerApiKey.findUnique({
    where: { keyHash: hashToken(key) },
    select: { id: true, vendorId: true, revokedAt: true, lastUsedAt: true, vendor: { select: { suspendedAt: true } } },
  });
  if (!found || found.revokedAt) return { ok: false, response: unauthorised() };
  if (found.vendor.suspendedAt) return { ok: false, response: partnerError(403, "vendor_suspended", VENDOR_SUSPENDED_MESSAGE) };
  if (!found.lastUsedAt || now.getTime() - found.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db().partnerApiKey.update({ where: { id: found.id }, data: { lastUsedAt: now } });
  }
  return { ok: true, vendorId: found.vendorId };
}
