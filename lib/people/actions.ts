"use server";

import { districtAction } from "@/lib/actions/authorised-action";
import { dismissDuplicate, mergePeople } from "@/lib/people/merge";
import { dismissSchema, mergeSchema } from "@/lib/people/merge-schema";

/** Another district's records are "not found", as are records that never existed. */
export const mergePeopleAction = districtAction(
  () => mergeSchema,
  (admin, input) => mergePeople(admin.districtId, input),
);

export const dismissDuplicateAction = districtAction(
  () => dismissSchema,
  (admin, input) => dismissDuplicate(admin.districtId, admin.id, input),
);
