// Banner images: storing a checked upload for one application, and deciding who may see a
// stored one. Images stay stored until a banner save no longer uses them.
import { createHash } from "node:crypto";
import { findVendorApplication } from "@/lib/applications/queries";
import { isDistrictAdmin, isVendorAdmin } from "@/lib/auth/guards";
import type { SessionUser } from "@/lib/auth/session";
import type { BannerImageInfo } from "@/lib/banners/banners";
import { checkBannerImage, type ImageCheck } from "@/lib/banners/image-check";
import { bannerImageUrl } from "@/lib/banners/schema";
import { db } from "@/lib/db";
import { isUuid } from "@/lib/uuid";
import type { Prisma } from "@/generated/prisma/client";

/** Uploads not yet used by a saved banner, per application: enough for any real editing session. */
export const MAX_PENDING_IMAGES = 20;
/** Unused uploads older than this are abandoned drafts and removed on the next upload. */
const PENDING_IMAGE_LIFETIME_MS = 24 * 60 * 60 * 1000;

const REFUSAL_STATUS: Record<Extract<ImageCheck, { ok: false }>["kind"], number> = {
  empty: 400,
  too_large: 413,
  unsupported: 415,
  damaged: 400,
  too_many_pixels: 400,
};

export type StoreImageResult = { ok: true; image: BannerImageInfo } | { ok: false; status: number; error: string };

/**
 * Checks the bytes by content and stores them for the vendor's application; nothing is
 * stored on a refusal. Another vendor's or an unknown application is "not found" (404).
 */
export async function storeBannerImage(vendorId: string, applicationId: string, bytes: Uint8Array): Promise<StoreImageResult> {
  if (!(await findVendorApplication(vendorId, applicationId))) return { ok: false, status: 404, error: "Not found." };
  const check = checkBannerImage(bytes);
  if (!check.ok) return { ok: false, status: REFUSAL_STATUS[check.kind], error: check.problem };

  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const unused = { applicationId, banner: { is: null } } satisfies Prisma.BannerImageWhereInput;
  const image = await db().$transaction(async (tx) => {
    // The same file uploaded again (a second pick of it) is the same stored image.
    const same = await tx.bannerImage.findFirst({ where: { applicationId, sha256 }, select: { id: true, width: true, height: true } });
    if (same) return same;
    await tx.bannerImage.deleteMany({ where: { ...unused, createdAt: { lt: new Date(Date.now() - PENDING_IMAGE_LIFETIME_MS) } } });
    if ((await tx.bannerImage.count({ where: unused })) >= MAX_PENDING_IMAGES) return null;
    return tx.bannerImage.create({
      data: { applicationId, ...check.image, bytes: Uint8Array.from(bytes), sha256 },
      select: { id: true, width: true, height: true },
    });
  });
  if (!image) {
    return {
      ok: false,
      status: 429,
      error: `${MAX_PENDING_IMAGES} images are waiting for this banner to be saved. Save the banner (unused images are then removed), then upload again.`,
    };
  }
  return { ok: true, image: { ...image, url: bannerImageUrl(image.id) } };
}

/**
 * A stored image, if this user may see it: the owning vendor's admins always; any signed-in
 * admin while the image's banner is on show in the gallery (districts see it there, and
 * vendors in Preview in gallery). Everyone else gets nothing, as for an unknown id.
 */
export async function findViewableBannerImage(user: SessionUser | null, imageId: string) {
  if (!user || !isUuid(imageId)) return null;
  const visibleInGallery = {
    banner: {
      is: { shown: true, application: { publishedAt: { not: null }, provisioning: { is: { autoProvisioning: true } } } },
    },
  } satisfies Prisma.BannerImageWhereInput;
  const rules: Prisma.BannerImageWhereInput[] = [];
  if (isVendorAdmin(user)) rules.push({ application: { vendorId: user.vendorId } }, visibleInGallery);
  if (isDistrictAdmin(user)) rules.push(visibleInGallery);
  if (rules.length === 0) return null;
  return db().bannerImage.findFirst({
    where: { id: imageId, OR: rules },
    select: { contentType: true, bytes: true },
  });
}
