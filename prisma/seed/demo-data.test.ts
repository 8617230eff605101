import { describe, expect, it } from "vitest";
import { verifyCredentials } from "@/lib/auth/credentials";
import { db } from "@/lib/db";
import { hasDemoData } from "@/lib/instance/demo";
import { DEMO_PASSWORD, loadDemoDataIfEmpty } from "@/prisma/seed/demo-data";

describe("demo data", () => {
  it("loads into an empty database once, and never over existing data", async () => {
    expect(await hasDemoData()).toBe(false);
    expect(await loadDemoDataIfEmpty(db())).toBe(true);
    expect(await hasDemoData()).toBe(true);

    const vendor = await db().vendor.findFirstOrThrow({ include: { applications: { include: { provisioning: true } } } });
    expect(vendor.name).toBe("Acme Learning");
    expect(vendor.applications).toHaveLength(2);
    expect(vendor.applications.every((application) => application.provisioning?.buttonLabel === "Activate")).toBe(true);
    const districts = await db().district.findMany({ include: { admins: true } });
    expect(districts).toHaveLength(3);
    expect(districts.every((district) => district.admins.length === 1)).toBe(true);
    expect(districts.map((district) => district.districtGuid)).toContain("5b0e6c1e-4f7a-4c2e-9d3b-2a8f1c7e9b01");

    await expect(verifyCredentials({ email: "admin@acme-learning.example", password: DEMO_PASSWORD })).resolves.toMatchObject({ role: "VENDOR_ADMIN" });
    await expect(verifyCredentials({ email: "admin@springfield.example", password: DEMO_PASSWORD })).resolves.toMatchObject({ role: "DISTRICT_ADMIN" });

    expect(await loadDemoDataIfEmpty(db())).toBe(false);
    expect(await db().vendor.count()).toBe(1);
  });
});
