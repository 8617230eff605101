"use server";

import { z } from "zod";
import { vendorAction } from "@/lib/actions/authorised-action";
import { setGalleryListing } from "@/lib/applications/listing";

export const setGalleryListingAction = vendorAction(
  () => z.object({ applicationId: z.string().uuid(), listed: z.boolean() }),
  (admin, input) => setGalleryListing(admin.vendorId, input),
);
