// Reads and writes an application's promotion banner, always scoped to the vendor that
// owns the application: another vendor's application id is simply not found.
import { UserFacingError } from "@/lib/actions/result";
import { recordApplicationAudit } from "@/lib/applications/audit";
import { changedFields } from "@/lib/audit/changes";
import { APPLICATION_NOT_FOUND } from "@/lib/applications/queries";
import { bannerImageUrl, DEFAULT_BANNER_COLOURS, type BannerInput, type BannerValues } from "@/lib/banners/schema";
import { db } from "@/lib/db";
import { isUuid } from "@/lib/uuid";
import type { Prisma } from "@/generated/prisma/client";

export const STALE_BANNER_MESSAGE = "This banner was changed by someone else — reload to see their changes, then save again.";
export const SHOWN_NEEDS_AUTO_PROVISIONING =
  "Turn on auto-provisioning on the Provisioning tab before showing a banner: its call-to-action starts a trial through your webhook.";
export const IMAGE_NOT_FOUND = "This image is no longer stored (it may have been replaced in another tab). Upload it again, then save.";

export const DEFAULT_CTA_LABEL = "Start a free trial";

export type BannerImageInfo = { id: string; url: string; width: number; height: number };

export type BannerPageData = {
  application: {
    id: string;
    name: string;
    vendorName: string;
    /** A banner can be shown only while this is on. */
    autoProvisioning: boolean;
    /** Listed in districts' Application Gallery. */
    published: boolean;
  };
  /** The form's starting values (a new banner's defaults when none is saved). */
  values: BannerInput;
  image: BannerImageInfo | null;
  /** The saved banner is on show in the gallery right now. */
  live: boolean;
};

export async function loadBanner(vendorId: string, applicationId: string): Promise<BannerPageData | null> {
  if (!isUuid(applicationId)) return null;
  const application = await db().application.findFirst({
    where: { id: applicationId, vendorId },
    select: {
      id: true,
      name: true,
      publishedAt: true,
      vendor: { select: { name: true } },
      provisioning: { select: { autoProvisioning: true } },
      banner: { include: { image: { select: { id: true, width: true, height: true } } } },
    },
  });
  if (!application) return null;
  const autoProvisioning = application.provisioning?.autoProvisioning ?? false;
  const { banner } = application;
  return {
    application: {
      id: application.id,
      name: application.name,
      vendorName: application.vendor.name,
      autoProvisioning,
      published: application.publishedAt !== null,
    },
    values: {
      applicationId: application.id,
      version: banner?.version ?? 0,
      headline: banner?.headline ?? "",
      body: banner?.body ?? "",
      ctaLabel: banner?.ctaLabel ?? DEFAULT_CTA_LABEL,
      backgroundColor: banner?.backgroundColor ?? DEFAULT_BANNER_COLOURS.backgroundColor,
      accentColor: banner?.accentColor ?? DEFAULT_BANNER_COLOURS.accentColor,
      imageId: banner?.image?.id ?? null,
      // While auto-provisioning is off the banner cannot be shown, and the form saves it hidden.
      shown: (banner?.shown ?? false) && autoProvisioning,
    },
    image: banner?.image ? { ...banner.image, url: bannerImageUrl(banner.image.id) } : null,
    live: Boolean(banner?.shown && autoProvisioning && application.publishedAt),
  };
}

/**
 * Saves the banner if it is still at the version the form started from, then deletes the
 * application's uploaded images that the banner no longer uses.
 */
export async function saveBanner(actor: { vendorId: string }, input: BannerValues): Promise<{ version: number }> {
  return db().$transaction(async (tx) => {
    const application = await tx.application.findFirst({
      where: { id: input.applicationId, vendorId: actor.vendorId },
      select: { id: true, provisioning: { select: { autoProvisioning: true } }, banner: true },
    });
    if (!application) throw new UserFacingError(APPLICATION_NOT_FOUND);
    if ((application.banner?.version ?? 0) !== input.version) throw staleBanner();
    if (input.shown && !application.provisioning?.autoProvisioning) {
      throw new UserFacingError(SHOWN_NEEDS_AUTO_PROVISIONING, { fieldErrors: { shown: SHOWN_NEEDS_AUTO_PROVISIONING } });
    }
    if (input.imageId) {
      const image = await tx.bannerImage.findFirst({ where: { id: input.imageId, applicationId: application.id }, select: { id: true } });
      if (!image) throw new UserFacingError(IMAGE_NOT_FOUND, { fieldErrors: { imageId: IMAGE_NOT_FOUND } });
    }

    const content = {
      headline: input.headline,
      body: input.body,
      ctaLabel: input.ctaLabel,
      backgroundColor: input.backgroundColor,
      accentColor: input.accentColor,
      imageId: input.imageId,
      shown: input.shown,
    };
    const version = input.version + 1;
    const updated = await tx.banner.updateMany({
      where: { applicationId: application.id, version: input.version },
      data: { ...content, version },
    });
    const created =
      updated.count === 0 && !application.banner
        ? await tx.banner.createMany({ data: [{ applicationId: application.id, ...content, version }], skipDuplicates: true })
        : { count: 0 };
    if (updated.count + created.count === 0) throw staleBanner();

    await recordBannerChange(tx, application.id, application.banner, content);
    await tx.bannerImage.deleteMany({
      where: { applicationId: application.id, ...(input.imageId ? { id: { not: input.imageId } } : {}) },
    });
    return { version };
  });
}

type BannerContent = { headline: string; body: string; ctaLabel: string; backgroundColor: string; accentColor: string; imageId: string | null; shown: boolean };

const FIELD_NAMES: Record<keyof BannerContent, string> = {
  headline: "headline",
  body: "text",
  ctaLabel: "button label",
  backgroundColor: "background colour",
  accentColor: "accent colour",
  imageId: "image",
  shown: "shown",
};

/** One audit event for a save that changed something; a save of the same values records nothing. */
async function recordBannerChange(tx: Prisma.TransactionClient, applicationId: string, stored: BannerContent | null, next: BannerContent) {
  const empty: BannerContent = { headline: "", body: "", ctaLabel: DEFAULT_CTA_LABEL, ...DEFAULT_BANNER_COLOURS, imageId: null, shown: false };
  const previous = stored ? pickContent(stored) : empty;
  const { changed, before, after } = changedFields(previous, next);
  if (changed.length === 0) return;
  const visibility = changed.includes("shown") ? (next.shown ? " and shown in the gallery" : " and hidden from the gallery") : "";
  const fields = changed.filter((field) => field !== "shown").map((field) => FIELD_NAMES[field]);
  await recordApplicationAudit(tx, applicationId, {
    action: "banner.changed",
    summary: (name) =>
      fields.length > 0 ? `Banner of ${name} changed (${fields.join(", ")})${visibility}` : `Banner of ${name} ${next.shown ? "shown in" : "hidden from"} the gallery`,
    before: stored ? before : null,
    after,
  });
}

function pickContent({ headline, body, ctaLabel, backgroundColor, accentColor, imageId, shown }: BannerContent): BannerContent {
  return { headline, body, ctaLabel, backgroundColor, accentColor, imageId, shown };
}

function staleBanner(): UserFacingError {
  return new UserFacingError(STALE_BANNER_MESSAGE, { code: "stale" });
}
