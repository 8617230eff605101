// What the operator console's pages read. Operators never see secret values: tokens, keys and
// secrets appear only as counts.
import { db } from "@/lib/db";
import type { AuditRow } from "@/lib/audit/search";

const ADMIN = { id: true, email: true, name: true, lastSignedInAt: true } as const;
const INVITATION = { id: true, email: true, name: true, createdAt: true, expiresAt: true, usedAt: true } as const;

export type AdminView = { id: string; email: string; name: string; lastSignedInAt: Date | null };
export type InvitationView = { id: string; email: string; name: string; createdAt: Date; expiresAt: Date; usedAt: Date | null };

/** A vendor with its admins, invitations and what it holds; null for an unknown id. */
export async function getVendorDetail(vendorId: string) {
  const vendor = await db().vendor.findUnique({
    where: { id: vendorId },
    select: {
      id: true,
      name: true,
      createdAt: true,
      autoProvisioningAvailable: true,
      suspendedAt: true,
      admins: { select: ADMIN, orderBy: { email: "asc" } },
      invitations: { select: INVITATION, orderBy: { createdAt: "desc" }, take: 20 },
      _count: { select: { applications: true, apiKeys: { where: { revokedAt: null } }, dataApiCredentials: true } },
    },
  });
  if (!vendor) return null;
  const [autoProvisioningOn, signingSecrets] = await Promise.all([
    countApplicationsWithAutoProvisioning(vendorId),
    db().webhookSigningSecret.count({ where: { application: { vendorId } } }),
  ]);
  const { _count, ...rest } = vendor;
  return {
    ...rest,
    counts: {
      applications: _count.applications,
      autoProvisioningOn,
      partnerApiKeys: _count.apiKeys,
      dataApiCredentials: _count.dataApiCredentials,
      signingSecrets,
    },
  };
}

export function countApplicationsWithAutoProvisioning(vendorId: string): Promise<number> {
  return db().application.count({ where: { vendorId, provisioning: { autoProvisioning: true } } });
}

/** A district with its admins, invitations and what it holds; null for an unknown id or the sandbox. */
export async function getDistrictDetail(districtId: string) {
  const district = await db().district.findFirst({
    where: { id: districtId, sandbox: false },
    select: {
      id: true,
      name: true,
      state: true,
      districtGuid: true,
      createdAt: true,
      suspendedAt: true,
      ssoConnection: { select: { signInEnabled: true } },
      admins: { select: ADMIN, orderBy: { email: "asc" } },
      invitations: { select: INVITATION, orderBy: { createdAt: "desc" }, take: 20 },
      _count: {
        select: {
          activations: { where: { status: "active" } },
          scimTokens: { where: { revokedAt: null } },
          districtApiTokens: { where: { revokedAt: null } },
          sftpKeys: true,
          dataApiCredentials: true,
        },
      },
    },
  });
  if (!district) return null;
  const { _count, ssoConnection, ...rest } = district;
  return {
    ...rest,
    sso: ssoConnection ? (ssoConnection.signInEnabled ? "on" : "configured") : "off",
    counts: {
      activations: _count.activations,
      scimTokens: _count.scimTokens,
      districtApiTokens: _count.districtApiTokens,
      sftpKeys: _count.sftpKeys,
      dataApiCredentials: _count.dataApiCredentials,
    },
  } as const;
}

/** An audit event as the overview lists it: who, where and what, without before → after or the IP. */
export type AuditEventView = Omit<AuditRow, "before" | "after" | "ip">;

/** The console's overview: how many tenants, how many suspended, pending invitations, the latest audit events. */
export async function getOperatorOverview(now = new Date()) {
  const [vendors, districts, suspendedVendors, suspendedDistricts, pendingInvitations, latestEvents] = await Promise.all([
    db().vendor.count(),
    db().district.count({ where: { sandbox: false } }),
    db().vendor.count({ where: { suspendedAt: { not: null } } }),
    db().district.count({ where: { sandbox: false, suspendedAt: { not: null } } }),
    db().invitation.count({ where: { usedAt: null, expiresAt: { gt: now } } }),
    db().auditEvent.findMany({
      orderBy: { at: "desc" },
      take: 10,
      select: { id: true, at: true, actorEmail: true, actorRole: true, action: true, summary: true, tenantType: true, tenantId: true, tenantName: true },
    }),
  ]);
  return { vendors, districts, suspended: suspendedVendors + suspendedDistricts, pendingInvitations, latestEvents: latestEvents satisfies AuditEventView[] };
}
