// The Provisioning tab's server action against a real PostgreSQL; only the session is faked.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { saveProvisioningSettingsAction } from "@/lib/provisioning/actions";
import type { ProvisioningSettingsInput } from "@/lib/provisioning/schema";
import { loadProvisioningSettings, revealHeaders, STALE_SETTINGS_MESSAGE } from "@/lib/provisioning/settings";
import { createDistrictAdmin, createVendorWithApplication } from "@/test/factories";

vi.mock("@/lib/auth/session", () => ({ getSessionUser: vi.fn() }));

function signInAs(user: SessionUser | null) {
  vi.mocked(getSessionUser).mockResolvedValue(user);
}

async function formValues(vendorId: string, applicationId: string): Promise<ProvisioningSettingsInput> {
  const page = await loadProvisioningSettings(vendorId, applicationId);
  if (!page) throw new Error("application not found");
  return page.settings;
}

const header = (name: string, value: string, secret = false) => ({ storedId: null, name, value, secret, hasStoredSecret: false });

describe("saveProvisioningSettingsAction", () => {
  let acme: Awaited<ReturnType<typeof createVendorWithApplication>>;

  beforeEach(async () => {
    acme = await createVendorWithApplication("Acme");
    signInAs(acme.admin);
  });

  it("saves the settings and loads them back, forcing auto-approve on", async () => {
    const before = await formValues(acme.vendor.id, acme.application.id);
    const result = await saveProvisioningSettingsAction({
      ...before,
      autoProvisioning: true,
      autoApprove: false,
      webhookUrl: "https://hooks.acme.test/rollcall",
      headers: [header("X-Tenant", "acme"), header("X-Api-Key", "sk_live_123", true)],
      buttonLabel: "Start with Acme",
    });
    expect(result.ok).toBe(true);

    const after = await formValues(acme.vendor.id, acme.application.id);
    expect(after).toMatchObject({
      version: before.version + 1,
      autoProvisioning: true,
      autoApprove: true,
      webhookUrl: "https://hooks.acme.test/rollcall",
      buttonLabel: "Start with Acme",
    });
    expect(after.headers.map(({ name, value, secret }) => ({ name, value, secret }))).toEqual([
      { name: "X-Tenant", value: "acme", secret: false },
      { name: "X-Api-Key", value: "", secret: true },
    ]);
    expect(result.ok && result.data).toEqual(after);
  });

  it("encrypts secret values at rest and keeps them when saved blank", async () => {
    const first = await saveProvisioningSettingsAction({
      ...(await formValues(acme.vendor.id, acme.application.id)),
      headers: [header("X-Api-Key", "sk_live_123", true)],
    });
    expect(first.ok).toBe(true);
    const stored = await db().provisioningHeader.findMany({ where: { applicationId: acme.application.id } });
    expect(JSON.stringify(stored)).not.toContain("sk_live_123");
    expect(revealHeaders(acme.application.id, stored)).toEqual([{ name: "X-Api-Key", value: "sk_live_123", secret: true }]);

    const resaved = await saveProvisioningSettingsAction({
      ...(await formValues(acme.vendor.id, acme.application.id)),
      buttonLabel: "Go",
    });
    expect(resaved.ok).toBe(true);
    const kept = await db().provisioningHeader.findMany({ where: { applicationId: acme.application.id } });
    expect(revealHeaders(acme.application.id, kept)).toEqual([{ name: "X-Api-Key", value: "sk_live_123", secret: true }]);
  });

  it("records who changed what, never a secret value", async () => {
    await saveProvisioningSettingsAction({
      ...(await formValues(acme.vendor.id, acme.application.id)),
      headers: [header("X-Api-Key", "sk_live_123", true)],
      buttonLabel: "Go",
    });
    const page = await loadProvisioningSettings(acme.vendor.id, acme.application.id);
    expect(page?.history).toHaveLength(1);
    expect(page?.history[0]).toMatchObject({
      actorName: acme.admin.name,
      lines: ["Button label changed from “Activate” to “Go”", "Header X-Api-Key added (secret)"],
    });
    expect(JSON.stringify(page)).not.toContain("sk_live_123");
  });

  it("refuses a stale save instead of overwriting someone else's", async () => {
    const opened = await formValues(acme.vendor.id, acme.application.id);
    expect((await saveProvisioningSettingsAction({ ...opened, buttonLabel: "First" })).ok).toBe(true);
    const second = await saveProvisioningSettingsAction({ ...opened, buttonLabel: "Second" });
    expect(second).toEqual({ ok: false, formError: STALE_SETTINGS_MESSAGE, code: "stale" });
    expect((await formValues(acme.vendor.id, acme.application.id)).buttonLabel).toBe("First");
  });

  it("lets exactly one of two simultaneous saves win", async () => {
    const opened = await formValues(acme.vendor.id, acme.application.id);
    const results = await Promise.all(
      ["One", "Two", "Three"].map((buttonLabel) => saveProvisioningSettingsAction({ ...opened, buttonLabel })),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect((await formValues(acme.vendor.id, acme.application.id)).version).toBe(opened.version + 1);
  });

  it("creates the settings of an application that has none yet, once", async () => {
    const bare = await db().application.create({ data: { vendorId: acme.vendor.id, name: "Bare" } });
    const opened = await formValues(acme.vendor.id, bare.id);
    expect(opened).toMatchObject({ version: 0, autoProvisioning: false, buttonLabel: "Activate", headers: [] });

    const results = await Promise.all(["One", "Two"].map((buttonLabel) => saveProvisioningSettingsAction({ ...opened, buttonLabel })));
    expect(results.map((result) => result.ok).sort()).toEqual([false, true]);
    expect(results.find((result) => !result.ok)).toMatchObject({ code: "stale" });
    expect((await formValues(acme.vendor.id, bare.id)).version).toBe(1);
  });

  it("stores nothing when the input is invalid", async () => {
    const opened = await formValues(acme.vendor.id, acme.application.id);
    const result = await saveProvisioningSettingsAction({
      ...opened,
      autoProvisioning: true,
      webhookUrl: "http://example.com/hook",
      headers: [header("Content-Type", "text/plain")],
    });
    expect(result).toEqual({
      ok: false,
      formError: "Check the highlighted fields.",
      fieldErrors: {
        webhookUrl: expect.stringMatching(/^Use https:\/\/ \(plain http:\/\/ is allowed only for localhost/),
        "headers.0.name": "Content-Type is set by Rollcall and can't be changed",
      },
    });
    expect(await formValues(acme.vendor.id, acme.application.id)).toEqual(opened);
  });

  it("answers a malformed request with a clear error, not a stack trace", async () => {
    const result = await saveProvisioningSettingsAction({ nonsense: true } as unknown as ProvisioningSettingsInput);
    expect(result.ok).toBe(false);
    expect(result.ok || result.formError).toBe("Check the highlighted fields.");
  });

  it("never lets vendor B read or write vendor A's application", async () => {
    const globex = await createVendorWithApplication("Globex");
    expect(await loadProvisioningSettings(globex.vendor.id, acme.application.id)).toBeNull();

    signInAs(globex.admin);
    const opened = await formValues(acme.vendor.id, acme.application.id);
    const result = await saveProvisioningSettingsAction({ ...opened, webhookUrl: "https://globex.test/steal" });
    expect(result).toEqual({ ok: false, formError: "This application was not found. It may have been deleted." });
    expect(await formValues(acme.vendor.id, acme.application.id)).toEqual(opened);
  });

  it("does not let a secret be borrowed from another application's header", async () => {
    const globex = await createVendorWithApplication("Globex");
    signInAs(globex.admin);
    await saveProvisioningSettingsAction({
      ...(await formValues(globex.vendor.id, globex.application.id)),
      headers: [header("X-Api-Key", "globex-secret", true)],
    });
    const [globexHeader] = (await formValues(globex.vendor.id, globex.application.id)).headers;

    signInAs(acme.admin);
    const result = await saveProvisioningSettingsAction({
      ...(await formValues(acme.vendor.id, acme.application.id)),
      headers: [{ ...globexHeader!, hasStoredSecret: true }],
    });
    expect(result).toEqual({ ok: false, formError: "Check the highlighted fields.", fieldErrors: { "headers.0.value": "Enter a header value" } });
  });

  it("refuses signed-out visitors and district admins", async () => {
    const opened = await formValues(acme.vendor.id, acme.application.id);
    signInAs(null);
    expect(await saveProvisioningSettingsAction(opened)).toEqual({
      ok: false,
      formError: "Your session has ended. Sign in again, then retry.",
    });
    signInAs(await createDistrictAdmin());
    expect(await saveProvisioningSettingsAction(opened)).toEqual({ ok: false, formError: "Only vendor admins can change this." });
    expect(await formValues(acme.vendor.id, acme.application.id)).toEqual(opened);
  });

  describe("without the operator's auto-provisioning capability", () => {
    it("refuses to turn auto-provisioning on, even called directly, and stores nothing", async () => {
      const initech = await createVendorWithApplication("Initech", { autoProvisioningAvailable: false });
      signInAs(initech.admin);
      const page = await loadProvisioningSettings(initech.vendor.id, initech.application.id);
      expect(page?.autoProvisioningAvailable).toBe(false);
      const before = page!.settings;

      const result = await saveProvisioningSettingsAction({ ...before, autoProvisioning: true, webhookUrl: "https://hooks.initech.test/rollcall" });
      expect(result).toMatchObject({ ok: false, fieldErrors: { autoProvisioning: "Ask your Rollcall operator to enable auto-provisioning" } });
      expect(await formValues(initech.vendor.id, initech.application.id)).toEqual(before);
      expect(await db().provisioningChange.count({ where: { applicationId: initech.application.id } })).toBe(0);

      const otherFields = await saveProvisioningSettingsAction({ ...before, buttonLabel: "Start with Initech" });
      expect(otherFields.ok).toBe(true);
    });

    it("lets an application that already has it on keep it or turn it off, once withdrawn", async () => {
      await saveProvisioningSettingsAction({
        ...(await formValues(acme.vendor.id, acme.application.id)),
        autoProvisioning: true,
        webhookUrl: "https://hooks.acme.test/rollcall",
      });
      await db().vendor.update({ where: { id: acme.vendor.id }, data: { autoProvisioningAvailable: false } });

      const kept = await saveProvisioningSettingsAction({ ...(await formValues(acme.vendor.id, acme.application.id)), buttonLabel: "Go" });
      expect(kept).toMatchObject({ ok: true, data: { autoProvisioning: true, buttonLabel: "Go" } });
      const off = await saveProvisioningSettingsAction({ ...(await formValues(acme.vendor.id, acme.application.id)), autoProvisioning: false });
      expect(off).toMatchObject({ ok: true, data: { autoProvisioning: false } });
      const backOn = await saveProvisioningSettingsAction({ ...(await formValues(acme.vendor.id, acme.application.id)), autoProvisioning: true });
      expect(backOn.ok).toBe(false);
      expect((await formValues(acme.vendor.id, acme.application.id)).autoProvisioning).toBe(false);
    });
  });
});
