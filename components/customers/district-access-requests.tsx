// "Request access to a district": the form, then the vendor's requests still waiting for a
// district's answer and those a district denied. Approved ones appear among the customers.
import { LocalDateTime } from "@/components/deliveries/local-time";
import { RequestAccessForm } from "@/components/customers/request-access-form";
import type { RequestableDistrict, VendorAccessRequest } from "@/lib/customers/queries";

type DistrictAccessRequestsProps = {
  applicationId: string;
  applicationName: string;
  districts: RequestableDistrict[];
  requests: VendorAccessRequest[];
};

export function DistrictAccessRequests({ applicationId, applicationName, districts, requests }: DistrictAccessRequestsProps) {
  return (
    <section aria-labelledby="request-access-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <div>
        <h2 id="request-access-heading" className="text-lg font-semibold">
          Request access to a district
        </h2>
        <p className="mt-1 text-sm text-slate-500">The district&apos;s admin sees your request and approves or denies it.</p>
      </div>
      <RequestAccessForm applicationId={applicationId} applicationName={applicationName} districts={districts} />
      <div>
        <h3 id="access-requests-heading" className="text-sm font-semibold text-slate-800">
          Your requests
        </h3>
        {requests.length === 0 ? (
          <p className="mt-1 text-sm text-slate-500">No request of yours is waiting, and none was denied.</p>
        ) : (
          <ul aria-labelledby="access-requests-heading" className="mt-2 divide-y divide-slate-100 rounded-md border border-slate-200 text-sm">
            {requests.map((request) => (
              <li key={request.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2">
                <span className="font-medium text-slate-900">
                  {request.districtName} <span className="font-normal text-slate-500">· {request.state}</span>
                </span>
                <span className="flex flex-wrap items-center gap-2 text-slate-600">
                  {request.status === "pending" ? <RequestStatus tone="pending">Waiting for the district</RequestStatus> : <RequestStatus tone="denied">Denied</RequestStatus>}
                  <span>
                    Requested <LocalDateTime at={request.requestedAt} />
                    {request.status === "denied" && request.decidedAt ? (
                      <>
                        ; denied <LocalDateTime at={request.decidedAt} />
                      </>
                    ) : null}
                  </span>
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

function RequestStatus({ tone, children }: { tone: "pending" | "denied"; children: string }) {
  const colours = tone === "pending" ? "border-slate-300 bg-slate-50 text-slate-700" : "border-red-300 bg-red-50 text-red-800";
  return <span className={`inline-flex whitespace-nowrap rounded-full border px-2 py-0.5 text-xs font-medium ${colours}`}>{children}</span>;
}
