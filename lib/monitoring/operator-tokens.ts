// Operator tokens: what monitoring systems send to read GET /api/metrics. Created by an
// operator (shown once), stored as a hash, revocable, with the time each was last used.
// They belong to the instance, not to the operator who created one: any operator may revoke it.
import { UserFacingError } from "@/lib/actions/result";
import { credentialCreated, credentialRevoked } from "@/lib/audit/credentials";
import { INSTANCE_TENANT, recordAudit } from "@/lib/audit/record";
import { bearerToken, hashToken, newOpaqueToken } from "@/lib/crypto/opaque-token";
import { db } from "@/lib/db";

const OPERATOR_TOKEN = { action: "operator_token", label: "Operator token" };

export const OPERATOR_TOKEN_PREFIX = "rc_op_";
export const MAX_ACTIVE_OPERATOR_TOKENS = 10;
/** lastUsedAt is written at most this often per token: a scraper calls every few seconds. */
const LAST_USED_RESOLUTION_MS = 60_000;

export type OperatorTokenView = { id: string; name: string; prefix: string; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null };

const VIEW = { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true } as const;

export function listOperatorTokens(): Promise<OperatorTokenView[]> {
  return db().operatorToken.findMany({ orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }], select: VIEW });
}

/** The new token in clear, this once; only its hash is kept, and the audit log sees neither. */
export async function createOperatorToken(operator: { id: string }, name: string): Promise<OperatorTokenView & { token: string }> {
  const token = newOpaqueToken(OPERATOR_TOKEN_PREFIX);
  const created = await db().$transaction(async (tx) => {
    const active = await tx.operatorToken.count({ where: { revokedAt: null } });
    if (active >= MAX_ACTIVE_OPERATOR_TOKENS) {
      throw new UserFacingError(`There are ${MAX_ACTIVE_OPERATOR_TOKENS} live operator tokens. Revoke one no longer used, then create a new one.`);
    }
    const row = await tx.operatorToken.create({
      data: { name, prefix: token.slice(0, OPERATOR_TOKEN_PREFIX.length + 4), tokenHash: hashToken(token), createdById: operator.id },
      select: VIEW,
    });
    await recordAudit(tx, {
      ...INSTANCE_TENANT,
      ...credentialCreated(OPERATOR_TOKEN, row, token),
    });
    return row;
  });
  return { ...created, token };
}

/** Revoking a token already revoked changes nothing and records nothing. */
export async function revokeOperatorToken(tokenId: string, now = new Date()): Promise<OperatorTokenView> {
  return db().$transaction(async (tx) => {
    const { count } = await tx.operatorToken.updateMany({ where: { id: tokenId, revokedAt: null }, data: { revokedAt: now } });
    const token = await tx.operatorToken.findUnique({ where: { id: tokenId }, select: VIEW });
    if (!token) throw new UserFacingError("This token was not found.");
    if (count === 1) {
      await recordAudit(tx, {
        ...INSTANCE_TENANT,
        ...credentialRevoked(OPERATOR_TOKEN, token, now),
      });
    }
    return token;
  });
}

/**
 * The operator token a request's `Authorization: Bearer rc_op_…` names, or null for a missing,
 * unknown or revoked one. Other kinds of token (SCIM, Data API, API keys) are never looked up.
 */
export async function authenticateOperatorToken(request: Request, now = new Date()): Promise<{ tokenId: string } | null> {
  const token = bearerToken(request);
  if (!token?.startsWith(OPERATOR_TOKEN_PREFIX)) return null;
  const found = await db().operatorToken.findUnique({ where: { tokenHash: hashToken(token) }, select: { id: true, revokedAt: true, lastUsedAt: true } });
  if (!found || found.revokedAt) return null;
  if (!found.lastUsedAt || now.getTime() - found.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db().operatorToken.update({ where: { id: found.id }, data: { lastUsedAt: now } });
  }
  return { tokenId: found.id };
}
