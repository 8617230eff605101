// Access requests between districts and vendors, against a real PostgreSQL; only the session is faked.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { decideSchoolRevocationAction, requestDistrictAccessAction } from "@/lib/access-requests/actions";
import { REQUEST_NOT_FOUND } from "@/lib/access-requests/requests";
import { activateApplicationAction, decideVendorAccessRequestAction, requestSchoolRevocationAction } from "@/lib/activations/actions";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { ensureSandboxDistrict } from "@/lib/roster/sandbox";
import { createDistrictAdmin, createVendorWithApplication } from "@/test/factories";

vi.mock("@/lib/auth/session", () => ({ getSessionUser: vi.fn() }));

function signInAs(user: SessionUser | null) {
  vi.mocked(getSessionUser).mockResolvedValue(user);
}

async function vendorWithPublishedApplication({ autoProvisioning }: { autoProvisioning: boolean }) {
  const vendor = await createVendorWithApplication(undefined, { webhookUrl: "https://hooks.vendor.test/rollcall" });
  await db().application.update({
    where: { id: vendor.application.id },
    data: { publishedAt: new Date(), provisioning: { update: { autoProvisioning, autoApprove: autoProvisioning } } },
  });
  return vendor;
}

async function schoolOf(admin: SessionUser, name = "Lincoln Elementary") {
  return db().org.create({ data: { districtId: admin.districtId!, sourcedId: randomUUID(), type: "school", name } });
}

async function activate(admin: SessionUser, applicationId: string) {
  signInAs(admin);
  const result = await activateApplicationAction({ applicationId, mode: "standard", idempotencyKey: randomUUID() });
  if (!result.ok) throw new Error(result.formError);
}

describe("revoking access for one school", () => {
  let district: SessionUser;

  beforeEach(async () => {
    district = await createDistrictAdmin();
  });

  it("is approved at once when the application's auto-approve is on", async () => {
    const vendor = await vendorWithPublishedApplication({ autoProvisioning: true });
    const school = await schoolOf(district);
    await activate(district, vendor.application.id);

    const result = await requestSchoolRevocationAction({ applicationId: vendor.application.id, orgId: school.id });
    expect(result).toEqual({ ok: true, data: { status: "approved" } });
    const again = await requestSchoolRevocationAction({ applicationId: vendor.application.id, orgId: school.id });
    expect(again).toEqual({ ok: false, formError: "Access to Lincoln Elementary is already revoked." });
  });

  it("otherwise waits for the vendor, once however often it is asked, and the vendor decides", async () => {
    const vendor = await vendorWithPublishedApplication({ autoProvisioning: false });
    const school = await schoolOf(district);
    await activate(district, vendor.application.id);

    const asked = await Promise.all([1, 2, 3].map(() => requestSchoolRevocationAction({ applicationId: vendor.application.id, orgId: school.id })));
    expect(asked.map((result) => result.ok && result.data.status)).toEqual(["pending", "pending", "pending"]);
    const pending = await db().accessRequest.findMany({ where: { applicationId: vendor.application.id, status: "pending" } });
    expect(pending).toHaveLength(1);

    signInAs(await createVendorWithApplication().then((other) => other.admin));
    expect(await decideSchoolRevocationAction({ requestId: pending[0]!.id, decision: "approve" })).toEqual({ ok: false, formError: REQUEST_NOT_FOUND });

    signInAs(vendor.admin);
    expect(await decideSchoolRevocationAction({ requestId: pending[0]!.id, decision: "approve" })).toEqual({ ok: true, data: { status: "approved" } });
    expect(await decideSchoolRevocationAction({ requestId: pending[0]!.id, decision: "deny" })).toEqual({ ok: true, data: { status: "approved" } });
  });

  it("refuses another district's school and applications the district has not activated", async () => {
    const vendor = await vendorWithPublishedApplication({ autoProvisioning: true });
    const foreignSchool = await schoolOf(await createDistrictAdmin());
    signInAs(district);
    const notActive = await requestSchoolRevocationAction({ applicationId: vendor.application.id, orgId: foreignSchool.id });
    expect(notActive.ok).toBe(false);

    await activate(district, vendor.application.id);
    const foreign = await requestSchoolRevocationAction({ applicationId: vendor.application.id, orgId: foreignSchool.id });
    expect(foreign).toEqual({ ok: false, formError: "This school was not found in your district." });
    expect(await db().accessRequest.count({ where: { applicationId: vendor.application.id } })).toBe(0);
  });
});

describe("a vendor requesting access to a district", () => {
  it("activates on the district's approval without auto-provisioning: no webhook", async () => {
    const vendor = await vendorWithPublishedApplication({ autoProvisioning: true });
    const district = await createDistrictAdmin();
    signInAs(vendor.admin);

    const first = await requestDistrictAccessAction({ applicationId: vendor.application.id, districtId: district.districtId! });
    const second = await requestDistrictAccessAction({ applicationId: vendor.application.id, districtId: district.districtId! });
    expect([first, second]).toEqual([
      { ok: true, data: { alreadyRequested: false } },
      { ok: true, data: { alreadyRequested: true } },
    ]);

    const request = await db().accessRequest.findFirstOrThrow({ where: { applicationId: vendor.application.id } });
    signInAs(district);
    expect(await decideVendorAccessRequestAction({ requestId: request.id, decision: "approve" })).toEqual({ ok: true, data: { status: "approved" } });

    const activation = await db().activation.findFirstOrThrow({ where: { applicationId: vendor.application.id } });
    expect(activation).toMatchObject({ origin: "vendor_request", autoProvisioned: false, status: "active" });
    expect(await db().webhookMessage.count({ where: { applicationId: vendor.application.id } })).toBe(0);
  });

  it("only lets the district it was sent to decide, and only the vendor's own applications ask", async () => {
    const vendor = await vendorWithPublishedApplication({ autoProvisioning: true });
    const other = await createVendorWithApplication();
    const district = await createDistrictAdmin();

    signInAs(other.admin);
    const foreign = await requestDistrictAccessAction({ applicationId: vendor.application.id, districtId: district.districtId! });
    expect(foreign.ok).toBe(false);

    signInAs(vendor.admin);
    await requestDistrictAccessAction({ applicationId: vendor.application.id, districtId: district.districtId! });
    const request = await db().accessRequest.findFirstOrThrow({ where: { applicationId: vendor.application.id } });

    signInAs(await createDistrictAdmin());
    expect(await decideVendorAccessRequestAction({ requestId: request.id, decision: "approve" })).toEqual({ ok: false, formError: REQUEST_NOT_FOUND });
    signInAs(vendor.admin);
    expect((await decideVendorAccessRequestAction({ requestId: request.id, decision: "approve" })).ok).toBe(false);
    expect(await db().activation.count({ where: { applicationId: vendor.application.id } })).toBe(0);
  });

  it("cannot target the sandbox district, which no one administers", async () => {
    const vendor = await vendorWithPublishedApplication({ autoProvisioning: true });
    const sandbox = await ensureSandboxDistrict();
    signInAs(vendor.admin);

    const result = await requestDistrictAccessAction({ applicationId: vendor.application.id, districtId: sandbox.id });
    expect(result).toEqual({ ok: false, formError: "This district was not found." });
    expect(await db().accessRequest.count({ where: { districtId: sandbox.id } })).toBe(0);
  });

  it("is refused for a district that already has the application", async () => {
    const vendor = await vendorWithPublishedApplication({ autoProvisioning: true });
    const district = await createDistrictAdmin();
    await activate(district, vendor.application.id);

    signInAs(vendor.admin);
    const result = await requestDistrictAccessAction({ applicationId: vendor.application.id, districtId: district.districtId! });
    expect(result).toEqual({ ok: false, formError: "Test District already has this application." });
  });
});
