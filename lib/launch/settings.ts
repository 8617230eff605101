// The Sign-in tab's stored setting: where My apps sends a person, per application, always
// scoped by the vendor id from the session.
import { UserFacingError } from "@/lib/actions/result";
import { recordApplicationAudit } from "@/lib/applications/audit";
import { APPLICATION_NOT_FOUND } from "@/lib/applications/queries";
import { db } from "@/lib/db";
import type { LaunchSettings } from "@/lib/launch/schema";
import { maskUrlQuery } from "@/lib/audit/mask";
import { isUuid } from "@/lib/uuid";

export async function loadLaunchSettings(vendorId: string, applicationId: string): Promise<LaunchSettings | null> {
  if (!isUuid(applicationId)) return null;
  const application = await db().application.findFirst({ where: { id: applicationId, vendorId }, select: { id: true, launchUrl: true } });
  return application ? { applicationId: application.id, launchUrl: application.launchUrl ?? "" } : null;
}

/** Saves the launch URL (blank clears it) and answers with the settings as stored. */
export async function saveLaunchSettings(vendorId: string, { applicationId, launchUrl }: LaunchSettings): Promise<LaunchSettings> {
  return db().$transaction(async (tx) => {
    const application = await tx.application.findFirst({ where: { id: applicationId, vendorId }, select: { launchUrl: true } });
    if (!application) throw new UserFacingError(APPLICATION_NOT_FOUND);
    const next = launchUrl || null;
    if (application.launchUrl === next) return { applicationId, launchUrl };
    await tx.application.update({ where: { id: applicationId }, data: { launchUrl: next } });
    await recordApplicationAudit(tx, applicationId, {
      action: "launch.settings_changed",
      summary: (name) => (next ? `Launch URL of ${name} ${application.launchUrl ? "changed to" : "set to"} ${maskUrlQuery(next)}` : `Launch URL of ${name} removed`),
      before: { launchUrl: maskUrlQuery(application.launchUrl) },
      after: { launchUrl: maskUrlQuery(next) },
    });
    return { applicationId, launchUrl };
  });
}
