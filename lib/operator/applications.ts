// Applications are added to a vendor by the operator (the vendor's admins then configure them).
// The application and its audit event are written in one transaction.
import { UserFacingError } from "@/lib/actions/result";
import { recordAudit, vendorTenant } from "@/lib/audit/record";
import { db } from "@/lib/db";

export type VendorApplicationView = {
  id: string;
  name: string;
  listed: boolean;
  autoProvisioning: boolean;
  activeActivations: number;
};

export async function addApplication(vendorId: string, input: { name: string; description: string }): Promise<{ id: string; name: string }> {
  return db().$transaction(async (tx) => {
    const vendor = await tx.vendor.findUnique({ where: { id: vendorId }, select: { id: true } });
    if (!vendor) throw new UserFacingError("This vendor was not found. Go back to the list of vendors and open it again.");
    const taken = await tx.application.findFirst({ where: { vendorId, name: { equals: input.name, mode: "insensitive" } }, select: { id: true } });
    if (taken) throw new UserFacingError("Choose another name.", { fieldErrors: { name: `This vendor already has an application named “${input.name}”.` } });
    const application = await tx.application.create({
      data: { vendorId, name: input.name, description: input.description, provisioning: { create: {} } },
      select: { id: true, name: true },
    });
    await recordAudit(tx, {
      ...(await vendorTenant(tx, vendorId)),
      action: "application.created",
      summary: `Application ${application.name} added`,
      after: { name: application.name, description: input.description },
    });
    return application;
  });
}

export async function listVendorApplications(vendorId: string): Promise<VendorApplicationView[]> {
  const applications = await db().application.findMany({
    where: { vendorId },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      publishedAt: true,
      provisioning: { select: { autoProvisioning: true } },
      _count: { select: { activations: { where: { status: "active" } } } },
    },
  });
  return applications.map((application) => ({
    id: application.id,
    name: application.name,
    listed: application.publishedAt !== null,
    autoProvisioning: application.provisioning?.autoProvisioning ?? false,
    activeActivations: application._count.activations,
  }));
}
