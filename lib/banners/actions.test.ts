// The Banner tab's server action against a real PostgreSQL; only the session is faked.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { APPLICATION_NOT_FOUND } from "@/lib/applications/queries";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { saveBannerAction } from "@/lib/banners/actions";
import { loadBanner, SHOWN_NEEDS_AUTO_PROVISIONING, STALE_BANNER_MESSAGE } from "@/lib/banners/banners";
import { storeBannerImage } from "@/lib/banners/images";
import type { BannerInput } from "@/lib/banners/schema";
import { solidPng } from "@/lib/banners/test-images";
import { db } from "@/lib/db";
import { createDistrictAdmin, createVendorWithApplication } from "@/test/factories";

vi.mock("@/lib/auth/session", () => ({ getSessionUser: vi.fn() }));

function signInAs(user: SessionUser | null) {
  vi.mocked(getSessionUser).mockResolvedValue(user);
}

async function formValues(vendorId: string, applicationId: string): Promise<BannerInput> {
  const page = await loadBanner(vendorId, applicationId);
  if (!page) throw new Error("application not found");
  return page.values;
}

async function setAutoProvisioning(applicationId: string, on: boolean) {
  await db().provisioningConfig.update({ where: { applicationId }, data: { autoProvisioning: on, webhookUrl: "https://hooks.example.test/rollcall" } });
}

/** Rows of this test's vendor only: the database is shared by the tests of this file. */
function bannerCount(vendorId: string) {
  return db().banner.count({ where: { application: { vendorId } } });
}

function imagesOf(applicationId: string) {
  return db().bannerImage.findMany({ where: { applicationId }, select: { id: true } });
}

async function uploadImage(vendorId: string, applicationId: string, width = 40) {
  const stored = await storeBannerImage(vendorId, applicationId, solidPng(width, 20));
  if (!stored.ok) throw new Error(stored.error);
  return stored.image;
}

const content = {
  headline: "Science that sticks",
  body: "Free until June. <b>No</b> card needed.",
  ctaLabel: "Try it free",
  backgroundColor: "#0F172A",
  accentColor: "#fde047",
};

describe("saveBannerAction", () => {
  let acme: Awaited<ReturnType<typeof createVendorWithApplication>>;

  beforeEach(async () => {
    acme = await createVendorWithApplication("Acme");
    await setAutoProvisioning(acme.application.id, true);
    signInAs(acme.admin);
  });

  it("offers a new banner's defaults, then saves it and loads it back as stored", async () => {
    const opened = await formValues(acme.vendor.id, acme.application.id);
    expect(opened).toMatchObject({ version: 0, headline: "", ctaLabel: "Start a free trial", imageId: null, shown: false });

    const result = await saveBannerAction({ ...opened, ...content, shown: true });
    expect(result.ok).toBe(true);
    const after = await formValues(acme.vendor.id, acme.application.id);
    expect(after).toEqual({
      ...opened,
      ...content,
      backgroundColor: "#0f172a",
      version: 1,
      shown: true,
    });
    expect(result.ok && result.data.values).toEqual(after);
    // Text is stored as typed: it is rendered as text, never as HTML.
    expect(after.body).toBe("Free until June. <b>No</b> card needed.");
  });

  it("refuses an accent below WCAG AA on its background, saying the ratio, and saves nothing", async () => {
    const opened = await formValues(acme.vendor.id, acme.application.id);
    const result = await saveBannerAction({ ...opened, ...content, backgroundColor: "#ffffff", accentColor: "#ffff00" });
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: {
        accentColor: "Accent on background is 1.07:1; WCAG AA needs at least 4.5:1. Pick a darker accent or a lighter background.",
      },
    });
    expect(await bannerCount(acme.vendor.id)).toBe(0);
  });

  it("refuses to show a banner while auto-provisioning is off, but saves it hidden", async () => {
    await setAutoProvisioning(acme.application.id, false);
    const opened = await formValues(acme.vendor.id, acme.application.id);
    const shown = await saveBannerAction({ ...opened, ...content, shown: true });
    expect(shown).toEqual({
      ok: false,
      formError: SHOWN_NEEDS_AUTO_PROVISIONING,
      fieldErrors: { shown: SHOWN_NEEDS_AUTO_PROVISIONING },
    });
    expect(await bannerCount(acme.vendor.id)).toBe(0);

    expect((await saveBannerAction({ ...opened, ...content, shown: false })).ok).toBe(true);
    expect(await db().banner.findUnique({ where: { applicationId: acme.application.id } })).toMatchObject({ shown: false });
  });

  it("offers a shown banner as hidden once auto-provisioning is turned off", async () => {
    await saveBannerAction({ ...(await formValues(acme.vendor.id, acme.application.id)), ...content, shown: true });
    await setAutoProvisioning(acme.application.id, false);
    const page = await loadBanner(acme.vendor.id, acme.application.id);
    expect(page).toMatchObject({ application: { autoProvisioning: false }, values: { shown: false }, live: false });
  });

  it("refuses a stale save instead of overwriting someone else's", async () => {
    const opened = await formValues(acme.vendor.id, acme.application.id);
    expect((await saveBannerAction({ ...opened, ...content, headline: "First" })).ok).toBe(true);
    const second = await saveBannerAction({ ...opened, ...content, headline: "Second" });
    expect(second).toEqual({ ok: false, formError: STALE_BANNER_MESSAGE, code: "stale" });
    expect((await formValues(acme.vendor.id, acme.application.id)).headline).toBe("First");
  });

  it("lets exactly one of simultaneous first saves win", async () => {
    const opened = await formValues(acme.vendor.id, acme.application.id);
    const results = await Promise.all(["One", "Two", "Three"].map((headline) => saveBannerAction({ ...opened, ...content, headline })));
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok).every((result) => !result.ok && result.code === "stale")).toBe(true);
    expect((await formValues(acme.vendor.id, acme.application.id)).version).toBe(1);
  });

  it("keeps the chosen image and deletes the uploads the banner no longer uses", async () => {
    const first = await uploadImage(acme.vendor.id, acme.application.id, 40);
    const second = await uploadImage(acme.vendor.id, acme.application.id, 60);
    const opened = await formValues(acme.vendor.id, acme.application.id);
    const saved = await saveBannerAction({ ...opened, ...content, imageId: second.id });
    expect(saved.ok && saved.data.image).toEqual({ id: second.id, url: `/api/banner-images/${second.id}`, width: 60, height: 20 });
    expect(await imagesOf(acme.application.id)).toEqual([{ id: second.id }]);
    expect(first.id).not.toBe(second.id);

    // Remove image: the banner saves without one and the last upload goes too.
    const removed = await saveBannerAction({ ...(await formValues(acme.vendor.id, acme.application.id)), imageId: null });
    expect(removed.ok && removed.data.image).toBeNull();
    expect(await imagesOf(acme.application.id)).toEqual([]);
  });

  it("refuses an image of another application, even the vendor's own", async () => {
    const other = await db().application.create({ data: { vendorId: acme.vendor.id, name: "Other", provisioning: { create: {} } } });
    const image = await uploadImage(acme.vendor.id, other.id);
    const opened = await formValues(acme.vendor.id, acme.application.id);
    const result = await saveBannerAction({ ...opened, ...content, imageId: image.id });
    expect(result).toMatchObject({ ok: false, fieldErrors: { imageId: expect.stringMatching(/Upload it again/) } });
    expect(await db().bannerImage.count({ where: { id: image.id } })).toBe(1);
  });

  it("answers not found for another vendor's or an unknown application", async () => {
    const globex = await createVendorWithApplication("Globex");
    const theirs = await formValues(globex.vendor.id, globex.application.id);
    expect(await saveBannerAction({ ...theirs, ...content })).toEqual({ ok: false, formError: APPLICATION_NOT_FOUND });
    expect(await saveBannerAction({ ...theirs, ...content, applicationId: "00000000-0000-4000-8000-000000000000" })).toEqual({
      ok: false,
      formError: APPLICATION_NOT_FOUND,
    });
    expect(await loadBanner(acme.vendor.id, globex.application.id)).toBeNull();
    expect(await bannerCount(globex.vendor.id)).toBe(0);
  });

  it("refuses district admins and signed-out visitors", async () => {
    const opened = await formValues(acme.vendor.id, acme.application.id);
    signInAs(await createDistrictAdmin());
    expect(await saveBannerAction({ ...opened, ...content })).toMatchObject({ ok: false, formError: "Only vendor admins can change this." });
    signInAs(null);
    expect(await saveBannerAction({ ...opened, ...content })).toMatchObject({ ok: false, formError: expect.stringMatching(/Sign in again/) });
    expect(await bannerCount(acme.vendor.id)).toBe(0);
  });
});
