"use server";

import { z } from "zod";
import { districtAction } from "@/lib/actions/authorised-action";
import { addSftpKey, queueInboxProcessing, removeSftpKey, saveAllowedNetworks, saveProcessingSchedule } from "@/lib/sftp/accounts";
import { addSftpKeySchema, allowedNetworksSchema, processingScheduleSchema } from "@/lib/sftp/schema";

export const addSftpKeyAction = districtAction(
  () => addSftpKeySchema,
  (admin, input) => addSftpKey({ id: admin.id, districtId: admin.districtId }, input),
);

/** Another district's key is "not found", as is one that never existed. */
export const removeSftpKeyAction = districtAction(
  () => z.object({ keyId: z.string().uuid() }),
  (admin, { keyId }) => removeSftpKey(admin.districtId, keyId),
);

export const saveAllowedNetworksAction = districtAction(
  () => allowedNetworksSchema,
  async (admin, { networks }) => ({ networks: await saveAllowedNetworks(admin.districtId, networks) }),
);

export const saveProcessingScheduleAction = districtAction(
  () => processingScheduleSchema,
  (admin, schedule) => saveProcessingSchedule(admin.districtId, schedule),
);

export const processInboxNowAction = districtAction(
  () => z.object({}),
  (admin) => queueInboxProcessing(admin.districtId),
);
