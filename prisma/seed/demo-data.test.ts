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

    const vendors = await db().vendor.findMany({ orderBy: { name: "asc" }, include: { applications: { include: { provisioning: true, banner: true } } } });
    expect(vendors.map((vendor) => vendor.name)).toEqual(["Acme Learning", "Brightpath Education"]);
    const applications = vendors.flatMap((vendor) => vendor.applications);
    const mathStudio = applications.find((application) => application.name === "Acme Math Studio");
    expect(mathStudio?.provisioning).toMatchObject({ autoProvisioning: false, buttonLabel: "Activate" });
    // Banners show only while auto-provisioning is on, which needs a webhook URL.
    for (const application of applications.filter((application) => application.banner)) {
      expect(application.provisioning).toMatchObject({ autoProvisioning: true, webhookUrl: expect.stringMatching(/\/api\/demo\/webhook$/) });
    }
    expect(applications.some((application) => application.publishedAt === null)).toBe(true);

    const districts = await db().district.findMany({ include: { admins: true, orgs: true } });
    expect(districts).toHaveLength(3);
    expect(districts.every((district) => district.admins.length === 1 && district.orgs.length >= 3)).toBe(true);
    expect(districts.map((district) => district.districtGuid)).toContain("5b0e6c1e-4f7a-4c2e-9d3b-2a8f1c7e9b01");

    // The activation of an auto-provisioned application is on its way to the demo receiver.
    const messages = await db().webhookMessage.findMany({ select: { eventType: true, mode: true, districtName: true } });
    expect(messages).toEqual([{ eventType: "application.activated", mode: "standard", districtName: "Riverside Unified School District" }]);

    await expect(verifyCredentials({ email: "admin@acme-learning.example", password: DEMO_PASSWORD })).resolves.toMatchObject({ role: "VENDOR_ADMIN" });
    await expect(verifyCredentials({ email: "admin@springfield.example", password: DEMO_PASSWORD })).resolves.toMatchObject({ role: "DISTRICT_ADMIN" });

    expect(await loadDemoDataIfEmpty(db())).toBe(false);
    expect(await db().vendor.count()).toBe(2);
  });
});
