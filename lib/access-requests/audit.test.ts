// The audit log's record of a vendor admin's access requests and decisions, against a real
// PostgreSQL; only the session is faked.
import { describe, expect, it, vi } from "vitest";
import { decideSchoolRevocationAction, requestDistrictAccessAction } from "@/lib/access-requests/actions";
import { decideVendorAccessRequestAction, requestSchoolRevocationAction } from "@/lib/activations/actions";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { createActivation, createDistrictAdmin, createSchool, createVendorWithApplication, publishApplication } from "@/test/factories";

vi.mock("@/lib/auth/session", () => ({ getSessionUser: vi.fn() }));
const signInAs = (user: SessionUser) => vi.mocked(getSessionUser).mockResolvedValue(user);

const eventsOf = (vendorId: string) => db().auditEvent.findMany({ where: { tenantId: vendorId }, orderBy: { at: "asc" } });

describe("auditing access requests", () => {
  it("records a vendor's request for access once, however often it is asked", async () => {
    const acme = await createVendorWithApplication("Acme");
    const district = await createDistrictAdmin();
    signInAs(acme.admin);
    const request = { applicationId: acme.application.id, districtId: district.districtId! };
    expect(await requestDistrictAccessAction(request)).toEqual({ ok: true, data: { alreadyRequested: false } });
    expect(await requestDistrictAccessAction(request)).toEqual({ ok: true, data: { alreadyRequested: true } });

    expect(await eventsOf(acme.vendor.id)).toEqual([
      expect.objectContaining({
        action: "access_request.created",
        summary: "Access to Test District requested for Acme App",
        actorUserId: acme.admin.id,
        actorRole: "VENDOR_ADMIN",
        tenantType: "vendor",
        tenantName: "Acme",
        after: { kind: "vendor_access", district: "Test District", districtId: district.districtId, status: "pending" },
      }),
    ]);
  });

  it("records the vendor's decision on a school's revocation, once", async () => {
    const acme = await createVendorWithApplication("Acme");
    const district = await createDistrictAdmin();
    const districtId = district.districtId!;
    await createActivation(districtId, acme.application.id);
    const school = await createSchool(districtId, "Lincoln Elementary");
    const pending = await db().accessRequest.create({
      data: {
        kind: "revoke_school",
        applicationId: acme.application.id,
        districtId,
        orgId: school.id,
        openKey: `revoke_school:${acme.application.id}:${districtId}:${school.id}`,
        requestedById: district.id,
      },
    });

    signInAs((await createVendorWithApplication()).admin);
    expect((await decideSchoolRevocationAction({ requestId: pending.id, decision: "deny" })).ok).toBe(false);
    signInAs(acme.admin);
    expect(await decideSchoolRevocationAction({ requestId: pending.id, decision: "deny" })).toEqual({ ok: true, data: { status: "denied" } });
    expect(await decideSchoolRevocationAction({ requestId: pending.id, decision: "approve" })).toEqual({ ok: true, data: { status: "denied" } });

    expect(await eventsOf(acme.vendor.id)).toEqual([
      expect.objectContaining({
        action: "access_request.denied",
        summary: "Denied Test District's request to revoke Lincoln Elementary's access to Acme App",
        actorUserId: acme.admin.id,
        before: { kind: "revoke_school", district: "Test District", school: "Lincoln Elementary", status: "pending" },
        after: { kind: "revoke_school", district: "Test District", school: "Lincoln Elementary", status: "denied" },
      }),
    ]);
  });

  it("records a district's request to revoke a school once, and the district's answer to a vendor", async () => {
    const acme = await createVendorWithApplication("Acme");
    const district = await createDistrictAdmin();
    const districtId = district.districtId!;
    await createActivation(districtId, acme.application.id);
    const school = await createSchool(districtId, "Lincoln Elementary");

    signInAs(district);
    const revocation = { applicationId: acme.application.id, orgId: school.id };
    expect(await requestSchoolRevocationAction(revocation)).toEqual({ ok: true, data: { status: "pending" } });
    expect(await requestSchoolRevocationAction(revocation)).toEqual({ ok: true, data: { status: "pending" } });

    const beta = await createVendorWithApplication("Beta");
    await publishApplication(beta.application.id);
    signInAs(beta.admin);
    await requestDistrictAccessAction({ applicationId: beta.application.id, districtId });
    const request = await db().accessRequest.findFirstOrThrow({ where: { applicationId: beta.application.id, districtId } });
    signInAs(district);
    expect(await decideVendorAccessRequestAction({ requestId: request.id, decision: "approve" })).toEqual({ ok: true, data: { status: "approved" } });
    expect(await decideVendorAccessRequestAction({ requestId: request.id, decision: "deny" })).toEqual({ ok: true, data: { status: "approved" } });

    expect(await eventsOf(districtId)).toEqual([
      expect.objectContaining({
        action: "school_revocation.requested",
        summary: "Asked to revoke Lincoln Elementary's access to Acme App",
        actorUserId: district.id,
        actorRole: "DISTRICT_ADMIN",
        tenantType: "district",
        tenantName: "Test District",
        after: { application: "Acme App", applicationId: acme.application.id, school: "Lincoln Elementary", status: "pending" },
      }),
      expect.objectContaining({
        action: "access_request.approved",
        summary: "Approved Beta's request for access to Beta App",
        actorUserId: district.id,
        before: { application: "Beta App", applicationId: beta.application.id, status: "pending" },
        after: { application: "Beta App", applicationId: beta.application.id, status: "approved" },
      }),
    ]);
  });
});
