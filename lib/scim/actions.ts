"use server";

import { z } from "zod";
import { districtAction } from "@/lib/actions/authorised-action";
import { roleMappingSchema } from "@/lib/scim/role-mapping-schema";
import { rederiveRoles, saveRoleMapping } from "@/lib/scim/roles";
import { createScimTokenSchema } from "@/lib/scim/token-schema";
import { createScimToken, revokeScimToken } from "@/lib/scim/tokens";

/** Answers with the new token in clear: the only time it is ever shown. */
export const createScimTokenAction = districtAction(
  () => createScimTokenSchema,
  (admin, { name }) => createScimToken({ id: admin.id, districtId: admin.districtId }, name),
);

/** Another district's token is "not found", as is one that never existed. */
export const revokeScimTokenAction = districtAction(
  () => z.object({ tokenId: z.string().uuid() }),
  (admin, { tokenId }) => revokeScimToken(admin.districtId, tokenId),
);

/** Saves the mapping, then re-derives the roles of people already synced and says how many changed. */
export const saveRoleMappingAction = districtAction(
  () => roleMappingSchema,
  async (admin, mapping) => {
    const saved = await saveRoleMapping(admin.districtId, mapping);
    const { changed } = await rederiveRoles(admin.districtId);
    return { mapping: saved, changed };
  },
);
