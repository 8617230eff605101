// Districts' SCIM secret tokens: the "Secret Token" an identity provider (Entra ID, Okta) is
// given beside the Tenant URL. Created by a district admin (shown once), stored as a hash,
// several live at once for rotation, revocable, with the time each was last used.
import { UserFacingError } from "@/lib/actions/result";
import { credentialCreated, credentialRevoked } from "@/lib/audit/credentials";
import { districtTenant, recordAudit } from "@/lib/audit/record";
import { bearerToken, hashToken, newOpaqueToken } from "@/lib/crypto/opaque-token";
import { db } from "@/lib/db";
import { Prisma } from "@/generated/prisma/client";
import { poolQuery } from "@/lib/scim/pool";

const SCIM_TOKEN = { action: "scim_token", label: "SCIM token" };

export const SCIM_TOKEN_PREFIX = "rc_scim_";
export const MAX_ACTIVE_TOKENS = 10;
/** lastUsedAt is written at most this often per token: provisioning cycles send bursts of requests. */
const LAST_USED_RESOLUTION_MS = 60_000;

export type ScimTokenView = { id: string; name: string; prefix: string; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null };

const VIEW = { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true } as const;

export function listScimTokens(districtId: string): Promise<ScimTokenView[]> {
  return db().scimToken.findMany({ where: { districtId }, orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }], select: VIEW });
}

/** The new token in clear, this once; only its hash is kept. */
export async function createScimToken(actor: { id: string; districtId: string }, name: string): Promise<ScimTokenView & { token: string }> {
  const active = await db().scimToken.count({ where: { districtId: actor.districtId, revokedAt: null } });
  if (active >= MAX_ACTIVE_TOKENS) throw new UserFacingError(`You have ${MAX_ACTIVE_TOKENS} live tokens. Revoke one you no longer use, then create a new one.`);
  const token = newOpaqueToken(SCIM_TOKEN_PREFIX);
  const created = await db().$transaction(async (tx) => {
    const row = await tx.scimToken.create({
      data: { districtId: actor.districtId, name, prefix: token.slice(0, SCIM_TOKEN_PREFIX.length + 4), tokenHash: hashToken(token), createdById: actor.id },
      select: VIEW,
    });
    await recordAudit(tx, {
      ...(await districtTenant(tx, actor.districtId)),
      ...credentialCreated(SCIM_TOKEN, row, token),
    });
    return row;
  });
  return { ...created, token };
}

export async function revokeScimToken(districtId: string, tokenId: string, now = new Date()): Promise<ScimTokenView> {
  return db().$transaction(async (tx) => {
    const revoked = await tx.scimToken.updateMany({ where: { id: tokenId, districtId, revokedAt: null }, data: { revokedAt: now } });
    const token = await tx.scimToken.findFirst({ where: { id: tokenId, districtId }, select: VIEW });
    if (!token) throw new UserFacingError("This token was not found.");
    // Revoking a token revoked already (another tab) changes nothing, so records nothing.
    if (revoked.count === 1) {
      await recordAudit(tx, {
        ...(await districtTenant(tx, districtId)),
        ...credentialRevoked(SCIM_TOKEN, token, now),
      });
    }
    return token;
  });
}

export type ScimCaller = { districtId: string; tokenId: string };

/** The district a request's `Authorization: Bearer <token>` reaches, or null for a missing, unknown or revoked token (or a suspended district's). */
export async function authenticateScim(request: Request, now = new Date()): Promise<ScimCaller | null> {
  const result = await authenticateScimRequest(request, now);
  return result.ok ? result.caller : null;
}

/** As authenticateScim, and for a revoked token the district and token it belonged to (for the provisioning log). */
export async function authenticateScimRequest(
  request: Request,
  now = new Date(),
): Promise<
  | { ok: true; caller: ScimCaller }
  | { ok: false; revoked: { districtId: string; tokenId: string } | null; suspended?: { districtId: string; tokenId: string } }
> {
  const token = bearerToken(request);
  if (!token?.startsWith(SCIM_TOKEN_PREFIX)) return { ok: false, revoked: null };
  // Read on every request, so on SCIM's pool as a prepared statement, and never cached: a revoked
  // token, or one of a district the operator suspended, is refused from the next request on.
  const [found] = await poolQuery<{ id: string; districtId: string; revoked: boolean; suspended: boolean; lastUsedMs: number | null }>(Prisma.sql`
    SELECT t.id::text, t."districtId"::text AS "districtId", t."revokedAt" IS NOT NULL AS revoked, d."suspendedAt" IS NOT NULL AS suspended,
      (extract(epoch FROM t."lastUsedAt") * 1000)::float8 AS "lastUsedMs"
    FROM "ScimToken" t JOIN "District" d ON d.id = t."districtId" WHERE t."tokenHash" = ${hashToken(token)}`);
  if (!found) return { ok: false, revoked: null };
  if (found.revoked) return { ok: false, revoked: { districtId: found.districtId, tokenId: found.id } };
  if (found.suspended) return { ok: false, revoked: null, suspended: { districtId: found.districtId, tokenId: found.id } };
  if (found.lastUsedMs === null || now.getTime() - found.lastUsedMs > LAST_USED_RESOLUTION_MS) {
    await poolQuery(Prisma.sql`UPDATE "ScimToken" SET "lastUsedAt" = (${now.toISOString()}::timestamptz AT TIME ZONE 'UTC') WHERE id = ${found.id}::uuid`);
  }
  return { ok: true, caller: { districtId: found.districtId, tokenId: found.id } };
}
