// The audit log's view of a change to one of a vendor's applications: the vendor is the
// tenant, the application is named in the summary, and before/after hold only what changed
// (see lib/audit/changes.ts). Callers mask secrets before passing values in.
import { recordAudit, type AuditEventInput, type AuditTenant } from "@/lib/audit/record";
import type { Prisma } from "@/generated/prisma/client";

type ApplicationAuditEvent = Omit<AuditEventInput, keyof AuditTenant | "summary"> & {
  /** The line the audit log shows, given the application's name. */
  summary: (applicationName: string) => string;
};

/** Records one event for the application's vendor, with the transaction client of the change. */
export async function recordApplicationAudit(tx: Prisma.TransactionClient, applicationId: string, event: ApplicationAuditEvent): Promise<void> {
  const application = await tx.application.findUniqueOrThrow({
    where: { id: applicationId },
    select: { name: true, vendor: { select: { id: true, name: true } } },
  });
  await recordAudit(tx, {
    ...event,
    tenantType: "vendor",
    tenantId: application.vendor.id,
    tenantName: application.vendor.name,
    summary: event.summary(application.name),
  });
}
