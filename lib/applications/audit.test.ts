// The audit log's record of listing an application in the gallery, against a real PostgreSQL;
// only the session is faked.
import { describe, expect, it, vi } from "vitest";
import { setGalleryListingAction } from "@/lib/applications/actions";
import { changedFields } from "@/lib/audit/changes";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { createVendorWithApplication } from "@/test/factories";

vi.mock("@/lib/auth/session", () => ({ getSessionUser: vi.fn() }));
const signInAs = (user: SessionUser) => vi.mocked(getSessionUser).mockResolvedValue(user);

describe("auditing the gallery listing", () => {
  it("records listing and withdrawing, and nothing when the listing does not change", async () => {
    const acme = await createVendorWithApplication("Acme");
    signInAs(acme.admin);
    const applicationId = acme.application.id;

    const listed = await setGalleryListingAction({ applicationId, listed: true });
    if (!listed.ok) throw new Error(listed.formError);
    await setGalleryListingAction({ applicationId, listed: true });
    await setGalleryListingAction({ applicationId, listed: false });
    await setGalleryListingAction({ applicationId, listed: false });

    const events = await db().auditEvent.findMany({ where: { tenantId: acme.vendor.id }, orderBy: { at: "asc" } });
    expect(events).toEqual([
      expect.objectContaining({
        action: "application.listed",
        summary: "Acme App listed in the Application Gallery",
        actorUserId: acme.admin.id,
        actorRole: "VENDOR_ADMIN",
        tenantType: "vendor",
        tenantName: "Acme",
        before: { publishedAt: null },
        after: { publishedAt: listed.data.publishedAt?.toISOString() },
      }),
      expect.objectContaining({
        action: "application.unlisted",
        summary: "Acme App withdrawn from the Application Gallery",
        before: { publishedAt: listed.data.publishedAt?.toISOString() },
        after: { publishedAt: null },
      }),
    ]);
  });

  it("records nothing for another vendor's application", async () => {
    const owner = await createVendorWithApplication();
    signInAs((await createVendorWithApplication()).admin);
    expect((await setGalleryListingAction({ applicationId: owner.application.id, listed: true })).ok).toBe(false);
    expect(await db().auditEvent.count({ where: { action: { startsWith: "application." } , tenantId: owner.vendor.id } })).toBe(0);
  });
});

describe("changedFields", () => {
  it("keeps only the fields whose value differs, comparing arrays and objects by value", () => {
    expect(changedFields({ a: 1, b: ["x"], c: { d: 1 } }, { a: 2, b: ["x"], c: { d: 1 } })).toEqual({ changed: ["a"], before: { a: 1 }, after: { a: 2 } });
  });
});
