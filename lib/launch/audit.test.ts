// The audit log's record of the launch settings (vendor) and of which roles see an application
// on My apps (district), against a real PostgreSQL; only the session is faked.
import { describe, expect, it, vi } from "vitest";
import { withAuditContext } from "@/lib/audit/context";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { saveLaunchSettingsAction, setActivationVisibilityAction } from "@/lib/launch/actions";
import { saveLaunchSettings } from "@/lib/launch/settings";
import { createActivation, createDistrictAdmin, createVendorWithApplication } from "@/test/factories";

vi.mock("@/lib/auth/session", () => ({ getSessionUser: vi.fn() }));
const signInAs = (user: SessionUser) => vi.mocked(getSessionUser).mockResolvedValue(user);

describe("auditing the launch URL", () => {
  it("records the change with the actor and address, the URL without its query, and nothing for an unchanged save", async () => {
    const acme = await createVendorWithApplication("Acme");
    const applicationId = acme.application.id;
    const actor = { userId: acme.admin.id, email: acme.admin.email, role: acme.admin.role };
    await withAuditContext({ actor, ip: "203.0.113.7" }, async () => {
      await saveLaunchSettings(acme.vendor.id, { applicationId, launchUrl: "https://acme.test/launch?key=launch_secret" });
      await saveLaunchSettings(acme.vendor.id, { applicationId, launchUrl: "https://acme.test/launch?key=launch_secret" });
      await saveLaunchSettings(acme.vendor.id, { applicationId, launchUrl: "" });
    });

    const events = await db().auditEvent.findMany({ where: { tenantId: acme.vendor.id }, orderBy: { at: "asc" } });
    expect(events).toEqual([
      expect.objectContaining({
        action: "launch.settings_changed",
        summary: "Launch URL of Acme App set to https://acme.test/launch?…",
        actorUserId: acme.admin.id,
        actorEmail: acme.admin.email,
        tenantType: "vendor",
        tenantName: "Acme",
        ip: "203.0.113.7",
        before: { launchUrl: null },
        after: { launchUrl: "https://acme.test/launch?…" },
      }),
      expect.objectContaining({ summary: "Launch URL of Acme App removed", before: { launchUrl: "https://acme.test/launch?…" }, after: { launchUrl: null } }),
    ]);
    expect(JSON.stringify(events)).not.toContain("launch_secret");
  });

  it("records nothing for a refused save", async () => {
    const owner = await createVendorWithApplication();
    signInAs((await createVendorWithApplication()).admin);
    expect((await saveLaunchSettingsAction({ applicationId: owner.application.id, launchUrl: "https://other.test/launch" })).ok).toBe(false);
    signInAs(owner.admin);
    expect((await saveLaunchSettingsAction({ applicationId: owner.application.id, launchUrl: "http://acme.test/launch" })).ok).toBe(false);
    expect(await db().auditEvent.count({ where: { tenantId: owner.vendor.id } })).toBe(0);
  });
});

describe("auditing an activation's visibility", () => {
  it("records the roles hidden before → after, for the district", async () => {
    const acme = await createVendorWithApplication("Acme");
    const admin = await createDistrictAdmin();
    const districtId = admin.districtId!;
    await createActivation(districtId, acme.application.id);
    signInAs(admin);

    const applicationId = acme.application.id;
    expect((await setActivationVisibilityAction({ applicationId, hiddenFromRoles: ["teacher", "student"] })).ok).toBe(true);
    expect((await setActivationVisibilityAction({ applicationId, hiddenFromRoles: ["student", "teacher"] })).ok).toBe(true);
    expect((await setActivationVisibilityAction({ applicationId, hiddenFromRoles: [] })).ok).toBe(true);

    const events = await db().auditEvent.findMany({ where: { tenantId: districtId }, orderBy: { at: "asc" } });
    expect(events).toEqual([
      expect.objectContaining({
        action: "activation.visibility_changed",
        summary: "Acme App hidden on My apps from students and teachers",
        actorUserId: admin.id,
        actorRole: "DISTRICT_ADMIN",
        tenantType: "district",
        tenantName: "Test District",
        before: { hiddenFromRoles: [] },
        after: { hiddenFromRoles: ["student", "teacher"] },
      }),
      expect.objectContaining({
        summary: "Acme App shown on My apps to every role",
        before: { hiddenFromRoles: ["student", "teacher"] },
        after: { hiddenFromRoles: [] },
      }),
    ]);
  });

  it("records nothing for an application not active in the district", async () => {
    const acme = await createVendorWithApplication();
    const admin = await createDistrictAdmin();
    signInAs(admin);
    expect((await setActivationVisibilityAction({ applicationId: acme.application.id, hiddenFromRoles: ["student"] })).ok).toBe(false);
    expect(await db().auditEvent.count({ where: { tenantId: admin.districtId } })).toBe(0);
  });
});
