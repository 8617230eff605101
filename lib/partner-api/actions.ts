"use server";

import { z } from "zod";
import { vendorAction } from "@/lib/actions/authorised-action";
import { createApiKey, revokeApiKey } from "@/lib/partner-api/api-keys";
import { createApiKeySchema } from "@/lib/partner-api/schema";

/** Answers with the new key in clear: the only time it is ever shown. */
export const createApiKeyAction = vendorAction(
  () => createApiKeySchema,
  (admin, { name }) => createApiKey(admin, name),
);

export const revokeApiKeyAction = vendorAction(
  () => z.object({ keyId: z.string().uuid() }),
  (admin, { keyId }) => revokeApiKey(admin.vendorId, keyId),
);
