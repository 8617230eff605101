// The audit log's record of the Provisioning tab, against a real PostgreSQL; only the session is faked.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { MASKED } from "@/lib/audit/mask";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { saveProvisioningSettingsAction } from "@/lib/provisioning/actions";
import type { ProvisioningSettingsInput } from "@/lib/provisioning/schema";
import { loadProvisioningSettings } from "@/lib/provisioning/settings";
import { createVendorWithApplication } from "@/test/factories";

vi.mock("@/lib/auth/session", () => ({ getSessionUser: vi.fn() }));
const signInAs = (user: SessionUser) => vi.mocked(getSessionUser).mockResolvedValue(user);

const header = (name: string, value: string, secret = false) => ({ storedId: null, name, value, secret, hasStoredSecret: false });
const eventsOf = (tenantId: string) => db().auditEvent.findMany({ where: { tenantId, action: "provisioning.settings_changed" }, orderBy: { at: "asc" } });

async function formValues(vendorId: string, applicationId: string): Promise<ProvisioningSettingsInput> {
  const page = await loadProvisioningSettings(vendorId, applicationId);
  if (!page) throw new Error("application not found");
  return page.settings;
}

describe("auditing the provisioning settings", () => {
  let acme: Awaited<ReturnType<typeof createVendorWithApplication>>;

  beforeEach(async () => {
    acme = await createVendorWithApplication("Acme Science Quest");
    signInAs(acme.admin);
  });

  it("records who changed which settings, before → after, a secret header's value only as set", async () => {
    const result = await saveProvisioningSettingsAction({
      ...(await formValues(acme.vendor.id, acme.application.id)),
      autoProvisioning: true,
      webhookUrl: "https://hooks.acme.test/rollcall?token=tok_in_query",
      headers: [header("X-Tenant", "acme"), header("X-Api-Key", "sk_live_audit_123", true)],
    });
    expect(result.ok).toBe(true);

    const [event, ...more] = await eventsOf(acme.vendor.id);
    expect(more).toEqual([]);
    expect(event).toMatchObject({
      actorUserId: acme.admin.id,
      actorEmail: acme.admin.email,
      actorRole: "VENDOR_ADMIN",
      tenantType: "vendor",
      tenantName: "Acme Science Quest",
      summary: expect.stringMatching(/^Provisioning settings of Acme Science Quest App changed: Auto-provisioning turned on; .*Webhook URL set to/),
      before: { autoProvisioning: false, autoApprove: false, webhookUrl: null, headers: [] },
      after: {
        autoProvisioning: true,
        autoApprove: true,
        webhookUrl: "https://hooks.acme.test/rollcall?…",
        headers: [
          { name: "X-Tenant", secret: false, value: "acme" },
          { name: "X-Api-Key", secret: true, value: MASKED },
        ],
      },
    });
    expect(JSON.stringify(event)).not.toContain("sk_live_audit_123");
    expect(JSON.stringify(event)).not.toContain("tok_in_query");
  });

  it("records only what changed, and nothing for a save that changes nothing", async () => {
    await saveProvisioningSettingsAction({ ...(await formValues(acme.vendor.id, acme.application.id)), buttonLabel: "Start with Acme" });
    await saveProvisioningSettingsAction(await formValues(acme.vendor.id, acme.application.id));

    const events = await eventsOf(acme.vendor.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ before: { buttonLabel: "Activate" }, after: { buttonLabel: "Start with Acme" } });
    expect(Object.keys(events[0]!.after as object)).toEqual(["buttonLabel"]);
  });

  it("records nothing when the save is refused", async () => {
    const other = await createVendorWithApplication();
    const eventsBefore = await db().auditEvent.count();
    const stale = { ...(await formValues(acme.vendor.id, acme.application.id)), version: 7, buttonLabel: "Go" };
    expect((await saveProvisioningSettingsAction(stale)).ok).toBe(false);
    const foreign = { ...(await formValues(other.vendor.id, other.application.id)), buttonLabel: "Go" };
    expect((await saveProvisioningSettingsAction(foreign)).ok).toBe(false);
    expect(await db().auditEvent.count()).toBe(eventsBefore);
  });
});
