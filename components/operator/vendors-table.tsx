// The console's vendor list: a page of vendors with their admins, applications, the
// auto-provisioning capability and status. The search and page are in the address.
import Link from "next/link";
import { cell, headerCell } from "@/components/operator/table-styles";
import { formatTimestamp } from "@/components/ui/format-timestamp";
import { TenantStatusBadge, YesNoBadge } from "@/components/operator/status-badge";
import { EmptyTenantList, TenantPager } from "@/components/operator/tenant-pager";
import { listVendors, type TenantFilter } from "@/lib/operator/list";

const BASE = "/operator/vendors";

export async function VendorsTable({ filter }: { filter: TenantFilter }) {
  const page = await listVendors(filter);
  if (page.rows.length === 0) {
    return <EmptyTenantList filter={filter} basePath={BASE} noun="vendors" createHint="Create the first vendor above, then invite its admin." />;
  }
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600">
        {page.total.toLocaleString("en-US")} {page.total === 1 ? "vendor" : "vendors"}
        {filter.q ? " match" : ""}
      </p>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <caption className="sr-only">Vendors</caption>
          <thead className="bg-slate-50">
            <tr>
              <th scope="col" className={headerCell}>Name</th>
              <th scope="col" className={headerCell}>Admins</th>
              <th scope="col" className={headerCell}>Applications</th>
              <th scope="col" className={headerCell}>Auto-provisioning available</th>
              <th scope="col" className={headerCell}>Status</th>
              <th scope="col" className={headerCell}>Created</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {page.rows.map((vendor) => (
              <tr key={vendor.id}>
                <td className={cell}>
                  <Link href={`${BASE}/${vendor.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                    {vendor.name}
                  </Link>
                </td>
                <td className={cell}>{vendor.admins}</td>
                <td className={cell}>{vendor.applications}</td>
                <td className={cell}>
                  <YesNoBadge value={vendor.autoProvisioningAvailable} />
                </td>
                <td className={cell}>
                  <TenantStatusBadge suspendedAt={vendor.suspendedAt} />
                </td>
                <td className={`${cell} whitespace-nowrap text-slate-600`}>{formatTimestamp(vendor.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <TenantPager basePath={BASE} filter={filter} page={page} label="Vendor pages" />
    </div>
  );
}
