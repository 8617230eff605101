// The console's vendor and district lists against a real PostgreSQL: search by name or an
// admin's email, pages of TENANT_PAGE_SIZE in name order, and never the sandbox district.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { listDistricts, listVendors, parseTenantFilter, TENANT_PAGE_SIZE } from "@/lib/operator/list";
import { createActivation, createVendorWithApplication } from "@/test/factories";

describe("parseTenantFilter", () => {
  it("keeps a trimmed search and a page number, and starts at page 1 for anything else", () => {
    expect(parseTenantFilter({ q: "  acme ", page: "3" })).toEqual({ q: "acme", page: 3 });
    expect(parseTenantFilter({ q: "", page: "-2" })).toEqual({ page: 1 });
    expect(parseTenantFilter({ page: "two" })).toEqual({ page: 1 });
  });
});

describe("listVendors", () => {
  it("finds vendors by name and pages through them in name order", async () => {
    const tag = randomUUID().slice(0, 8);
    const count = TENANT_PAGE_SIZE + 3;
    for (let index = count; index >= 1; index--) await db().vendor.create({ data: { name: `Paging ${tag} ${String(index).padStart(2, "0")}` } });

    const first = await listVendors({ q: `paging ${tag}`, page: 1 });
    expect(first).toMatchObject({ total: count, page: 1, pages: 2 });
    expect(first.rows).toHaveLength(TENANT_PAGE_SIZE);
    expect(first.rows[0]!.name).toBe(`Paging ${tag} 01`);

    const second = await listVendors({ q: `paging ${tag}`, page: 2 });
    expect(second.rows.map((row) => row.name)).toEqual([26, 27, 28].map((index) => `Paging ${tag} ${index}`));
  });

  it("finds a vendor by its admin's email, with its counts and status", async () => {
    const { vendor, admin } = await createVendorWithApplication(undefined, { autoProvisioningAvailable: false });
    await db().vendor.update({ where: { id: vendor.id }, data: { suspendedAt: new Date() } });
    const page = await listVendors({ q: admin.email.toUpperCase(), page: 1 });
    expect(page.rows).toEqual([
      expect.objectContaining({ id: vendor.id, admins: 1, applications: 1, autoProvisioningAvailable: false, suspendedAt: expect.any(Date) }),
    ]);
    expect(await listVendors({ q: `nobody-${randomUUID()}`, page: 1 })).toMatchObject({ rows: [], total: 0, pages: 1 });
  });
});

describe("listDistricts", () => {
  it("finds districts by name or admin email with activations and SSO, and never lists the sandbox", async () => {
    const tag = randomUUID().slice(0, 8);
    const district = await db().district.create({
      data: {
        name: `Riverside ${tag}`,
        state: "CA",
        districtGuid: randomUUID(),
        admins: { create: { email: `head-${tag}@riverside.test`, name: "Head", passwordHash: "!", role: "DISTRICT_ADMIN" } },
      },
    });
    await db().district.create({ data: { name: `Riverside ${tag} sandbox`, state: "CA", districtGuid: randomUUID(), sandbox: true } });
    const { application } = await createVendorWithApplication();
    await createActivation(district.id, application.id);
    await createActivation(district.id, (await createVendorWithApplication()).application.id, { status: "deactivated" });

    const byName = await listDistricts({ q: `riverside ${tag}`, page: 1 });
    expect(byName.rows).toEqual([
      { id: district.id, name: district.name, state: "CA", districtGuid: district.districtGuid, admins: 1, activations: 1, ssoOn: false, suspendedAt: null, createdAt: district.createdAt },
    ]);
    expect((await listDistricts({ q: `head-${tag}@`, page: 1 })).rows.map((row) => row.id)).toEqual([district.id]);
  });
});
