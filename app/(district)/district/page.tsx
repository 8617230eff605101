import type { Metadata } from "next";
import Link from "next/link";
import { SyncWarningBanner } from "@/components/scim/sync-warning";
import { requireDistrictAdmin } from "@/lib/auth/guards";
import { getDistrictOverview } from "@/lib/districts/queries";
import { getSyncWarning } from "@/lib/scim/activity";

export const metadata: Metadata = { title: "District" };

const ROLE_PLURALS: Record<string, string> = {
  administrator: "administrators",
  aide: "aides",
  guardian: "guardians",
  parent: "parents",
  proctor: "proctors",
  relative: "relatives",
  student: "students",
  teacher: "teachers",
};

export default async function DistrictHomePage() {
  const admin = await requireDistrictAdmin();
  const [district, syncWarning] = await Promise.all([getDistrictOverview(admin.districtId), getSyncWarning(admin.districtId)]);
  const waiting = district.pendingVendorRequests;

  return (
    <>
      <h1 className="text-2xl font-semibold">{district.name}</h1>
      {syncWarning ? (
        <div className="mt-4 max-w-xl">
          <SyncWarningBanner warning={syncWarning} linkToIdentitySync />
        </div>
      ) : null}
      {waiting > 0 && (
        <p role="status" className="mt-4 max-w-xl rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          {waiting === 1 ? "A vendor is" : `${waiting} vendors are`} asking for access to your district.{" "}
          <Link href="/district/applications" className="font-medium underline">
            Review on My applications
          </Link>
        </p>
      )}
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
        <dt className="text-slate-500">Roster</dt>
        <dd>
          {district.roster.length === 0 ? (
            <span className="text-slate-500">No people yet.</span>
          ) : (
            <>
              {district.roster.reduce((sum, group) => sum + group.people, 0).toLocaleString("en-US")} people
              <span className="block text-xs text-slate-500">
                {district.roster.map((group) => `${group.people.toLocaleString("en-US")} ${ROLE_PLURALS[group.role]}`).join(" · ")}
              </span>
            </>
          )}
        </dd>
        <dt className="text-slate-500">Applications in use</dt>
        <dd>
          {district.activeApplications}{" "}
          <span className="text-slate-500">
            ·{" "}
            <Link href="/district/applications" className="text-brand-700 underline">
              My applications
            </Link>{" "}
            ·{" "}
            <Link href="/district/gallery" className="text-brand-700 underline">
              Browse the Application Gallery
            </Link>
          </span>
        </dd>
      </dl>
    </>
  );
}
