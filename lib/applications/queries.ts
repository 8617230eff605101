// A vendor's applications, always scoped by the vendor id from the session.
import { UserFacingError } from "@/lib/actions/result";
import { db } from "@/lib/db";
import { isUuid } from "@/lib/uuid";

export async function listVendorApplications(vendorId: string) {
  return db().application.findMany({
    where: { vendorId },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      description: true,
      publishedAt: true,
      provisioning: { select: { autoProvisioning: true, webhookUrl: true, updatedAt: true } },
    },
  });
}

export async function findVendorApplication(vendorId: string, applicationId: string) {
  if (!isUuid(applicationId)) return null;
  return db().application.findFirst({
    where: { id: applicationId, vendorId },
    select: { id: true, name: true, description: true, publishedAt: true },
  });
}

export const APPLICATION_NOT_FOUND = "This application was not found. It may have been deleted.";

/** For domain calls behind a server action: another vendor's or an unknown id is "not found". */
export async function requireVendorApplication(vendorId: string, applicationId: string) {
  const application = await findVendorApplication(vendorId, applicationId);
  if (!application) throw new UserFacingError(APPLICATION_NOT_FOUND);
  return application;
}

export async function getVendorName(vendorId: string): Promise<string> {
  const vendor = await db().vendor.findUniqueOrThrow({ where: { id: vendorId }, select: { name: true } });
  return vendor.name;
}
