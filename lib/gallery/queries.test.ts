// The Application Gallery's reads against a real PostgreSQL: what is listed, which banners
// are live, and that a district sees only its own activations.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getGalleryApplication, listGallery } from "@/lib/gallery/queries";
import { createActivation, createBanner, createDistrictAdmin, createVendorWithApplication, publishApplication } from "@/test/factories";

type Vendor = Awaited<ReturnType<typeof createVendorWithApplication>>;

/** Every test file shares one database: look only at what this test made. */
function only<T extends { id?: string; applicationId?: string }>(items: T[], ...vendors: Vendor[]): T[] {
  const ids = new Set(vendors.map((vendor) => vendor.application.id));
  return items.filter((item) => ids.has(item.applicationId ?? item.id ?? ""));
}

let brightpath: Vendor;
let zenith: Vendor;
let hidden: Vendor;
let districtId: string;

beforeEach(async () => {
  const suffix = randomUUID().slice(0, 6);
  brightpath = await createVendorWithApplication(`Brightpath ${suffix}`, { webhookUrl: "https://hooks.brightpath.test/rollcall" });
  zenith = await createVendorWithApplication(`Zenith ${suffix}`);
  hidden = await createVendorWithApplication(`Unlisted ${suffix}`);
  await publishApplication(brightpath.application.id, { autoProvisioning: true, buttonLabel: "Add Writing Coach", description: "Feedback on every draft." });
  await publishApplication(zenith.application.id, { description: "Science labs." });
  districtId = (await createDistrictAdmin()).districtId!;
});

describe("listGallery", () => {
  it("lists published applications by name with their vendor, and nothing unpublished", async () => {
    const { cards } = await listGallery({ districtId });
    expect(only(cards, brightpath, zenith, hidden)).toEqual([
      { id: brightpath.application.id, name: brightpath.application.name, vendorName: brightpath.vendor.name, description: "Feedback on every draft.", activation: null },
      { id: zenith.application.id, name: zenith.application.name, vendorName: zenith.vendor.name, description: "Science labs.", activation: null },
    ]);
  });

  it("shows the district's own activation on its card, never another district's", async () => {
    const activatedAt = new Date("2026-11-20T09:30:00.000Z");
    await createActivation(districtId, brightpath.application.id, { mode: "trial", activatedAt });
    const otherDistrict = (await createDistrictAdmin()).districtId!;
    await createActivation(otherDistrict, zenith.application.id, { status: "deactivated" });

    const { cards } = await listGallery({ districtId });
    expect(only(cards, brightpath, zenith).map((card) => card.activation)).toEqual([
      { status: "active", mode: "trial", activatedAt: activatedAt.toISOString() },
      null,
    ]);
    const other = await listGallery({ districtId: otherDistrict });
    expect(only(other.cards, zenith)[0]?.activation).toMatchObject({ status: "deactivated", mode: "standard" });
  });

  it("shows no activations at all without a district (the vendor's preview)", async () => {
    await createActivation(districtId, brightpath.application.id);
    const { cards } = await listGallery({ districtId: null });
    expect(only(cards, brightpath).map((card) => card.activation)).toEqual([null]);
  });

  it("shows a banner only while it is switched on, its application provisions automatically and is published", async () => {
    const banner = await createBanner(brightpath.application.id, { withImage: true });
    await createBanner(zenith.application.id); // auto-provisioning off
    await publishApplication(hidden.application.id, { autoProvisioning: true });
    await createBanner(hidden.application.id, { shown: false });

    const { banners } = await listGallery({ districtId });
    expect(only(banners, brightpath, zenith, hidden)).toEqual([
      {
        applicationId: brightpath.application.id,
        applicationName: brightpath.application.name,
        vendorName: brightpath.vendor.name,
        headline: "Try it free",
        body: "Thirty days on us.",
        ctaLabel: "Start trial",
        backgroundColor: "#0f172a",
        accentColor: "#fde047",
        imageUrl: `/api/banner-images/${banner.imageId}`,
      },
    ]);

    await db().application.update({ where: { id: brightpath.application.id }, data: { publishedAt: null } });
    expect(only((await listGallery({ districtId })).banners, brightpath)).toEqual([]);
  });

  it("keeps the cards whose name matches the search, ignoring case, and every live banner", async () => {
    await createBanner(brightpath.application.id);
    const { cards, banners } = await listGallery({ districtId, search: `  ${zenith.vendor.name.toUpperCase()} ` });
    expect(only(cards, brightpath, zenith).map((card) => card.name)).toEqual([zenith.application.name]);
    expect(only(banners, brightpath)).toHaveLength(1);
  });
});

describe("getGalleryApplication", () => {
  it("gives the application with the vendor's button label and the district's activation", async () => {
    await createActivation(districtId, brightpath.application.id, { origin: "vendor_request" });
    const application = await getGalleryApplication(districtId, brightpath.application.id);
    expect(application).toMatchObject({
      id: brightpath.application.id,
      name: brightpath.application.name,
      vendorName: brightpath.vendor.name,
      description: "Feedback on every draft.",
      buttonLabel: "Add Writing Coach",
      notifiesVendor: true,
      activation: { status: "active", mode: "standard", origin: "vendor_request", deactivatedAt: null },
    });
  });

  it("labels the button Activate unless the vendor chose a label, says the vendor is not notified without auto-provisioning, and shows a deactivation's date", async () => {
    await createActivation(districtId, zenith.application.id, { status: "deactivated" });
    const application = await getGalleryApplication(districtId, zenith.application.id);
    expect(application).toMatchObject({ buttonLabel: "Activate", notifiesVendor: false });
    expect(application?.activation).toMatchObject({ status: "deactivated", deactivatedAt: expect.any(String) });
  });

  it("does not show another district's activation", async () => {
    const otherDistrict = (await createDistrictAdmin()).districtId!;
    await createActivation(otherDistrict, brightpath.application.id);
    expect((await getGalleryApplication(districtId, brightpath.application.id))?.activation).toBeNull();
  });

  it("is null for an unpublished, unknown or malformed id", async () => {
    expect(await getGalleryApplication(districtId, hidden.application.id)).toBeNull();
    expect(await getGalleryApplication(districtId, randomUUID())).toBeNull();
    expect(await getGalleryApplication(districtId, "not-a-uuid")).toBeNull();
  });
});
