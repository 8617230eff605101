import type { Metadata } from "next";
import Link from "next/link";
import { listVendorApplications } from "@/lib/applications/queries";
import { requireVendorAdmin } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Applications" };

export default async function ApplicationsPage() {
  const admin = await requireVendorAdmin();
  const applications = await listVendorApplications(admin.vendorId);

  return (
    <>
      <h1 className="text-2xl font-semibold">Applications</h1>
      {applications.length === 0 ? (
        <p className="mt-6 rounded-lg border border-dashed border-slate-300 p-8 text-center text-slate-600">
          Your organisation has no applications yet. Your Rollcall operator adds them when your account is set up.
        </p>
      ) : (
        <ul className="mt-6 grid gap-4 sm:grid-cols-2">
          {applications.map((application) => (
            <li key={application.id}>
              <Link
                href={`/apps/${application.id}/provisioning`}
                className="block h-full rounded-lg border border-slate-200 bg-white p-5 shadow-sm hover:border-brand-500"
              >
                <h2 className="font-semibold">{application.name}</h2>
                <p className="mt-1 text-sm text-slate-600">{application.description}</p>
                <p className="mt-3 text-xs font-medium text-slate-500">
                  Auto-provisioning {application.provisioning?.autoProvisioning ? "on" : "off"} ·{" "}
                  {application.publishedAt ? "Listed in the gallery" : "Not listed in the gallery"}
                </p>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
