// The operator console's server actions against a real PostgreSQL: operators only, validated,
// and every change recorded in the audit log with its before and after.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { hashToken } from "@/lib/crypto/opaque-token";
import { db } from "@/lib/db";
import {
  addApplicationAction,
  createDistrictAction,
  createVendorAction,
  inviteDistrictAdminAction,
  inviteVendorAdminAction,
  resumeDistrictAction,
  resumeVendorAction,
  setAutoProvisioningAvailableAction,
  suspendDistrictAction,
  suspendVendorAction,
} from "@/lib/operator/actions";
import { createDistrictAdmin, createVendorWithApplication } from "@/test/factories";

vi.mock("@/lib/auth/session", () => ({ getSessionUser: vi.fn() }));

function signInAs(user: SessionUser) {
  vi.mocked(getSessionUser).mockResolvedValue(user);
}

async function createOperator(): Promise<SessionUser> {
  const user = await db().user.create({ data: { email: `${randomUUID()}@operator.test`, name: "Olive Operator", passwordHash: "!", role: "OPERATOR" } });
  return { id: user.id, email: user.email, name: user.name, role: user.role, vendorId: null, districtId: null };
}

const auditOf = (tenantId: string) => db().auditEvent.findMany({ where: { tenantId }, orderBy: { at: "asc" } });

beforeEach(async () => signInAs(await createOperator()));

describe("who may call the operator actions", () => {
  it("refuses vendor and district admins, and changes nothing", async () => {
    const { vendor, admin: vendorAdmin } = await createVendorWithApplication(undefined, { autoProvisioningAvailable: false });
    const districtAdmin = await createDistrictAdmin();
    const vendorsBefore = await db().vendor.count();
    const districtsBefore = await db().district.count();

    for (const admin of [vendorAdmin, districtAdmin]) {
      signInAs(admin);
      const refusals = await Promise.all([
        createVendorAction({ name: "Sneaky Learning" }),
        createDistrictAction({ name: "Sneaky District", state: "IL" }),
        setAutoProvisioningAvailableAction({ tenantId: vendor.id, available: true }),
        suspendVendorAction({ tenantId: vendor.id }),
        suspendDistrictAction({ tenantId: districtAdmin.districtId! }),
        inviteVendorAdminAction({ tenantId: vendor.id, email: "new@vendor.test", name: "New Admin" }),
        inviteDistrictAdminAction({ tenantId: districtAdmin.districtId!, email: "new@district.test", name: "New Admin" }),
        addApplicationAction({ tenantId: vendor.id, name: "Sneaky App", description: "" }),
      ]);
      for (const refusal of refusals) expect(refusal).toEqual({ ok: false, formError: "Only Rollcall operators can change this." });
    }

    expect(await db().vendor.count()).toBe(vendorsBefore);
    expect(await db().district.count()).toBe(districtsBefore);
    expect(await db().vendor.findUniqueOrThrow({ where: { id: vendor.id } })).toMatchObject({ autoProvisioningAvailable: false, suspendedAt: null });
    expect((await db().district.findUniqueOrThrow({ where: { id: districtAdmin.districtId! } })).suspendedAt).toBeNull();
    expect(await db().invitation.count()).toBe(0);
    expect(await db().application.count({ where: { vendorId: vendor.id } })).toBe(1);
    expect(await db().auditEvent.count()).toBe(0);
  });
});

describe("creating a vendor", () => {
  it("creates it without auto-provisioning and audits it", async () => {
    const created = await createVendorAction({ name: "  Northwind Learning " });
    if (!created.ok) throw new Error(created.formError);
    expect(await db().vendor.findUniqueOrThrow({ where: { id: created.data.id } })).toMatchObject({
      name: "Northwind Learning",
      autoProvisioningAvailable: false,
      suspendedAt: null,
    });
    expect(await auditOf(created.data.id)).toMatchObject([{ action: "vendor.created", actorRole: "OPERATOR", tenantType: "vendor", tenantName: "Northwind Learning" }]);
  });

  it("refuses an empty name and a name already taken, storing nothing", async () => {
    expect(await createVendorAction({ name: "   " })).toMatchObject({ ok: false, fieldErrors: { name: "Enter the vendor's name" } });
    await createVendorAction({ name: "Contoso Reading" });
    expect(await createVendorAction({ name: "contoso reading" })).toMatchObject({ ok: false, fieldErrors: { name: expect.stringContaining("already exists") } });
    expect(await db().vendor.count({ where: { name: { equals: "Contoso Reading", mode: "insensitive" } } })).toBe(1);
  });
});

describe("adding an application to a vendor", () => {
  it("adds it unlisted, with auto-provisioning off, audited; the vendor's admins see it", async () => {
    const { vendor } = await createVendorWithApplication();
    const added = await addApplicationAction({ tenantId: vendor.id, name: " Lighthouse Reader ", description: "Levelled reading for K-5" });
    if (!added.ok) throw new Error(added.formError);
    expect(await db().application.findUniqueOrThrow({ where: { id: added.data.id }, include: { provisioning: true } })).toMatchObject({
      vendorId: vendor.id,
      name: "Lighthouse Reader",
      description: "Levelled reading for K-5",
      publishedAt: null,
      provisioning: { autoProvisioning: false, webhookUrl: null },
    });
    expect(await auditOf(vendor.id)).toMatchObject([
      { action: "application.created", actorRole: "OPERATOR", tenantName: vendor.name, after: { name: "Lighthouse Reader", description: "Levelled reading for K-5" } },
    ]);
  });

  it("refuses an empty or taken name and an unknown vendor, storing nothing", async () => {
    const { vendor, application } = await createVendorWithApplication();
    expect(await addApplicationAction({ tenantId: vendor.id, name: "", description: "" })).toMatchObject({ ok: false, fieldErrors: { name: "Enter the application's name" } });
    expect(await addApplicationAction({ tenantId: vendor.id, name: application.name.toUpperCase(), description: "" })).toMatchObject({
      ok: false,
      fieldErrors: { name: expect.stringContaining("already has an application named") },
    });
    expect(await addApplicationAction({ tenantId: randomUUID(), name: "Orphan", description: "" })).toMatchObject({ ok: false, formError: expect.stringContaining("not found") });
    expect(await db().application.count({ where: { vendorId: vendor.id } })).toBe(1);
    expect(await auditOf(vendor.id)).toEqual([]);
  });
});

describe("creating a district", () => {
  it("stores the state in capitals with a new districtGUID", async () => {
    const created = await createDistrictAction({ name: "Shelbyville Unified", state: "il" });
    if (!created.ok) throw new Error(created.formError);
    expect(created.data).toMatchObject({ name: "Shelbyville Unified", state: "IL", districtGuid: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(await auditOf(created.data.id)).toMatchObject([{ action: "district.created", after: { state: "IL", districtGuid: created.data.districtGuid } }]);
  });

  it("refuses a state that is not two letters and a name taken in that state, but not in another", async () => {
    expect(await createDistrictAction({ name: "Ogdenville", state: "Illinois" })).toMatchObject({ ok: false, fieldErrors: { state: expect.stringContaining("two letters") } });
    expect(await createDistrictAction({ name: "", state: "IL" })).toMatchObject({ ok: false, fieldErrors: { name: "Enter the district's name" } });
    expect(await db().district.count({ where: { name: "Ogdenville" } })).toBe(0);

    expect(await createDistrictAction({ name: "Ogdenville", state: "IL" })).toMatchObject({ ok: true });
    expect(await createDistrictAction({ name: "OGDENVILLE", state: "IL" })).toMatchObject({ ok: false, fieldErrors: { name: expect.stringContaining("already exists in IL") } });
    expect(await createDistrictAction({ name: "Ogdenville", state: "OR" })).toMatchObject({ ok: true });
  });
});

describe("the Auto-provisioning available switch", () => {
  it("turns the capability on and off, audited with before and after, leaving the applications' settings alone", async () => {
    const { vendor, application } = await createVendorWithApplication(undefined, { autoProvisioningAvailable: false });
    await db().provisioningConfig.update({ where: { applicationId: application.id }, data: { autoProvisioning: true } });

    expect(await setAutoProvisioningAvailableAction({ tenantId: vendor.id, available: true })).toEqual({
      ok: true,
      data: { available: true, applicationsWithAutoProvisioning: 1 },
    });
    expect(await setAutoProvisioningAvailableAction({ tenantId: vendor.id, available: false })).toMatchObject({ ok: true, data: { available: false } });

    expect((await db().vendor.findUniqueOrThrow({ where: { id: vendor.id } })).autoProvisioningAvailable).toBe(false);
    expect((await db().provisioningConfig.findUniqueOrThrow({ where: { applicationId: application.id } })).autoProvisioning).toBe(true);
    expect(await auditOf(vendor.id)).toMatchObject([
      { action: "vendor.auto_provisioning_enabled", before: { autoProvisioningAvailable: false }, after: { autoProvisioningAvailable: true } },
      { action: "vendor.auto_provisioning_disabled", before: { autoProvisioningAvailable: true }, after: { autoProvisioningAvailable: false } },
    ]);
  });

  it("writes nothing when the switch is already where it is asked to be, and says not found for an unknown vendor", async () => {
    const { vendor } = await createVendorWithApplication(undefined, { autoProvisioningAvailable: true });
    expect(await setAutoProvisioningAvailableAction({ tenantId: vendor.id, available: true })).toMatchObject({ ok: true });
    expect(await auditOf(vendor.id)).toEqual([]);
    expect(await setAutoProvisioningAvailableAction({ tenantId: randomUUID(), available: true })).toEqual({ ok: false, formError: "This vendor was not found." });
  });
});

describe("suspending and resuming", () => {
  it("suspends and resumes a vendor, once each, audited", async () => {
    const { vendor } = await createVendorWithApplication();
    const suspended = await suspendVendorAction({ tenantId: vendor.id });
    expect(suspended).toMatchObject({ ok: true, data: { suspendedAt: expect.any(Date) } });
    expect(await suspendVendorAction({ tenantId: vendor.id })).toEqual(suspended);
    expect((await db().vendor.findUniqueOrThrow({ where: { id: vendor.id } })).suspendedAt).not.toBeNull();

    expect(await resumeVendorAction({ tenantId: vendor.id })).toEqual({ ok: true, data: { suspendedAt: null } });
    expect((await db().vendor.findUniqueOrThrow({ where: { id: vendor.id } })).suspendedAt).toBeNull();
    expect((await auditOf(vendor.id)).map((event) => event.action)).toEqual(["vendor.suspended", "vendor.resumed"]);
  });

  it("suspends and resumes a district, and never the sandbox", async () => {
    const { districtId } = await createDistrictAdmin();
    expect(await suspendDistrictAction({ tenantId: districtId! })).toMatchObject({ ok: true, data: { suspendedAt: expect.any(Date) } });
    expect(await resumeDistrictAction({ tenantId: districtId! })).toMatchObject({ ok: true, data: { suspendedAt: null } });
    expect(await auditOf(districtId!)).toMatchObject([
      { action: "district.suspended", before: { suspendedAt: null }, after: { suspendedAt: expect.any(String) } },
      { action: "district.resumed", after: { suspendedAt: null } },
    ]);

    const sandbox = await db().district.create({ data: { name: "Sandbox", state: "IL", districtGuid: randomUUID(), sandbox: true } });
    expect(await suspendDistrictAction({ tenantId: sandbox.id })).toEqual({ ok: false, formError: "This district was not found." });
  });
});

describe("inviting an admin", () => {
  it("without SMTP returns the one-time link and stores only its hash", async () => {
    const { vendor } = await createVendorWithApplication();
    const invited = await inviteVendorAdminAction({ tenantId: vendor.id, email: " Dana@Vendor.test ", name: "Dana Reyes" });
    if (!invited.ok) throw new Error(invited.formError);
    expect(invited.data).toMatchObject({ email: "dana@vendor.test", name: "Dana Reyes", mailed: false, link: expect.stringMatching(/\/invite\/\S+$/) });

    const secret = invited.data.link!.split("/").at(-1)!;
    const stored = await db().invitation.findFirstOrThrow({ where: { vendorId: vendor.id } });
    expect(stored).toMatchObject({ email: "dana@vendor.test", role: "VENDOR_ADMIN", tokenHash: hashToken(secret), usedAt: null });
    expect(JSON.stringify(stored)).not.toContain(secret);
    expect(stored.expiresAt.getTime()).toBe(new Date(invited.data.expiresAt).getTime());
  });

  it("invites a district's admin, and refuses a bad email or an unknown district", async () => {
    const { districtId } = await createDistrictAdmin();
    expect(await inviteDistrictAdminAction({ tenantId: districtId!, email: "not an email", name: "Sam" })).toMatchObject({
      ok: false,
      fieldErrors: { email: expect.any(String) },
    });
    expect(await inviteDistrictAdminAction({ tenantId: randomUUID(), email: "sam@district.test", name: "Sam" })).toEqual({
      ok: false,
      formError: "This district was not found.",
    });
    expect(await db().invitation.count({ where: { email: "sam@district.test" } })).toBe(0);

    expect(await inviteDistrictAdminAction({ tenantId: districtId!, email: "sam@district.test", name: "Sam" })).toMatchObject({ ok: true, data: { mailed: false } });
    expect(await db().invitation.findFirstOrThrow({ where: { districtId } })).toMatchObject({ role: "DISTRICT_ADMIN", email: "sam@district.test" });
  });
});
