import type { Metadata } from "next";
import { requireDistrictAdmin } from "@/lib/auth/guards";
import { getDistrictOverview } from "@/lib/districts/queries";

export const metadata: Metadata = { title: "District" };

export default async function DistrictHomePage() {
  const admin = await requireDistrictAdmin();
  const district = await getDistrictOverview(admin.districtId);

  return (
    <>
      <h1 className="text-2xl font-semibold">{district.name}</h1>
      <dl className="mt-6 grid max-w-xl grid-cols-[10rem_1fr] gap-y-3 rounded-lg border border-slate-200 bg-white p-6 text-sm shadow-sm">
        <dt className="text-slate-500">State</dt>
        <dd>{district.state}</dd>
        <dt className="text-slate-500">District GUID</dt>
        <dd>
          <code>{district.districtGuid}</code>
          <p className="mt-1 text-xs text-slate-500">Applications you activate receive this identifier to set up your district.</p>
        </dd>
        <dt className="text-slate-500">Administrators</dt>
        <dd>{district._count.admins}</dd>
      </dl>
    </>
  );
}
