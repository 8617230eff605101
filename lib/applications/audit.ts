// The audit log's view of a change to one of a vendor's applications: the vendor is the
// tenant, the application is named in the summary, and before/after hold only what changed.
// Callers mask secrets before passing values in.
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

export type ChangedFields<T> = { changed: (keyof T & string)[]; before: Partial<T>; after: Partial<T> };

/** The fields of `after` whose value differs from `before`'s, compared as JSON (dates, arrays, objects). */
export function changedFields<T extends Record<string, unknown>>(before: T, after: T): ChangedFields<T> {
  const result: ChangedFields<T> = { changed: [], before: {}, after: {} };
  for (const key of Object.keys(after) as (keyof T & string)[]) {
    if (JSON.stringify(before[key] ?? null) === JSON.stringify(after[key] ?? null)) continue;
    result.changed.push(key);
    result.before[key] = before[key];
    result.after[key] = after[key];
  }
  return result;
}
