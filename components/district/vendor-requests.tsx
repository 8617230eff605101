"use client";

// Vendors asking this district for access to one of their applications. Approving
// activates the application without auto-provisioning: Rollcall sends the vendor no
// webhook, and they set the district up themselves.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { LocalDate } from "@/components/gallery/local-date";
import { ResultMessage, outcome, type Outcome } from "@/components/gallery/result-message";
import { CONNECTION_FAILED } from "@/components/gallery/use-confirmed-action";
import { Button } from "@/components/ui/button";
import { decideVendorAccessRequestAction } from "@/lib/activations/actions";
import type { PendingVendorRequest } from "@/lib/activations/queries";

type Decision = "approve" | "deny";

export function VendorRequests({ requests }: { requests: PendingVendorRequest[] }) {
  const router = useRouter();
  const [result, setResult] = useState<Outcome | null>(null);
  const decide = useMutation({ mutationFn: decideVendorAccessRequestAction });

  const answer = (request: PendingVendorRequest, decision: Decision) =>
    decide.mutate(
      { requestId: request.id, decision },
      {
        onSuccess: (answered) => {
          if (!answered.ok) return setResult(outcome("error", answered.formError));
          setResult(outcome("success", decisionMessage(request, answered.data.status)));
          // The request leaves this list; an approved one appears among the activations.
          router.refresh();
        },
        onError: () => setResult(outcome("error", CONNECTION_FAILED)),
      },
    );

  return (
    <div className="space-y-3">
      {requests.length === 0 ? (
        <p className="text-sm text-slate-600">No vendor is waiting for an answer.</p>
      ) : (
        <ul className="space-y-3">
          {requests.map((request) => {
            const deciding = decide.isPending && decide.variables.requestId === request.id ? decide.variables.decision : null;
            return (
              <li key={request.id}>
                <article aria-label={`${request.vendorName} asks for ${request.applicationName}`} className="rounded-lg border border-amber-200 bg-amber-50/60 p-4">
                  <p className="font-medium">
                    {request.vendorName} asks for access to {request.applicationName}
                  </p>
                  <p className="mt-0.5 text-sm text-slate-600">
                    Asked on <LocalDate at={request.requestedAt.toISOString()} />
                    {request.requestedByName ? ` by ${request.requestedByName}` : null}.
                  </p>
                  <p className="mt-2 text-sm text-slate-700">
                    Approving activates {request.applicationName} for your district without auto-provisioning: Rollcall sends{" "}
                    {request.vendorName} no webhook, and they set your district up themselves.
                  </p>
                  <div className="mt-3 flex gap-2">
                    <Button onClick={() => answer(request, "approve")} disabled={decide.isPending}>
                      {deciding === "approve" ? "Approving…" : "Approve"}
                    </Button>
                    <Button variant="secondary" onClick={() => answer(request, "deny")} disabled={decide.isPending}>
                      {deciding === "deny" ? "Denying…" : "Deny"}
                    </Button>
                  </div>
                </article>
              </li>
            );
          })}
        </ul>
      )}
      <ResultMessage outcome={result} />
    </div>
  );
}

function decisionMessage(request: PendingVendorRequest, status: "approved" | "denied"): string {
  return status === "approved"
    ? `Approved. ${request.applicationName} is activated for your district without auto-provisioning: no webhook is sent to ${request.vendorName}.`
    : `Denied. ${request.vendorName} does not get access to your district for ${request.applicationName}.`;
}
