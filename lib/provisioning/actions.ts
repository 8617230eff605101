"use server";

import { vendorAction } from "@/lib/actions/vendor-action";
import { UserFacingError } from "@/lib/actions/result";
import { getConfig } from "@/lib/config";
import { provisioningSettingsSchema } from "@/lib/provisioning/schema";
import { loadProvisioningSettings, saveProvisioningSettings } from "@/lib/provisioning/settings";

/** Saves the Provisioning tab and answers with the settings as stored, for the form to show. */
export const saveProvisioningSettingsAction = vendorAction(
  () => provisioningSettingsSchema({ httpWebhookHosts: getConfig().httpWebhookHosts }),
  async (admin, settings) => {
    await saveProvisioningSettings(admin, settings);
    const saved = await loadProvisioningSettings(admin.vendorId, settings.applicationId);
    if (!saved) throw new UserFacingError("This application was not found. It may have been deleted.");
    return saved.settings;
  },
);
