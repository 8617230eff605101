import type { Metadata } from "next";
import Link from "next/link";
import { AuditEventsTable } from "@/components/operator/audit-events-table";
import { PageSection } from "@/components/ui/page-section";
import { requireOperator } from "@/lib/auth/guards";
import { getOperatorOverview } from "@/lib/operator/queries";

export const metadata: Metadata = { title: "Operator console" };

export default async function OperatorOverviewPage() {
  await requireOperator();
  const overview = await getOperatorOverview();
  const figures = [
    { label: "Vendors", value: overview.vendors, href: "/operator/vendors" },
    { label: "Districts", value: overview.districts, href: "/operator/districts" },
    { label: "Suspended", value: overview.suspended, href: null },
    { label: "Pending invitations", value: overview.pendingInvitations, href: null },
  ];
  return (
    <>
      <h1 className="text-2xl font-semibold">Overview</h1>
      <p className="mt-1 max-w-2xl text-sm text-slate-600">
        This Rollcall instance&apos;s vendors and districts. Create them, invite their first admins, make auto-provisioning available to vendors, and suspend
        a tenant when you must.
      </p>
      <ul className="mt-6 grid max-w-3xl grid-cols-2 gap-4 sm:grid-cols-4">
        {figures.map((figure) => (
          <li key={figure.label} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <p className="text-sm text-slate-500">{figure.label}</p>
            <p className="mt-1 text-2xl font-semibold">
              {figure.href ? (
                <Link href={figure.href} className="text-brand-700 hover:underline" aria-label={`${figure.value} ${figure.label.toLowerCase()}`}>
                  {figure.value.toLocaleString("en-US")}
                </Link>
              ) : (
                figure.value.toLocaleString("en-US")
              )}
            </p>
          </li>
        ))}
      </ul>
      <PageSection
        id="latest-changes"
        title="Latest changes"
        aside={
          <Link href="/operator/audit" className="text-sm font-medium text-brand-700 hover:underline">
            See the whole audit log
          </Link>
        }
      >
        <AuditEventsTable events={overview.latestEvents} />
      </PageSection>
    </>
  );
}
