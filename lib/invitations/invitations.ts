// One-time links that let a new admin (or operator) set their password: the secret lives only
// in the link, the database keeps its SHA-256. A link expires after 72 hours and works once.
import type { Prisma } from "@/generated/prisma/client";
import { UserFacingError } from "@/lib/actions/result";
import { recordAudit, requestIp, SYSTEM_ACTOR, type AuditActor } from "@/lib/audit/record";
import { hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/roles";
import { getConfig } from "@/lib/config";
import { hashToken, newOpaqueToken } from "@/lib/crypto/opaque-token";
import { db } from "@/lib/db";
import { invitationEmailSchema, newAccountSchema } from "@/lib/invitations/schema";

export const INVITATION_LIFETIME_HOURS = 72;
const LIFETIME_MS = INVITATION_LIFETIME_HOURS * 60 * 60 * 1000;
const SECRET_PREFIX = "rc_inv_";

export const EMAIL_TAKEN_BY_OTHER_ACCOUNT =
  "This email already belongs to another Rollcall account. Invite a different address, or ask that person to use theirs.";
const EMAIL_TAKEN_ON_ACCEPT =
  "This email already belongs to another Rollcall account, so this invitation cannot be used. Ask your Rollcall operator for an invitation to a different address.";

export type InvitationRefusal = { ok: false; reason: "unknown" | "expired" | "used" };

type Membership = { role: Role; vendorId: string | null; districtId: string | null };
type Tenant = { type: "vendor" | "district" | "instance"; id: string | null; name: string };

/** Creates an invitation (secret shown once inside the returned link, stored hashed) for the first admin of a vendor or district, or an operator. */
export async function createInvitation(
  input: { email: string; name: string; role: Role; vendorId?: string; districtId?: string; createdById: string | null },
  now = new Date(),
): Promise<{ id: string; link: string; expiresAt: Date }> {
  const email = invitationEmailSchema.safeParse(input.email);
  if (!email.success) throw new UserFacingError("Enter a valid email address.", { fieldErrors: { email: "Enter a valid email address" } });
  const membership = membershipOf(input);
  const secret = newOpaqueToken(SECRET_PREFIX);
  const expiresAt = new Date(now.getTime() + LIFETIME_MS);
  const ip = await requestIp();

  const invitation = await db().$transaction(async (tx) => {
    const tenant = await tenantOf(tx, membership);
    const existing = await tx.user.findUnique({ where: { email: email.data } });
    if (existing && !sameMembership(existing, membership)) {
      throw new UserFacingError(EMAIL_TAKEN_BY_OTHER_ACCOUNT, { fieldErrors: { email: "This email already belongs to another account" } });
    }
    // A new link replaces the ones sent before to the same person for the same place.
    await tx.invitation.updateMany({
      where: { email: email.data, ...membership, usedAt: null, expiresAt: { gt: now } },
      data: { expiresAt: now },
    });
    const created = await tx.invitation.create({
      data: { tokenHash: hashToken(secret), email: email.data, name: input.name.trim(), ...membership, createdById: input.createdById, expiresAt, createdAt: now },
    });
    await recordAudit(tx, {
      actor: await actorOf(tx, input.createdById),
      tenantType: tenant.type,
      tenantId: tenant.id,
      tenantName: tenant.name,
      action: membership.role === "OPERATOR" ? "operator.invited" : "invitation.created",
      summary: `Invited ${email.data} as ${describeRole(membership.role)} of ${tenant.name}`,
      after: { email: email.data, name: created.name, role: membership.role, expiresAt },
      ip,
    });
    return created;
  });
  return { id: invitation.id, link: `${getConfig().publicUrl}/invite/${secret}`, expiresAt };
}

/** What the set-password page shows for a link: valid (email, name, organisation) or why not (expired, used, unknown) — without consuming it. */
export async function describeInvitation(
  secret: string,
  now = new Date(),
): Promise<{ ok: true; email: string; name: string; organisation: string; role: Role } | InvitationRefusal> {
  const invitation = await db().invitation.findUnique({ where: { tokenHash: hashToken(secret) } });
  const refusal = refusalOf(invitation, now);
  if (refusal || !invitation) return refusal ?? { ok: false, reason: "unknown" };
  const tenant = await tenantOf(db(), invitation);
  return { ok: true, email: invitation.email, name: invitation.name, organisation: tenant.name, role: invitation.role };
}

/** Sets the password and creates (or, for an existing user of that email and tenant, updates) the user, marking the link used — atomically, so a link works once even under two clicks. */
export async function acceptInvitation(
  secret: string,
  input: { name: string; password: string },
  now = new Date(),
): Promise<{ ok: true; userId: string; role: Role } | InvitationRefusal> {
  const parsed = newAccountSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0] ?? "form")] ??= issue.message;
    throw new UserFacingError("Check the highlighted fields.", { fieldErrors });
  }
  const tokenHash = hashToken(secret);
  const pending = refusalOf(await db().invitation.findUnique({ where: { tokenHash } }), now);
  if (pending) return pending;
  const passwordHash = await hashPassword(parsed.data.password);
  const ip = await requestIp();

  return db().$transaction(async (tx) => {
    // The claim is the guard against a second click: only one transaction can flip usedAt.
    const claimed = await tx.invitation.updateMany({ where: { tokenHash, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    if (claimed.count === 0) return refusalOf(await tx.invitation.findUnique({ where: { tokenHash } }), now) ?? { ok: false, reason: "used" };
    const invitation = await tx.invitation.findUniqueOrThrow({ where: { tokenHash } });
    const membership = membershipOf(invitation);
    const existing = await tx.user.findUnique({ where: { email: invitation.email } });
    // Thrown, not returned, so that the claim rolls back and the link stays usable.
    if (existing && !sameMembership(existing, membership)) throw new UserFacingError(EMAIL_TAKEN_ON_ACCEPT);
    const name = parsed.data.name;
    const user = existing
      ? await tx.user.update({ where: { id: existing.id }, data: { name, passwordHash } })
      : await tx.user.create({ data: { email: invitation.email, name, passwordHash, ...membership } });
    const tenant = await tenantOf(tx, membership);
    await recordAudit(tx, {
      actor: { userId: user.id, email: user.email, role: user.role },
      tenantType: tenant.type,
      tenantId: tenant.id,
      tenantName: tenant.name,
      action: "invitation.accepted",
      summary: `${user.email} accepted the invitation and ${existing ? "set a new password" : "created their account"}`,
      after: { email: user.email, name, role: user.role },
      ip,
    });
    return { ok: true as const, userId: user.id, role: user.role };
  });
}

function refusalOf(invitation: { usedAt: Date | null; expiresAt: Date } | null, now: Date): InvitationRefusal | null {
  if (!invitation) return { ok: false, reason: "unknown" };
  if (invitation.usedAt) return { ok: false, reason: "used" };
  if (invitation.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: "expired" };
  return null;
}

function membershipOf(input: { role: Role; vendorId?: string | null; districtId?: string | null }): Membership {
  const membership = { role: input.role, vendorId: input.vendorId ?? null, districtId: input.districtId ?? null };
  const valid =
    (membership.role === "VENDOR_ADMIN" && membership.vendorId && !membership.districtId) ||
    (membership.role === "DISTRICT_ADMIN" && membership.districtId && !membership.vendorId) ||
    (membership.role === "OPERATOR" && !membership.vendorId && !membership.districtId);
  if (!valid) throw new Error(`An invitation for ${membership.role} needs exactly its own kind of tenant.`);
  return membership;
}

function sameMembership(user: Membership, membership: Membership): boolean {
  return user.role === membership.role && user.vendorId === membership.vendorId && user.districtId === membership.districtId;
}

async function tenantOf(client: Prisma.TransactionClient, membership: Membership): Promise<Tenant> {
  if (membership.vendorId) {
    const vendor = await client.vendor.findUniqueOrThrow({ where: { id: membership.vendorId }, select: { name: true } });
    return { type: "vendor", id: membership.vendorId, name: vendor.name };
  }
  if (membership.districtId) {
    const district = await client.district.findUniqueOrThrow({ where: { id: membership.districtId }, select: { name: true } });
    return { type: "district", id: membership.districtId, name: district.name };
  }
  return { type: "instance", id: null, name: "Rollcall" };
}

async function actorOf(client: Prisma.TransactionClient, userId: string | null): Promise<AuditActor> {
  if (!userId) return SYSTEM_ACTOR;
  const user = await client.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, email: true, role: true } });
  return { userId: user.id, email: user.email, role: user.role };
}

export function describeRole(role: Role): string {
  return { VENDOR_ADMIN: "vendor admin", DISTRICT_ADMIN: "district admin", OPERATOR: "operator" }[role];
}
