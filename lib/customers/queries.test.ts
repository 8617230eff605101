// The Customers page's reads against a real PostgreSQL. Activations and requests are made by
// the real actions and domain calls; only the session is faked.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { decideSchoolRevocationAction, requestDistrictAccessAction } from "@/lib/access-requests/actions";
import { requestDistrictAccess } from "@/lib/access-requests/requests";
import { activateApplicationAction, deactivateApplicationAction, decideVendorAccessRequestAction, requestSchoolRevocationAction } from "@/lib/activations/actions";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import {
  listApplicationCustomers,
  listPendingSchoolRevocations,
  listRequestableDistricts,
  listVendorAccessRequests,
  loadCustomersPage,
} from "@/lib/customers/queries";
import { db } from "@/lib/db";
import { createVendorWithApplication } from "@/test/factories";

vi.mock("@/lib/auth/session", () => ({ getSessionUser: vi.fn() }));

type Vendor = Awaited<ReturnType<typeof createVendorWithApplication>>;
type DistrictAdmin = SessionUser & { districtId: string };

function signInAs(user: SessionUser) {
  vi.mocked(getSessionUser).mockResolvedValue(user);
}

function succeeded<T>(result: { ok: true; data: T } | { ok: false; formError: string }): T {
  if (!result.ok) throw new Error(result.formError);
  return result.data;
}

async function publishedApplication({ autoProvisioning }: { autoProvisioning: boolean }): Promise<Vendor> {
  const vendor = await createVendorWithApplication(undefined, { webhookUrl: "https://hooks.vendor.test/rollcall" });
  await db().application.update({
    where: { id: vendor.application.id },
    data: { publishedAt: new Date(), provisioning: { update: { autoProvisioning, autoApprove: autoProvisioning } } },
  });
  return vendor;
}

/** A district with a recognisable name (and one admin), so lists can be checked by name. */
async function districtNamed(name: string, state = "IL"): Promise<DistrictAdmin> {
  const district = await db().district.create({
    data: {
      name: `${name} ${randomUUID().slice(0, 6)}`,
      state,
      districtGuid: randomUUID(),
      admins: { create: { email: `${randomUUID()}@district.test`, name: `${name} Admin`, passwordHash: "!", role: "DISTRICT_ADMIN" } },
    },
    include: { admins: true },
  });
  const { id, email, name: adminName, role } = district.admins[0]!;
  return { id, email, name: adminName, role, vendorId: null, districtId: district.id };
}

async function districtName(admin: DistrictAdmin): Promise<string> {
  return (await db().district.findUniqueOrThrow({ where: { id: admin.districtId } })).name;
}

async function activate(district: DistrictAdmin, applicationId: string) {
  signInAs(district);
  return succeeded(await activateApplicationAction({ applicationId, mode: "standard", idempotencyKey: randomUUID() }));
}

async function deactivate(district: DistrictAdmin, applicationId: string) {
  signInAs(district);
  return succeeded(await deactivateApplicationAction({ applicationId, idempotencyKey: randomUUID() }));
}

async function requestAccess(vendor: Vendor, district: DistrictAdmin, requestedAt = new Date()) {
  await requestDistrictAccess({ id: vendor.admin.id, vendorId: vendor.vendor.id }, { applicationId: vendor.application.id, districtId: district.districtId }, requestedAt);
  return db().accessRequest.findFirstOrThrow({
    where: { applicationId: vendor.application.id, districtId: district.districtId, kind: "vendor_access" },
    orderBy: { requestedAt: "desc" },
  });
}

async function answerAccessRequest(district: DistrictAdmin, requestId: string, decision: "approve" | "deny") {
  signInAs(district);
  return succeeded(await decideVendorAccessRequestAction({ requestId, decision }));
}

async function schoolOf(district: DistrictAdmin, name: string) {
  return db().org.create({ data: { districtId: district.districtId, sourcedId: randomUUID(), type: "school", name } });
}

/** Districts are shared by every test of this file: look only at the ones a test made. */
function only<T extends { id: string }>(items: T[], ...districts: DistrictAdmin[]): T[] {
  const ids = new Set(districts.map((district) => district.districtId));
  return items.filter((item) => ids.has(item.id));
}

describe("listApplicationCustomers", () => {
  let vendor: Vendor;

  beforeEach(async () => {
    vendor = await publishedApplication({ autoProvisioning: true });
  });

  it("lists active districts by name, then deactivated ones, each with its latest webhook's delivery status", async () => {
    const avondale = await districtNamed("Avondale", "AZ");
    const cedar = await districtNamed("Cedar");
    await activate(avondale, vendor.application.id);
    await activate(cedar, vendor.application.id);
    await deactivate(cedar, vendor.application.id);
    const activatedMessage = await db().webhookMessage.findFirstOrThrow({ where: { applicationId: vendor.application.id, eventType: "application.activated", districtName: await districtName(avondale) } });
    await db().webhookMessage.update({ where: { id: activatedMessage.id }, data: { status: "delivered" } });

    const customers = await listApplicationCustomers(vendor.vendor.id, vendor.application.id);

    expect(customers.map((customer) => [customer.districtName, customer.status])).toEqual([
      [await districtName(avondale), "active"],
      [await districtName(cedar), "deactivated"],
    ]);
    expect(customers[0]).toMatchObject({
      districtId: avondale.districtId,
      state: "AZ",
      mode: "standard",
      origin: "district",
      autoProvisioned: true,
      deactivatedAt: null,
      latestWebhook: { messageId: activatedMessage.id, eventType: "application.activated", status: "delivered" },
      revokedSchools: [],
    });
    expect(customers[1]!.deactivatedAt).toEqual(expect.any(String));
    expect(customers[1]!.latestWebhook).toMatchObject({ eventType: "application.deactivated", status: "pending" });
  });

  it("shows an activation made at the vendor's request without a webhook, even after an earlier auto-provisioned one", async () => {
    const brookfield = await districtNamed("Brookfield");
    await activate(brookfield, vendor.application.id);
    await deactivate(brookfield, vendor.application.id);
    const request = await requestAccess(vendor, brookfield);
    await answerAccessRequest(brookfield, request.id, "approve");

    const [customer] = await listApplicationCustomers(vendor.vendor.id, vendor.application.id);
    expect(customer).toMatchObject({ districtId: brookfield.districtId, status: "active", origin: "vendor_request", autoProvisioned: false, latestWebhook: null });
  });

  it("lists the schools whose access was revoked under their own district, not the pending or denied ones", async () => {
    const manual = await publishedApplication({ autoProvisioning: false });
    const dunmore = await districtNamed("Dunmore");
    const elmwood = await districtNamed("Elmwood");
    const [lincoln, grant, adams] = await Promise.all([schoolOf(dunmore, "Lincoln Elementary"), schoolOf(dunmore, "Grant Middle"), schoolOf(dunmore, "Adams High")]);
    const elmwoodSchool = await schoolOf(elmwood, "Elmwood High");
    await activate(dunmore, manual.application.id);
    await activate(elmwood, manual.application.id);
    signInAs(dunmore);
    for (const school of [lincoln, grant, adams]) await requestSchoolRevocationAction({ applicationId: manual.application.id, orgId: school.id });
    signInAs(elmwood);
    await requestSchoolRevocationAction({ applicationId: manual.application.id, orgId: elmwoodSchool.id });

    const pending = await listPendingSchoolRevocations(manual.vendor.id, manual.application.id);
    const requestFor = (schoolName: string) => pending.find((request) => request.schoolName === schoolName)!.id;
    signInAs(manual.admin);
    succeeded(await decideSchoolRevocationAction({ requestId: requestFor("Lincoln Elementary"), decision: "approve" }));
    succeeded(await decideSchoolRevocationAction({ requestId: requestFor("Adams High"), decision: "approve" }));
    succeeded(await decideSchoolRevocationAction({ requestId: requestFor("Grant Middle"), decision: "deny" }));

    const customers = await listApplicationCustomers(manual.vendor.id, manual.application.id);
    const schoolsOf = (district: DistrictAdmin) => customers.find((customer) => customer.districtId === district.districtId)!.revokedSchools;
    expect(schoolsOf(dunmore)).toEqual([
      { orgId: adams.id, name: "Adams High", revokedAt: expect.any(String), autoApproved: false },
      { orgId: lincoln.id, name: "Lincoln Elementary", revokedAt: expect.any(String), autoApproved: false },
    ]);
    expect(schoolsOf(elmwood)).toEqual([]);
    // Auto-provisioning was off: no webhook for either district.
    expect(customers.map((customer) => [customer.autoProvisioned, customer.latestWebhook])).toEqual([
      [false, null],
      [false, null],
    ]);
  });
});

describe("listPendingSchoolRevocations", () => {
  it("lists the districts' waiting requests oldest first, with district, school and who asked", async () => {
    const manual = await publishedApplication({ autoProvisioning: false });
    const fairview = await districtNamed("Fairview", "OH");
    const [first, second] = [await schoolOf(fairview, "Oak Elementary"), await schoolOf(fairview, "Pine Middle")];
    await activate(fairview, manual.application.id);
    signInAs(fairview);
    succeeded(await requestSchoolRevocationAction({ applicationId: manual.application.id, orgId: first.id }));
    succeeded(await requestSchoolRevocationAction({ applicationId: manual.application.id, orgId: second.id }));
    await db().accessRequest.updateMany({ where: { orgId: first.id }, data: { requestedAt: new Date("2026-03-01T08:00:00Z") } });
    await db().accessRequest.updateMany({ where: { orgId: second.id }, data: { requestedAt: new Date("2026-03-02T08:00:00Z") } });

    const pending = await listPendingSchoolRevocations(manual.vendor.id, manual.application.id);
    expect(pending).toEqual([
      { id: expect.any(String), districtName: await districtName(fairview), state: "OH", schoolName: "Oak Elementary", requestedAt: "2026-03-01T08:00:00.000Z", requestedByName: "Fairview Admin" },
      { id: expect.any(String), districtName: await districtName(fairview), state: "OH", schoolName: "Pine Middle", requestedAt: "2026-03-02T08:00:00.000Z", requestedByName: "Fairview Admin" },
    ]);

    signInAs(manual.admin);
    succeeded(await decideSchoolRevocationAction({ requestId: pending[0]!.id, decision: "deny" }));
    expect((await listPendingSchoolRevocations(manual.vendor.id, manual.application.id)).map((request) => request.schoolName)).toEqual(["Pine Middle"]);
  });

  it("has none while auto-approve is on: the district's request is approved at once", async () => {
    const automatic = await publishedApplication({ autoProvisioning: true });
    const glendale = await districtNamed("Glendale");
    const school = await schoolOf(glendale, "Maple Elementary");
    await activate(glendale, automatic.application.id);
    signInAs(glendale);
    expect(succeeded(await requestSchoolRevocationAction({ applicationId: automatic.application.id, orgId: school.id }))).toEqual({ status: "approved" });

    expect(await listPendingSchoolRevocations(automatic.vendor.id, automatic.application.id)).toEqual([]);
    const [customer] = await listApplicationCustomers(automatic.vendor.id, automatic.application.id);
    expect(customer!.revokedSchools).toEqual([{ orgId: school.id, name: "Maple Elementary", revokedAt: expect.any(String), autoApproved: true }]);
  });
});

describe("listRequestableDistricts and listVendorAccessRequests", () => {
  it("offers the districts without an active activation or a waiting request, including deactivated and denied ones", async () => {
    const vendor = await publishedApplication({ autoProvisioning: true });
    const [active, deactivated, waiting, denied, untouched] = await Promise.all(
      ["Hillcrest", "Ironwood", "Juniper", "Kingsley", "Lakeshore"].map((name) => districtNamed(name)),
    );
    await activate(active!, vendor.application.id);
    await activate(deactivated!, vendor.application.id);
    await deactivate(deactivated!, vendor.application.id);
    await requestAccess(vendor, waiting!);
    await answerAccessRequest(denied!, (await requestAccess(vendor, denied!)).id, "deny");

    const requestable = await listRequestableDistricts(vendor.vendor.id, vendor.application.id);
    expect(only(requestable, active!, deactivated!, waiting!, denied!, untouched!).map((district) => district.id)).toEqual(
      [deactivated!, denied!, untouched!].map((district) => district.districtId),
    );
    expect(only(requestable, untouched!)).toEqual([{ id: untouched!.districtId, name: await districtName(untouched!), state: "IL" }]);

    // Asking the denied district again makes it wait once more.
    signInAs(vendor.admin);
    succeeded(await requestDistrictAccessAction({ applicationId: vendor.application.id, districtId: denied!.districtId }));
    expect(only(await listRequestableDistricts(vendor.vendor.id, vendor.application.id), denied!)).toEqual([]);
  });

  it("lists the vendor's waiting and denied requests newest first; an approved one becomes a customer instead", async () => {
    const vendor = await publishedApplication({ autoProvisioning: true });
    const [monroe, newport, oakdale] = await Promise.all(["Monroe", "Newport", "Oakdale"].map((name) => districtNamed(name, "MI")));
    await requestAccess(vendor, monroe!, new Date("2026-04-01T10:00:00Z"));
    const denied = await requestAccess(vendor, newport!, new Date("2026-04-02T10:00:00Z"));
    const approved = await requestAccess(vendor, oakdale!, new Date("2026-04-03T10:00:00Z"));
    await answerAccessRequest(newport!, denied.id, "deny");
    await answerAccessRequest(oakdale!, approved.id, "approve");

    const requests = await listVendorAccessRequests(vendor.vendor.id, vendor.application.id);
    expect(requests).toEqual([
      { id: denied.id, districtName: await districtName(newport!), state: "MI", status: "denied", requestedAt: "2026-04-02T10:00:00.000Z", decidedAt: expect.any(String), requestedByName: vendor.admin.name },
      { id: expect.any(String), districtName: await districtName(monroe!), state: "MI", status: "pending", requestedAt: "2026-04-01T10:00:00.000Z", decidedAt: null, requestedByName: vendor.admin.name },
    ]);
    const customers = await listApplicationCustomers(vendor.vendor.id, vendor.application.id);
    expect(customers.map((customer) => [customer.districtId, customer.origin])).toEqual([[oakdale!.districtId, "vendor_request"]]);
  });
});

describe("another vendor", () => {
  it("sees nothing of an application that is not theirs", async () => {
    const manual = await publishedApplication({ autoProvisioning: false });
    const other = await createVendorWithApplication();
    const pinecrest = await districtNamed("Pinecrest");
    await activate(pinecrest, manual.application.id);
    signInAs(pinecrest);
    succeeded(await requestSchoolRevocationAction({ applicationId: manual.application.id, orgId: (await schoolOf(pinecrest, "Birch Elementary")).id }));
    await requestAccess(manual, await districtNamed("Queensbury"));

    const [vendorId, applicationId] = [other.vendor.id, manual.application.id];
    expect(await listApplicationCustomers(vendorId, applicationId)).toEqual([]);
    expect(await listPendingSchoolRevocations(vendorId, applicationId)).toEqual([]);
    expect(await listRequestableDistricts(vendorId, applicationId)).toEqual([]);
    expect(await listVendorAccessRequests(vendorId, applicationId)).toEqual([]);
    expect(await loadCustomersPage(vendorId, applicationId)).toBeNull();
    expect(await loadCustomersPage(vendorId, "not-a-uuid")).toBeNull();

    const own = await loadCustomersPage(manual.vendor.id, applicationId);
    expect(own).toMatchObject({ application: { id: applicationId, name: manual.application.name, autoApprove: false } });
    expect(own!.customers).toHaveLength(1);
    expect(own!.pendingRevocations).toHaveLength(1);
    expect(own!.accessRequests).toHaveLength(1);
  });
});
