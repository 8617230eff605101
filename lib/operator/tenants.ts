// What an operator changes about a vendor or a district: creating one, the vendor's
// auto-provisioning capability, suspension. Every change and its audit event are written in
// one transaction, so no change goes unrecorded.
import { randomUUID } from "node:crypto";
import { UserFacingError } from "@/lib/actions/result";
import { recordAudit, type AuditActor } from "@/lib/audit/record";
import type { Operator } from "@/lib/auth/guards";
import { db } from "@/lib/db";
import { countApplicationsWithAutoProvisioning } from "@/lib/operator/queries";

export type TenantKind = "vendor" | "district";

export function auditActorOf(operator: Operator): AuditActor {
  return { userId: operator.id, email: operator.email, role: operator.role };
}

export async function createVendor(operator: Operator, input: { name: string }, ip: string | null): Promise<{ id: string; name: string }> {
  return db().$transaction(async (tx) => {
    const taken = await tx.vendor.findFirst({ where: { name: { equals: input.name, mode: "insensitive" } }, select: { id: true } });
    if (taken) throw nameTaken(`A vendor named “${input.name}” already exists.`);
    const vendor = await tx.vendor.create({ data: { name: input.name }, select: { id: true, name: true, autoProvisioningAvailable: true } });
    await recordAudit(tx, {
      actor: auditActorOf(operator),
      tenantType: "vendor",
      tenantId: vendor.id,
      tenantName: vendor.name,
      action: "vendor.created",
      summary: `Vendor ${vendor.name} created`,
      after: { name: vendor.name, autoProvisioningAvailable: vendor.autoProvisioningAvailable },
      ip,
    });
    return { id: vendor.id, name: vendor.name };
  });
}

/** Districts in different states may share a name (there are many Springfields); within a state they may not. */
export async function createDistrict(
  operator: Operator,
  input: { name: string; state: string },
  ip: string | null,
): Promise<{ id: string; name: string; state: string; districtGuid: string }> {
  return db().$transaction(async (tx) => {
    const taken = await tx.district.findFirst({
      where: { name: { equals: input.name, mode: "insensitive" }, state: input.state, sandbox: false },
      select: { id: true },
    });
    if (taken) throw nameTaken(`A district named “${input.name}” already exists in ${input.state}.`);
    const district = await tx.district.create({
      data: { name: input.name, state: input.state, districtGuid: randomUUID() },
      select: { id: true, name: true, state: true, districtGuid: true },
    });
    await recordAudit(tx, {
      actor: auditActorOf(operator),
      tenantType: "district",
      tenantId: district.id,
      tenantName: district.name,
      action: "district.created",
      summary: `District ${district.name} (${district.state}) created`,
      after: { name: district.name, state: district.state, districtGuid: district.districtGuid },
      ip,
    });
    return district;
  });
}

/**
 * Turns the vendor's auto-provisioning capability on or off. Applications keep their own
 * settings: while the capability is off, the webhook dispatcher sends nothing for them.
 */
export async function setAutoProvisioningAvailable(
  operator: Operator,
  vendorId: string,
  available: boolean,
  ip: string | null,
): Promise<{ available: boolean; applicationsWithAutoProvisioning: number }> {
  const result = await db().$transaction(async (tx) => {
    const vendor = await tx.vendor.findUnique({ where: { id: vendorId }, select: { name: true, autoProvisioningAvailable: true } });
    if (!vendor) throw new UserFacingError("This vendor was not found.");
    if (vendor.autoProvisioningAvailable === available) return { available };
    await tx.vendor.update({ where: { id: vendorId }, data: { autoProvisioningAvailable: available } });
    await recordAudit(tx, {
      actor: auditActorOf(operator),
      tenantType: "vendor",
      tenantId: vendorId,
      tenantName: vendor.name,
      action: available ? "vendor.auto_provisioning_enabled" : "vendor.auto_provisioning_disabled",
      summary: available ? `Auto-provisioning made available to ${vendor.name}` : `Auto-provisioning withdrawn from ${vendor.name}`,
      before: { autoProvisioningAvailable: vendor.autoProvisioningAvailable },
      after: { autoProvisioningAvailable: available },
      ip,
    });
    return { available };
  });
  return { ...result, applicationsWithAutoProvisioning: await countApplicationsWithAutoProvisioning(vendorId) };
}

/** Suspends or resumes a vendor or a district; suspending one already suspended keeps its first date. */
export async function setSuspended(
  operator: Operator,
  kind: TenantKind,
  tenantId: string,
  suspend: boolean,
  ip: string | null,
  now = new Date(),
): Promise<{ suspendedAt: Date | null }> {
  return db().$transaction(async (tx) => {
    const tenant =
      kind === "vendor"
        ? await tx.vendor.findUnique({ where: { id: tenantId }, select: { name: true, suspendedAt: true } })
        : await tx.district.findFirst({ where: { id: tenantId, sandbox: false }, select: { name: true, suspendedAt: true } });
    if (!tenant) throw new UserFacingError(`This ${kind} was not found.`);
    if ((tenant.suspendedAt !== null) === suspend) return { suspendedAt: tenant.suspendedAt };

    const suspendedAt = suspend ? now : null;
    if (kind === "vendor") await tx.vendor.update({ where: { id: tenantId }, data: { suspendedAt } });
    else await tx.district.update({ where: { id: tenantId }, data: { suspendedAt } });
    await recordAudit(tx, {
      actor: auditActorOf(operator),
      tenantType: kind,
      tenantId,
      tenantName: tenant.name,
      action: `${kind}.${suspend ? "suspended" : "resumed"}`,
      summary: `${kind === "vendor" ? "Vendor" : "District"} ${tenant.name} ${suspend ? "suspended" : "resumed"}`,
      before: { suspendedAt: tenant.suspendedAt },
      after: { suspendedAt },
      ip,
    });
    return { suspendedAt };
  });
}

function nameTaken(message: string): UserFacingError {
  return new UserFacingError(message, { fieldErrors: { name: message } });
}
