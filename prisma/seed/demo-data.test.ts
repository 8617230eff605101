import { describe, expect, it } from "vitest";
import { verifyCredentials } from "@/lib/auth/credentials";
import { db } from "@/lib/db";
import { hasDemoData } from "@/lib/instance/demo";
import { createOperatorInvitation } from "@/lib/invitations/operators";
import { DEMO_LOGINS, DEMO_PASSWORD, loadDemoDataIfEmpty } from "@/prisma/seed/demo-data";

describe("demo data", () => {
  it("is not loaded once the first operator has been invited, even before they accept", async () => {
    const invited = await createOperatorInvitation({ email: "first.operator@state.example" });
    expect(invited.ok).toBe(true);
    expect(await loadDemoDataIfEmpty(db())).toBe(false);
    expect(await db().user.count()).toBe(0);
    await db().invitation.deleteMany();
  });

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

    // Each district has a generated roster on its own schools: about 5,000 students in all.
    const springfield = districts.find((district) => district.name === "Springfield Public Schools")!;
    expect(springfield.orgs.filter((org) => org.type === "school").map(({ sourcedId, name }) => ({ sourcedId, name })).sort((a, b) => a.sourcedId.localeCompare(b.sourcedId))).toEqual([
      { sourcedId: "school-1", name: "Lincoln Elementary School" },
      { sourcedId: "school-2", name: "Washington Elementary School" },
      { sourcedId: "school-3", name: "Jefferson Middle School" },
      { sourcedId: "school-4", name: "Springfield High School" },
    ]);
    const students = await db().rosterUser.groupBy({ by: ["districtId"], where: { role: "student" }, _count: { _all: true } });
    const studentsOf = (name: string) => students.find((row) => row.districtId === districts.find((district) => district.name === name)?.id)?._count._all;
    expect([studentsOf("Springfield Public Schools"), studentsOf("Riverside Unified School District"), studentsOf("Lakeview Community Schools")]).toEqual([2400, 1600, 1000]);
    expect(await db().rosterUser.count({ where: { districtId: springfield.id, role: "teacher" } })).toBeGreaterThan(2400 / 20);
    expect(await db().enrollment.count({ where: { districtId: springfield.id, role: "student" } })).toBeGreaterThan(2400 * 3);
    expect(await db().demographic.count()).toBe(5000);

    // The activation of an auto-provisioned application is on its way to the demo receiver.
    const messages = await db().webhookMessage.findMany({ select: { eventType: true, mode: true, districtName: true } });
    expect(messages).toEqual([{ eventType: "application.activated", mode: "standard", districtName: "Riverside Unified School District" }]);

    await expect(verifyCredentials({ email: "admin@acme-learning.example", password: DEMO_PASSWORD })).resolves.toMatchObject({ role: "VENDOR_ADMIN" });
    await expect(verifyCredentials({ email: "admin@springfield.example", password: DEMO_PASSWORD })).resolves.toMatchObject({ role: "DISTRICT_ADMIN" });
    await expect(verifyCredentials({ email: "operator@rollcall.example", password: DEMO_PASSWORD })).resolves.toMatchObject({ role: "OPERATOR" });
    expect(DEMO_LOGINS.map((login) => login.email)).toContain("operator@rollcall.example");

    expect(await loadDemoDataIfEmpty(db())).toBe(false);
    expect(await db().vendor.count()).toBe(2);
  });
});
