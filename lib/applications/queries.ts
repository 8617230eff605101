// A vendor's applications, always scoped by the vendor id from the session.
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
      provisioning: { select: { autoProvisioning: true, webhookUrl: true, updatedAt: true } },
    },
  });
}

export async function findVendorApplication(vendorId: string, applicationId: string) {
  if (!isUuid(applicationId)) return null;
  return db().application.findFirst({ where: { id: applicationId, vendorId }, select: { id: true, name: true, description: true } });
}

export async function getVendorName(vendorId: string): Promise<string> {
  const vendor = await db().vendor.findUniqueOrThrow({ where: { id: vendorId }, select: { name: true } });
  return vendor.name;
}
