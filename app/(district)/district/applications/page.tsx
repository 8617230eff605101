import type { Metadata } from "next";
import Link from "next/link";
import { ActivationCard } from "@/components/district/activation-card";
import { VendorRequests } from "@/components/district/vendor-requests";
import { RoleVisibility } from "@/components/launch/role-visibility";
import { listDistrictActivations, listPendingVendorRequests } from "@/lib/activations/queries";
import { requireDistrictAdmin } from "@/lib/auth/guards";
import { hiddenRolesByApplication } from "@/lib/launch/visibility";

export const metadata: Metadata = { title: "My applications" };

export default async function MyApplicationsPage() {
  const admin = await requireDistrictAdmin();
  const [activations, requests, hiddenRoles] = await Promise.all([
    listDistrictActivations(admin.districtId),
    listPendingVendorRequests(admin.districtId),
    hiddenRolesByApplication(admin.districtId),
  ]);

  return (
    <>
      <h1 className="text-2xl font-semibold">My applications</h1>
      <p className="mt-1 text-sm text-slate-600">Applications your district has activated, and vendors waiting for your answer.</p>

      <section aria-labelledby="vendor-requests-heading" className="mt-8">
        <h2 id="vendor-requests-heading" className="text-lg font-semibold">
          Requests from vendors
        </h2>
        <div className="mt-3">
          <VendorRequests requests={requests} />
        </div>
      </section>

      <section aria-labelledby="activations-heading" className="mt-10">
        <h2 id="activations-heading" className="text-lg font-semibold">
          Activations
        </h2>
        {activations.length === 0 ? (
          <div className="mt-3 rounded-lg border border-dashed border-slate-300 p-8 text-center">
            <p className="font-medium text-slate-800">Your district has not activated any application yet</p>
            <p className="mt-1 text-sm text-slate-600">
              Browse the{" "}
              <Link href="/district/gallery" className="font-medium text-brand-600 underline">
                Application Gallery
              </Link>{" "}
              to find one.
            </p>
          </div>
        ) : (
          <ul className="mt-3 space-y-4">
            {activations.map((activation) => (
              <li key={activation.applicationId} className="space-y-2">
                <ActivationCard activation={activation} />
                {activation.status === "active" ? (
                  <div className="rounded-lg border border-slate-200 bg-white px-6 py-4 shadow-sm">
                    <RoleVisibility
                      applicationId={activation.applicationId}
                      applicationName={activation.applicationName}
                      hiddenFromRoles={hiddenRoles.get(activation.applicationId) ?? []}
                    />
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
