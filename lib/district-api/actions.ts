"use server";

import { z } from "zod";
import { districtAction } from "@/lib/actions/authorised-action";
import { createDistrictApiTokenSchema } from "@/lib/district-api/token-schema";
import { createDistrictApiToken, revokeDistrictApiToken } from "@/lib/district-api/tokens";

/** Answers with the new token in clear: the only time it is ever shown. */
export const createDistrictApiTokenAction = districtAction(
  () => createDistrictApiTokenSchema,
  (admin, { name }) => createDistrictApiToken({ id: admin.id, districtId: admin.districtId }, name),
);

/** Another district's token is "not found", as is one that never existed. */
export const revokeDistrictApiTokenAction = districtAction(
  () => z.object({ tokenId: z.string().uuid() }),
  (admin, { tokenId }) => revokeDistrictApiToken(admin.districtId, tokenId),
);
