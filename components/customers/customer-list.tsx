// "Districts using this application": one entry per district that ever activated it, with
// how it came to be activated, what the webhook said, and the schools it no longer serves.
import { ModeBadge } from "@/components/deliveries/delivery-badges";
import { LocalDateTime } from "@/components/deliveries/local-time";
import { CustomerWebhook } from "@/components/customers/customer-webhook";
import type { Customer, RevokedSchool } from "@/lib/customers/queries";

type CustomerListProps = { applicationId: string; applicationName: string; customers: Customer[] };

export function CustomerList({ applicationId, applicationName, customers }: CustomerListProps) {
  const active = customers.filter((customer) => customer.status === "active").length;
  return (
    <section aria-labelledby="customers-heading" className="space-y-4">
      <div>
        <h2 id="customers-heading" className="text-lg font-semibold">
          Districts using this application
        </h2>
        {customers.length > 0 ? (
          <p className="mt-1 text-sm text-slate-500">
            {active === 1 ? "1 district uses" : `${active} districts use`} {applicationName}
            {customers.length > active ? `; ${customers.length - active} stopped using it` : ""}.
          </p>
        ) : null}
      </div>
      {customers.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-8 text-center text-sm text-slate-600">
          <p className="font-medium text-slate-800">No district uses {applicationName} yet.</p>
          <p className="mt-1">Districts find it in the Application Gallery; you can also request access below.</p>
        </div>
      ) : (
        <ul aria-labelledby="customers-heading" className="space-y-3">
          {customers.map((customer) => (
            <CustomerEntry key={customer.districtId} applicationId={applicationId} customer={customer} />
          ))}
        </ul>
      )}
    </section>
  );
}

function CustomerEntry({ applicationId, customer }: { applicationId: string; customer: Customer }) {
  const headingId = `customer-${customer.districtId}`;
  return (
    <li aria-labelledby={headingId} className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-center gap-2">
        <h3 id={headingId} className="font-semibold text-slate-900">
          {customer.districtName}
          <span className="font-normal text-slate-500"> · {customer.state}</span>
        </h3>
        <ActivationStatusBadge status={customer.status} />
        <ModeBadge mode={customer.mode} />
      </div>
      <p className="text-sm text-slate-600">
        {customer.origin === "district" ? "Activated by the district" : "Approved by the district"} on <LocalDateTime at={customer.activatedAt} />
        {customer.status === "deactivated" && customer.deactivatedAt ? (
          <>
            ; deactivated on <LocalDateTime at={customer.deactivatedAt} />
          </>
        ) : null}
        .
      </p>
      <CustomerWebhook applicationId={applicationId} customer={customer} />
      {customer.revokedSchools.length > 0 ? <RevokedSchools districtName={customer.districtName} schools={customer.revokedSchools} /> : null}
    </li>
  );
}

function ActivationStatusBadge({ status }: { status: Customer["status"] }) {
  const tone = status === "active" ? "border-emerald-300 bg-emerald-50 text-emerald-800" : "border-slate-300 bg-slate-100 text-slate-700";
  return (
    <span className={`inline-flex items-center whitespace-nowrap rounded-full border px-2 py-0.5 text-xs font-medium ${tone}`}>
      {status === "active" ? "Active" : "Deactivated"}
    </span>
  );
}

function RevokedSchools({ districtName, schools }: { districtName: string; schools: RevokedSchool[] }) {
  return (
    <div className="text-sm">
      <p className="font-medium text-slate-800">Schools whose access was revoked</p>
      <ul aria-label={`Schools of ${districtName} whose access was revoked`} className="mt-1 list-disc space-y-0.5 pl-5 text-slate-700">
        {schools.map((school) => (
          <li key={school.orgId}>
            {school.name}
            {school.revokedAt ? (
              <span className="text-slate-500">
                {" "}
                — revoked <LocalDateTime at={school.revokedAt} />
                {school.autoApproved ? ", approved automatically" : ""}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
