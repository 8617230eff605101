// Districts' tokens for the people upsert API (`POST /api/district/v1/people`): created by a
// district admin on the Imports page's API tokens tab (shown once), stored as a SHA-256 hash,
// several live at once for rotation, revocable, with the time each was last used.
import { UserFacingError } from "@/lib/actions/result";
import { credentialCreated, credentialRevoked } from "@/lib/audit/credentials";
import { districtTenant, recordAudit, type AuditActor } from "@/lib/audit/record";
import { bearerToken, hashToken, newOpaqueToken } from "@/lib/crypto/opaque-token";
import { db } from "@/lib/db";

const API_TOKEN = { action: "district_api_token", label: "API token" };

export const DISTRICT_TOKEN_PREFIX = "rc_dist_";
export const MAX_ACTIVE_TOKENS = 10;
/** lastUsedAt is written at most this often per token: a nightly sync sends its batches back to back. */
const LAST_USED_RESOLUTION_MS = 60_000;

export type DistrictApiTokenView = { id: string; name: string; prefix: string; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null };

const VIEW = { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true } as const;

export function listDistrictApiTokens(districtId: string): Promise<DistrictApiTokenView[]> {
  return db().districtApiToken.findMany({ where: { districtId }, orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }], select: VIEW });
}

/** The new token in clear, this once; only its hash is kept. */
export async function createDistrictApiToken(actor: { id: string; districtId: string }, name: string): Promise<DistrictApiTokenView & { token: string }> {
  const active = await db().districtApiToken.count({ where: { districtId: actor.districtId, revokedAt: null } });
  if (active >= MAX_ACTIVE_TOKENS) throw new UserFacingError(`You have ${MAX_ACTIVE_TOKENS} live tokens. Revoke one you no longer use, then create a new one.`);
  const token = newOpaqueToken(DISTRICT_TOKEN_PREFIX);
  const created = await db().$transaction(async (tx) => {
    const row = await tx.districtApiToken.create({
      data: { districtId: actor.districtId, name, prefix: token.slice(0, DISTRICT_TOKEN_PREFIX.length + 4), tokenHash: hashToken(token), createdById: actor.id },
      select: VIEW,
    });
    await recordAudit(tx, {
      ...(await districtTenant(tx, actor.districtId)),
      ...credentialCreated(API_TOKEN, row, token),
    });
    return row;
  });
  return { ...created, token };
}

/** Another district's token is "not found", as is one that never existed. */
export async function revokeDistrictApiToken(districtId: string, tokenId: string, now = new Date()): Promise<DistrictApiTokenView> {
  return db().$transaction(async (tx) => {
    const revoked = await tx.districtApiToken.updateMany({ where: { id: tokenId, districtId, revokedAt: null }, data: { revokedAt: now } });
    const token = await tx.districtApiToken.findFirst({ where: { id: tokenId, districtId }, select: VIEW });
    if (!token) throw new UserFacingError("This token was not found.");
    // Revoking a token revoked already (another tab) changes nothing, so records nothing.
    if (revoked.count === 1) {
      await recordAudit(tx, {
        ...(await districtTenant(tx, districtId)),
        ...credentialRevoked(API_TOKEN, token, now),
      });
    }
    return token;
  });
}

export type DistrictApiCaller = { districtId: string; tokenId: string; tokenName: string };

/** Who acts, in the audit log, when a district's system calls the API with this token. */
export function districtApiActor(tokenName: string): AuditActor {
  return { userId: null, email: `API token “${tokenName}”`, role: "district_api_token" };
}

/**
 * The district a request's `Authorization: Bearer rc_dist_…` reaches; null for a missing,
 * unknown or revoked token; "suspended" for a token of a district the operator suspended.
 */
export async function authenticateDistrictApi(request: Request, now = new Date()): Promise<DistrictApiCaller | "suspended" | null> {
  const token = bearerToken(request);
  if (!token?.startsWith(DISTRICT_TOKEN_PREFIX)) return null;
  const found = await db().districtApiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, name: true, districtId: true, revokedAt: true, lastUsedAt: true, district: { select: { suspendedAt: true } } },
  });
  if (!found || found.revokedAt) return null;
  if (found.district.suspendedAt) return "suspended";
  if (!found.lastUsedAt || now.getTime() - found.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db().districtApiToken.update({ where: { id: found.id }, data: { lastUsedAt: now } });
  }
  return { districtId: found.districtId, tokenId: found.id, tokenName: found.name };
}
