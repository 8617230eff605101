// The console's district list: a page of districts with their state, districtGUID, admins,
// active applications, single sign-on and status. The search and page are in the address.
import Link from "next/link";
import { cell, headerCell } from "@/components/operator/table-styles";
import { TenantStatusBadge, YesNoBadge } from "@/components/operator/status-badge";
import { EmptyTenantList, TenantPager } from "@/components/operator/tenant-pager";
import { listDistricts, type TenantFilter } from "@/lib/operator/list";

const BASE = "/operator/districts";

export async function DistrictsTable({ filter }: { filter: TenantFilter }) {
  const page = await listDistricts(filter);
  if (page.rows.length === 0) {
    return <EmptyTenantList filter={filter} basePath={BASE} noun="districts" createHint="Create the first district above, then invite its admin." />;
  }
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600">
        {page.total.toLocaleString("en-US")} {page.total === 1 ? "district" : "districts"}
        {filter.q ? " match" : ""}
      </p>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <caption className="sr-only">Districts</caption>
          <thead className="bg-slate-50">
            <tr>
              <th scope="col" className={headerCell}>Name</th>
              <th scope="col" className={headerCell}>State</th>
              <th scope="col" className={headerCell}>districtGUID</th>
              <th scope="col" className={headerCell}>Admins</th>
              <th scope="col" className={headerCell}>Active applications</th>
              <th scope="col" className={headerCell}>SSO</th>
              <th scope="col" className={headerCell}>Status</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {page.rows.map((district) => (
              <tr key={district.id}>
                <td className={cell}>
                  <Link href={`${BASE}/${district.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                    {district.name}
                  </Link>
                </td>
                <td className={cell}>{district.state}</td>
                <td className={`${cell} font-mono text-xs`}>{district.districtGuid}</td>
                <td className={cell}>{district.admins}</td>
                <td className={cell}>{district.activations}</td>
                <td className={cell}>
                  <YesNoBadge value={district.ssoOn} yes="On" no="Off" />
                </td>
                <td className={cell}>
                  <TenantStatusBadge suspendedAt={district.suspendedAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <TenantPager basePath={BASE} filter={filter} page={page} label="District pages" />
    </div>
  );
}
