// One of the district's activations on My applications: what it is, how it came about, and
// what the admin can do with it (deactivate, revoke one school's access).
import { DeactivateButton } from "@/components/district/deactivate-button";
import { SchoolAccess } from "@/components/district/school-access";
import { ActivationStatus } from "@/components/gallery/activation-status";
import { MonogramLogo } from "@/components/gallery/monogram-logo";
import type { DistrictActivation } from "@/lib/activations/queries";

export function ActivationCard({ activation }: { activation: DistrictActivation }) {
  const { applicationId, applicationName, vendorName } = activation;
  const active = activation.status === "active";

  return (
    <article aria-label={applicationName} className="space-y-5 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <div className="flex flex-wrap items-start gap-4">
        <MonogramLogo name={applicationName} />
        <div className="min-w-0 flex-1">
          <h2 className="text-lg font-semibold break-words">{applicationName}</h2>
          <p className="text-sm text-slate-500">{vendorName}</p>
        </div>
        <ActivationStatus
          activation={{ status: activation.status, mode: activation.mode, activatedAt: activation.activatedAt.toISOString() }}
          deactivatedAt={activation.deactivatedAt?.toISOString() ?? null}
        />
      </div>
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[8rem_1fr]">
        <dt className="text-slate-500">Mode</dt>
        <dd>{activation.mode === "trial" ? "Trial" : "Standard"}</dd>
        <dt className="text-slate-500">Origin</dt>
        <dd>
          {activation.origin === "vendor_request"
            ? `Activated at ${vendorName}'s request, without auto-provisioning`
            : "Activated by your district"}
        </dd>
      </dl>
      <DeactivateButton
        applicationId={applicationId}
        applicationName={applicationName}
        vendorName={vendorName}
        autoProvisioned={activation.autoProvisioned}
        active={active}
      />
      {active ? (
        <section aria-label={`School access to ${applicationName}`} className="space-y-3 border-t border-slate-100 pt-4">
          <div>
            <h3 className="font-medium">Revoke access for one school</h3>
            <p className="mt-0.5 text-sm text-slate-500">{vendorName} stops receiving that school&apos;s data; the rest of your district keeps the application.</p>
          </div>
          <SchoolAccess applicationId={applicationId} vendorName={vendorName} schools={activation.schools} />
        </section>
      ) : null}
    </article>
  );
}
