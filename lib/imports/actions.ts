"use server";

import { z } from "zod";
import { districtAction } from "@/lib/actions/authorised-action";
import { saveAccountTypes } from "@/lib/imports/people/account-types";
import { accountTypesFormSchema } from "@/lib/imports/people/account-types-schema";
import { confirmImport, discardImport } from "@/lib/imports/receive";

/** Queues applying a previewed upload: every row, or (when some have problems) only the valid ones. */
export const confirmImportAction = districtAction(
  () => z.object({ importId: z.string().uuid(), validRowsOnly: z.boolean() }),
  (admin, { importId, validRowsOnly }) => confirmImport(admin.districtId, importId, validRowsOnly),
);

export const discardImportAction = districtAction(
  () => z.object({ importId: z.string().uuid() }),
  (admin, { importId }) => discardImport(admin.districtId, importId),
);

export const saveAccountTypesAction = districtAction(
  () => accountTypesFormSchema,
  async (admin, { accountTypes }) => ({ accountTypes: await saveAccountTypes(admin.districtId, accountTypes) }),
);
