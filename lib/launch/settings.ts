// The Sign-in tab's stored setting: where My apps sends a person, per application, always
// scoped by the vendor id from the session.
import { UserFacingError } from "@/lib/actions/result";
import { APPLICATION_NOT_FOUND } from "@/lib/applications/queries";
import { db } from "@/lib/db";
import type { LaunchSettings } from "@/lib/launch/schema";
import { isUuid } from "@/lib/uuid";

export async function loadLaunchSettings(vendorId: string, applicationId: string): Promise<LaunchSettings | null> {
  if (!isUuid(applicationId)) return null;
  const application = await db().application.findFirst({ where: { id: applicationId, vendorId }, select: { id: true, launchUrl: true } });
  return application ? { applicationId: application.id, launchUrl: application.launchUrl ?? "" } : null;
}

/** Saves the launch URL (blank clears it) and answers with the settings as stored. */
export async function saveLaunchSettings(vendorId: string, { applicationId, launchUrl }: LaunchSettings): Promise<LaunchSettings> {
  const { count } = await db().application.updateMany({ where: { id: applicationId, vendorId }, data: { launchUrl: launchUrl || null } });
  if (count === 0) throw new UserFacingError(APPLICATION_NOT_FOUND);
  return { applicationId, launchUrl };
}
