import { describe, expect, it, vi } from "vitest";
import { setGalleryListingAction } from "@/lib/applications/actions";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { createDistrictAdmin, createVendorWithApplication } from "@/test/factories";

vi.mock("@/lib/auth/session", () => ({ getSessionUser: vi.fn() }));

function signInAs(user: SessionUser | null) {
  vi.mocked(getSessionUser).mockResolvedValue(user);
}

const publishedAtOf = async (applicationId: string) =>
  (await db().application.findUniqueOrThrow({ where: { id: applicationId }, select: { publishedAt: true } })).publishedAt;

describe("listing an application in the Application Gallery", () => {
  it("publishes, keeps the first publication date when published again, and withdraws", async () => {
    const vendor = await createVendorWithApplication();
    signInAs(vendor.admin);
    const applicationId = vendor.application.id;

    const published = await setGalleryListingAction({ applicationId, listed: true });
    expect(published.ok && published.data.publishedAt).toBeInstanceOf(Date);
    const firstDate = await publishedAtOf(applicationId);
    await setGalleryListingAction({ applicationId, listed: true });
    expect(await publishedAtOf(applicationId)).toEqual(firstDate);

    expect(await setGalleryListingAction({ applicationId, listed: false })).toEqual({ ok: true, data: { publishedAt: null } });
    expect(await publishedAtOf(applicationId)).toBeNull();
  });

  it("changes nothing for another vendor or a district admin", async () => {
    const owner = await createVendorWithApplication();
    for (const user of [(await createVendorWithApplication()).admin, await createDistrictAdmin()]) {
      signInAs(user);
      expect((await setGalleryListingAction({ applicationId: owner.application.id, listed: true })).ok).toBe(false);
    }
    expect(await publishedAtOf(owner.application.id)).toBeNull();
  });
});
