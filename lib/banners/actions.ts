"use server";

import { vendorAction } from "@/lib/actions/authorised-action";
import { UserFacingError } from "@/lib/actions/result";
import { APPLICATION_NOT_FOUND, requireVendorApplication } from "@/lib/applications/queries";
import { loadBanner, saveBanner } from "@/lib/banners/banners";
import { bannerSchema } from "@/lib/banners/schema";

/** Saves the Banner tab and answers with the banner as stored, for the form to show. */
export const saveBannerAction = vendorAction(
  () => bannerSchema,
  async (admin, banner) => {
    await requireVendorApplication(admin.vendorId, banner.applicationId);
    await saveBanner(admin, banner);
    const saved = await loadBanner(admin.vendorId, banner.applicationId);
    if (!saved) throw new UserFacingError(APPLICATION_NOT_FOUND);
    return { values: saved.values, image: saved.image, live: saved.live };
  },
);
