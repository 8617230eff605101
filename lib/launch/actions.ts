"use server";

// The launch portal's server actions: a vendor sets its application's launch URL; a district
// admin hides an activated application from some roles. Each is scoped by its session.
import { districtAction, vendorAction } from "@/lib/actions/authorised-action";
import { getConfig } from "@/lib/config";
import { activationVisibilitySchema, launchSettingsSchema } from "@/lib/launch/schema";
import { saveLaunchSettings } from "@/lib/launch/settings";
import { setHiddenRoles } from "@/lib/launch/visibility";

export const saveLaunchSettingsAction = vendorAction(
  () => launchSettingsSchema({ httpWebhookHosts: getConfig().httpWebhookHosts }),
  (admin, settings) => saveLaunchSettings(admin.vendorId, settings),
);

export const setActivationVisibilityAction = districtAction(
  () => activationVisibilitySchema,
  (admin, visibility) => setHiddenRoles(admin.districtId, visibility),
);
