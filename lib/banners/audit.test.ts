// The audit log's record of the Banner tab, against a real PostgreSQL; only the session is faked.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { saveBannerAction } from "@/lib/banners/actions";
import { loadBanner } from "@/lib/banners/banners";
import type { BannerInput } from "@/lib/banners/schema";
import { db } from "@/lib/db";
import { createVendorWithApplication } from "@/test/factories";

vi.mock("@/lib/auth/session", () => ({ getSessionUser: vi.fn() }));
const signInAs = (user: SessionUser) => vi.mocked(getSessionUser).mockResolvedValue(user);

async function formValues(vendorId: string, applicationId: string): Promise<BannerInput> {
  const page = await loadBanner(vendorId, applicationId);
  if (!page) throw new Error("application not found");
  return page.values;
}

const bannerEvents = (vendorId: string) => db().auditEvent.findMany({ where: { tenantId: vendorId, action: "banner.changed" }, orderBy: { at: "asc" } });

describe("auditing the banner", () => {
  let acme: Awaited<ReturnType<typeof createVendorWithApplication>>;

  beforeEach(async () => {
    acme = await createVendorWithApplication("Acme");
    signInAs(acme.admin);
    await db().provisioningConfig.update({ where: { applicationId: acme.application.id }, data: { autoProvisioning: true, webhookUrl: "https://hooks.acme.test/rollcall" } });
  });

  it("records the first banner and each later change, with only the changed fields before → after", async () => {
    const first = await saveBannerAction({
      ...(await formValues(acme.vendor.id, acme.application.id)),
      headline: "Science that sticks",
      body: "Free until June.",
      shown: true,
    });
    expect(first.ok).toBe(true);
    const second = await saveBannerAction({ ...(await formValues(acme.vendor.id, acme.application.id)), headline: "Science, free until June", shown: false });
    expect(second.ok).toBe(true);
    await saveBannerAction(await formValues(acme.vendor.id, acme.application.id)); // the same values again

    const events = await bannerEvents(acme.vendor.id);
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({
      actorUserId: acme.admin.id,
      actorRole: "VENDOR_ADMIN",
      tenantType: "vendor",
      tenantName: "Acme",
      summary: "Banner of Acme App changed (headline, text) and shown in the gallery",
      before: null,
      after: { headline: "Science that sticks", body: "Free until June.", shown: true },
    });
    expect(events[1]).toMatchObject({
      summary: "Banner of Acme App changed (headline) and hidden from the gallery",
      before: { headline: "Science that sticks", shown: true },
      after: { headline: "Science, free until June", shown: false },
    });
    expect(Object.keys(events[1]!.after as object).sort()).toEqual(["headline", "shown"]);
  });

  it("records nothing when the save is refused", async () => {
    const eventsBefore = await db().auditEvent.count();
    const values = await formValues(acme.vendor.id, acme.application.id);
    expect((await saveBannerAction({ ...values, headline: "Stale", version: 5 })).ok).toBe(false);
    signInAs((await createVendorWithApplication()).admin);
    expect((await saveBannerAction({ ...values, headline: "Not mine" })).ok).toBe(false);
    expect(await db().auditEvent.count()).toBe(eventsBefore);
  });
});
