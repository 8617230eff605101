// Taking people out of a tenant from the console: removing a vendor's or a district's admin,
// and withdrawing an invitation not yet used. Removal deletes the account (what the person
// did stays, attributed in the audit log by email), ends their session at their next request
// and voids the links still waiting for them.
import { UserFacingError } from "@/lib/actions/result";
import { districtTenant, INSTANCE_TENANT, recordAudit, vendorTenant, type AuditTenant } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { describeRole } from "@/lib/invitations/invitations";
import type { TenantKind } from "@/lib/operator/tenants";
import type { Prisma } from "@/generated/prisma/client";

export const ADMIN_NOT_FOUND = "This admin was not found. Another operator may have removed them already.";
export const INVITATION_NOT_PENDING = "This invitation is no longer pending: it was used, withdrawn or has expired.";

export async function removeAdmin(kind: TenantKind, { tenantId, userId }: { tenantId: string; userId: string }): Promise<{ email: string }> {
  const membership = kind === "vendor" ? { role: "VENDOR_ADMIN" as const, vendorId: tenantId } : { role: "DISTRICT_ADMIN" as const, districtId: tenantId };
  return db().$transaction(async (tx) => {
    const admin = await tx.user.findFirst({ where: { id: userId, ...membership }, select: { email: true, name: true } });
    if (!admin) throw new UserFacingError(ADMIN_NOT_FOUND);
    await tx.user.delete({ where: { id: userId } });
    await tx.invitation.updateMany({ where: { email: admin.email, ...membership, usedAt: null }, data: { expiresAt: new Date() } });
    const tenant = kind === "vendor" ? await vendorTenant(tx, tenantId) : await districtTenant(tx, tenantId);
    await recordAudit(tx, {
      ...tenant,
      action: "admin.removed",
      summary: `Removed ${admin.email}, ${describeRole(membership.role)} of ${tenant.tenantName}`,
      before: { email: admin.email, name: admin.name, role: membership.role },
    });
    return { email: admin.email };
  });
}

/** Any pending invitation: a tenant admin's or an operator's. */
export async function withdrawInvitation(invitationId: string, now = new Date()): Promise<{ email: string }> {
  return db().$transaction(async (tx) => {
    const withdrawn = await tx.invitation.updateManyAndReturn({
      where: { id: invitationId, usedAt: null, expiresAt: { gt: now } },
      data: { expiresAt: now },
      select: { email: true, role: true, vendorId: true, districtId: true },
    });
    const [invitation] = withdrawn;
    if (!invitation) throw new UserFacingError(INVITATION_NOT_PENDING);
    const tenant = await tenantOfInvitation(tx, invitation);
    await recordAudit(tx, {
      ...tenant,
      action: "invitation.withdrawn",
      summary: `Withdrew the invitation of ${invitation.email} as ${describeRole(invitation.role)} of ${tenant.tenantName}`,
      before: { email: invitation.email, role: invitation.role, status: "pending" },
      after: { email: invitation.email, role: invitation.role, status: "withdrawn" },
    });
    return { email: invitation.email };
  });
}

function tenantOfInvitation(tx: Prisma.TransactionClient, invitation: { vendorId: string | null; districtId: string | null }): Promise<AuditTenant> {
  if (invitation.vendorId) return vendorTenant(tx, invitation.vendorId);
  if (invitation.districtId) return districtTenant(tx, invitation.districtId);
  return Promise.resolve(INSTANCE_TENANT);
}
