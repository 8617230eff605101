"use server";

import { z } from "zod";
import { vendorAction } from "@/lib/actions/authorised-action";
import { UserFacingError } from "@/lib/actions/result";
import { APPLICATION_NOT_FOUND, requireVendorApplication } from "@/lib/applications/queries";
import { getConfig } from "@/lib/config";
import { provisioningSettingsSchema } from "@/lib/provisioning/schema";
import { loadProvisioningSettings, saveProvisioningSettings } from "@/lib/provisioning/settings";
import { checkWebhookUrl, webhookUrlToCheckSchema } from "@/lib/provisioning/webhook-url-check";

/** Saves the Provisioning tab and answers with the settings as stored, for the form to show. */
export const saveProvisioningSettingsAction = vendorAction(
  () => provisioningSettingsSchema({ httpWebhookHosts: getConfig().httpWebhookHosts }),
  async (admin, settings) => {
    await saveProvisioningSettings(admin, settings);
    const saved = await loadProvisioningSettings(admin.vendorId, settings.applicationId);
    if (!saved) throw new UserFacingError(APPLICATION_NOT_FOUND);
    return saved.settings;
  },
);

/** Says where a webhook URL's host leads, as a delivery would vet it; sends no request. */
export const checkWebhookUrlAction = vendorAction(
  () => z.object({ applicationId: z.string().uuid(), url: webhookUrlToCheckSchema }),
  async (admin, { applicationId, url }) => {
    await requireVendorApplication(admin.vendorId, applicationId);
    return checkWebhookUrl(url);
  },
);
