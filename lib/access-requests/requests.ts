// Requests between districts and vendors about one application:
// - a district asks to revoke the vendor's access to one school (approved at once when the
//   application's auto-approve is on, otherwise by the vendor);
// - a vendor asks a district for access; the district's approval activates the application
//   *without* auto-provisioning, so no webhook is ever sent for it (the seed's Caution).
// A pending request carries an `openKey`, unique, so the same request is never open twice.
import { randomUUID } from "node:crypto";
import { UserFacingError } from "@/lib/actions/result";
import type { DistrictActor } from "@/lib/activations/activate";
import { recordApplicationAudit } from "@/lib/applications/audit";
import { APPLICATION_NOT_FOUND } from "@/lib/applications/queries";
import { districtTenant, recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import type { Prisma } from "@/generated/prisma/client";

export type VendorActor = { id: string; vendorId: string };
export type Decision = "approve" | "deny";

export const REQUEST_NOT_FOUND = "This request was not found. It may have been withdrawn.";
const DISTRICT_NOT_FOUND = "This district was not found.";

export async function requestSchoolRevocation(
  actor: DistrictActor,
  { applicationId, orgId }: { applicationId: string; orgId: string },
  now = new Date(),
): Promise<{ status: "approved" | "pending" }> {
  return db().$transaction(async (tx) => {
    const activation = await tx.activation.findFirst({
      where: { districtId: actor.districtId, applicationId, status: "active" },
      select: { application: { select: { name: true, provisioning: { select: { autoApprove: true } } } } },
    });
    if (!activation) throw new UserFacingError("This application is not active for your district, so no school's access needs revoking.");
    const school = await tx.org.findFirst({ where: { id: orgId, districtId: actor.districtId, type: "school" }, select: { name: true } });
    if (!school) throw new UserFacingError("This school was not found in your district.");

    const scope = { kind: "revoke_school", applicationId, districtId: actor.districtId, orgId } as const;
    const revoked = await tx.accessRequest.findFirst({ where: { ...scope, status: "approved" }, select: { id: true } });
    if (revoked) throw new UserFacingError(`Access to ${school.name} is already revoked.`);

    const audit = async (status: "approved" | "pending") =>
      recordAudit(tx, {
        ...(await districtTenant(tx, actor.districtId)),
        action: "school_revocation.requested",
        summary: `Asked to revoke ${school.name}'s access to ${activation.application.name}${status === "approved" ? " (approved at once)" : ""}`,
        after: { application: activation.application.name, applicationId, school: school.name, status },
      });

    if (activation.application.provisioning?.autoApprove) {
      await tx.accessRequest.create({
        data: { ...scope, status: "approved", autoApproved: true, requestedById: actor.id, requestedAt: now, decidedAt: now },
      });
      await audit("approved");
      return { status: "approved" };
    }
    // Asking twice while the first request waits is not an error: it is the same request.
    const created = await tx.accessRequest.createMany({
      data: [{ id: randomUUID(), ...scope, openKey: openKey(scope), requestedById: actor.id, requestedAt: now }],
      skipDuplicates: true,
    });
    if (created.count === 1) await audit("pending");
    return { status: "pending" };
  });
}

export async function requestDistrictAccess(
  actor: VendorActor,
  { applicationId, districtId }: { applicationId: string; districtId: string },
  now = new Date(),
): Promise<{ alreadyRequested: boolean }> {
  return db().$transaction(async (tx) => {
    const application = await tx.application.findFirst({ where: { id: applicationId, vendorId: actor.vendorId }, select: { id: true } });
    if (!application) throw new UserFacingError(APPLICATION_NOT_FOUND);
    const district = await tx.district.findFirst({
      where: { id: districtId, sandbox: false },
      select: { name: true, activations: { where: { applicationId, status: "active" }, select: { id: true } } },
    });
    if (!district) throw new UserFacingError(DISTRICT_NOT_FOUND);
    if (district.activations.length > 0) throw new UserFacingError(`${district.name} already has this application.`);

    const scope = { kind: "vendor_access", applicationId, districtId } as const;
    const created = await tx.accessRequest.createMany({
      data: [{ id: randomUUID(), ...scope, openKey: openKey(scope), requestedById: actor.id, requestedAt: now }],
      skipDuplicates: true,
    });
    if (created.count === 1) {
      await recordApplicationAudit(tx, applicationId, {
        action: "access_request.created",
        summary: (name) => `Access to ${district.name} requested for ${name}`,
        after: { kind: scope.kind, district: district.name, districtId, status: "pending" },
      });
    }
    return { alreadyRequested: created.count === 0 };
  });
}

/** The district's answer to a vendor's access request. */
export async function decideVendorAccessRequest(
  actor: DistrictActor,
  { requestId, decision }: { requestId: string; decision: Decision },
  now = new Date(),
): Promise<{ status: "approved" | "denied" }> {
  return db().$transaction(async (tx) => {
    const status = decision === "approve" ? "approved" : "denied";
    const decided = await tx.accessRequest.updateMany({
      where: { id: requestId, districtId: actor.districtId, kind: "vendor_access", status: "pending" },
      data: { status, openKey: null, decidedById: actor.id, decidedAt: now },
    });
    const request = await tx.accessRequest.findFirst({
      where: { id: requestId, districtId: actor.districtId, kind: "vendor_access" },
      select: { applicationId: true, status: true, application: { select: { name: true, vendor: { select: { name: true } } } } },
    });
    if (!request) throw new UserFacingError(REQUEST_NOT_FOUND);
    if (decided.count === 0) return settledStatus(request.status);
    if (status === "approved") await activateAtVendorRequest(tx, actor, request.applicationId, now);
    const { application } = request;
    await recordAudit(tx, {
      ...(await districtTenant(tx, actor.districtId)),
      action: status === "approved" ? "access_request.approved" : "access_request.denied",
      summary: `${status === "approved" ? "Approved" : "Denied"} ${application.vendor.name}'s request for access to ${application.name}`,
      before: { application: application.name, applicationId: request.applicationId, status: "pending" },
      after: { application: application.name, applicationId: request.applicationId, status },
    });
    return { status };
  });
}

/** The vendor's answer to a district's request to revoke one school's access. */
export async function decideSchoolRevocation(
  actor: VendorActor,
  { requestId, decision }: { requestId: string; decision: Decision },
  now = new Date(),
): Promise<{ status: "approved" | "denied" }> {
  const scope = { id: requestId, kind: "revoke_school", application: { vendorId: actor.vendorId } } as const;
  return db().$transaction(async (tx) => {
    const status = decision === "approve" ? "approved" : "denied";
    const decided = await tx.accessRequest.updateMany({
      where: { ...scope, status: "pending" },
      data: { status, openKey: null, decidedById: actor.id, decidedAt: now },
    });
    if (decided.count === 1) {
      await recordRevocationDecision(tx, requestId, status);
      return { status };
    }
    const request = await tx.accessRequest.findFirst({ where: scope, select: { status: true } });
    if (!request) throw new UserFacingError(REQUEST_NOT_FOUND);
    return settledStatus(request.status);
  });
}

async function recordRevocationDecision(tx: Prisma.TransactionClient, requestId: string, status: "approved" | "denied") {
  const request = await tx.accessRequest.findUniqueOrThrow({
    where: { id: requestId },
    select: { applicationId: true, district: { select: { name: true } }, org: { select: { name: true } } },
  });
  const school = request.org?.name ?? "a school";
  await recordApplicationAudit(tx, request.applicationId, {
    action: status === "approved" ? "access_request.approved" : "access_request.denied",
    summary: (name) => `${status === "approved" ? "Approved" : "Denied"} ${request.district.name}'s request to revoke ${school}'s access to ${name}`,
    before: { kind: "revoke_school", district: request.district.name, school, status: "pending" },
    after: { kind: "revoke_school", district: request.district.name, school, status },
  });
}

/** Activates (or reactivates) without auto-provisioning; an already active activation stays as it is. */
async function activateAtVendorRequest(tx: Prisma.TransactionClient, actor: DistrictActor, applicationId: string, now: Date) {
  const pair = { districtId: actor.districtId, applicationId };
  const fresh = { mode: "standard", origin: "vendor_request", autoProvisioned: false, status: "active", activatedAt: now, deactivatedAt: null } as const;
  const created = await tx.activation.createMany({ data: [{ id: randomUUID(), ...pair, ...fresh }], skipDuplicates: true });
  const reactivated = created.count === 1 ? created : await tx.activation.updateMany({ where: { ...pair, status: "deactivated" }, data: fresh });
  if (reactivated.count === 0) return;
  const { id } = await tx.activation.findUniqueOrThrow({ where: { districtId_applicationId: pair }, select: { id: true } });
  await tx.activationEvent.create({ data: { activationId: id, kind: "activated", mode: "standard", actorId: actor.id, createdAt: now } });
}

function openKey(scope: { kind: string; applicationId: string; districtId: string; orgId?: string }): string {
  return [scope.kind, scope.applicationId, scope.districtId, scope.orgId].filter(Boolean).join(":");
}

/** A request answered before (another tab, another admin): report how it was settled. */
function settledStatus(status: "pending" | "approved" | "denied"): { status: "approved" | "denied" } {
  if (status === "pending") throw new UserFacingError(REQUEST_NOT_FOUND);
  return { status };
}
