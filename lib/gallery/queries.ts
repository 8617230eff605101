// The Application Gallery's reads: what every district admin may browse (published
// applications and their live promotion banners) and, scoped by the district id from the
// session, that district's own activation of each.
import { cache } from "react";
import type { GalleryActivation, GalleryBanner, GalleryCard } from "@/components/gallery/types";
import { sendsWebhooks } from "@/lib/activations/webhook";
import { bannerImageUrl } from "@/lib/banners/schema";
import { db } from "@/lib/db";
import { filterByName } from "@/lib/gallery/search";
import { DEFAULT_BUTTON_LABEL } from "@/lib/provisioning/schema";
import { isUuid } from "@/lib/uuid";
import type { Prisma } from "@/generated/prisma/client";

const PUBLISHED = { publishedAt: { not: null } } satisfies Prisma.ApplicationWhereInput;

/** A banner is live while it is switched on and its application provisions automatically. */
const LIVE_BANNER = { shown: true, application: { ...PUBLISHED, provisioning: { autoProvisioning: true } } } satisfies Prisma.BannerWhereInput;

const activationFields = { applicationId: true, status: true, mode: true, origin: true, activatedAt: true, deactivatedAt: true } satisfies Prisma.ActivationSelect;

export type GalleryApplication = {
  id: string;
  name: string;
  vendorName: string;
  description: string;
  /** The vendor's label for the activate button. */
  buttonLabel: string;
  /** Whether activating notifies the vendor's systems (auto-provisioning on, with a webhook URL). */
  notifiesVendor: boolean;
  activation: GalleryApplicationActivation | null;
};

export type GalleryApplicationActivation = GalleryActivation & {
  origin: "district" | "vendor_request";
  /** ISO 8601, set while deactivated. */
  deactivatedAt: string | null;
};

type GalleryOptions = {
  /** Whose activations the cards show; null (the vendor's preview) shows none. */
  districtId: string | null;
  /** Keeps the cards whose name matches, by the search box's rule (lib/gallery/search.ts). Banners are not filtered. */
  search?: string;
};

export async function listGallery({ districtId, search }: GalleryOptions): Promise<{ banners: GalleryBanner[]; cards: GalleryCard[] }> {
  const [banners, applications, activations] = await Promise.all([
    db().banner.findMany({
      where: LIVE_BANNER,
      orderBy: { application: { name: "asc" } },
      select: {
        applicationId: true,
        headline: true,
        body: true,
        ctaLabel: true,
        backgroundColor: true,
        accentColor: true,
        imageId: true,
        application: { select: { name: true, vendor: { select: { name: true } } } },
      },
    }),
    db().application.findMany({
      where: PUBLISHED,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      select: { id: true, name: true, description: true, vendor: { select: { name: true } } },
    }),
    districtId ? db().activation.findMany({ where: { districtId, application: PUBLISHED }, select: activationFields }) : [],
  ]);

  const activationByApplication = new Map(activations.map((activation) => [activation.applicationId, activation]));
  return {
    banners: banners.map(({ applicationId, imageId, application, ...content }) => ({
      ...content,
      applicationId,
      applicationName: application.name,
      vendorName: application.vendor.name,
      imageUrl: imageId ? bannerImageUrl(imageId) : null,
    })),
    cards: filterByName(applications, search ?? "").map((application) => {
      const activation = activationByApplication.get(application.id);
      return {
        id: application.id,
        name: application.name,
        vendorName: application.vendor.name,
        description: application.description,
        activation: activation ? galleryActivationOf(activation) : null,
      };
    }),
  };
}

/**
 * One published application as the district sees it; null for an unknown, unpublished or
 * malformed id. Cached per request: the page's title and body both read it.
 */
export const getGalleryApplication = cache(async (districtId: string, applicationId: string): Promise<GalleryApplication | null> => {
  if (!isUuid(applicationId)) return null;
  const application = await db().application.findFirst({
    where: { id: applicationId, ...PUBLISHED },
    select: {
      id: true,
      name: true,
      description: true,
      vendor: { select: { name: true, autoProvisioningAvailable: true } },
      provisioning: { select: { buttonLabel: true, autoProvisioning: true, webhookUrl: true } },
      activations: { where: { districtId }, select: activationFields },
    },
  });
  if (!application) return null;
  const [activation] = application.activations;
  return {
    id: application.id,
    name: application.name,
    vendorName: application.vendor.name,
    description: application.description,
    buttonLabel: application.provisioning?.buttonLabel.trim() || DEFAULT_BUTTON_LABEL,
    notifiesVendor: sendsWebhooks(application.provisioning, application.vendor),
    activation: activation
      ? { ...galleryActivationOf(activation), origin: activation.origin, deactivatedAt: activation.deactivatedAt?.toISOString() ?? null }
      : null,
  };
});

function galleryActivationOf(activation: { status: GalleryActivation["status"]; mode: GalleryActivation["mode"]; activatedAt: Date }): GalleryActivation {
  return { status: activation.status, mode: activation.mode, activatedAt: activation.activatedAt.toISOString() };
}
