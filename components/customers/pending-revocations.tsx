"use client";

// "Pending requests from districts": a district asks that the vendor no longer receive one
// school's data, and the vendor approves or denies. A decided request leaves the list when
// the page refreshes, so the outcome is announced above it and focus moves there.
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { LocalDateTime } from "@/components/deliveries/local-time";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { decideSchoolRevocationAction } from "@/lib/access-requests/actions";
import type { PendingSchoolRevocation } from "@/lib/customers/queries";

type Decision = "approve" | "deny";
type Outcome = { tone: "success" | "error"; message: string; requestId: string | null };

const CONNECTION_FAILED = "Rollcall could not be reached: the connection failed. Nothing was decided; try again.";

type PendingRevocationsProps = { applicationId: string; applicationName: string; autoApprove: boolean; requests: PendingSchoolRevocation[] };

export function PendingRevocations({ applicationId, applicationName, autoApprove, requests }: PendingRevocationsProps) {
  const router = useRouter();
  const heading = useRef<HTMLHeadingElement>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [refreshing, startRefresh] = useTransition();

  const decide = useMutation({
    mutationFn: (input: { request: PendingSchoolRevocation; decision: Decision }) =>
      decideSchoolRevocationAction({ requestId: input.request.id, decision: input.decision }),
    onSuccess: (result, { request }) => {
      if (!result.ok) {
        setOutcome({ tone: "error", message: result.formError, requestId: request.id });
        // Another admin may have answered it meanwhile: show the list as it now is.
        startRefresh(() => router.refresh());
        return;
      }
      const school = `${request.schoolName} (${request.districtName})`;
      setOutcome({
        tone: "success",
        requestId: null,
        message:
          result.data.status === "approved"
            ? `Approved: ${applicationName} no longer receives data of ${school}.`
            : `Denied: ${applicationName} keeps access to ${school}.`,
      });
      heading.current?.focus();
      startRefresh(() => router.refresh());
    },
    onError: (_error, { request }) => setOutcome({ tone: "error", message: CONNECTION_FAILED, requestId: request.id }),
  });
  const busy = decide.isPending || refreshing;
  const answer = (request: PendingSchoolRevocation, decision: Decision) => {
    setOutcome(null);
    decide.mutate({ request, decision });
  };

  return (
    <section aria-labelledby="revocations-heading" className="space-y-4">
      <div>
        <h2 id="revocations-heading" ref={heading} tabIndex={-1} className="text-lg font-semibold focus:outline-none">
          Pending requests from districts
        </h2>
        <p className="mt-1 text-sm text-slate-500">
          A district can ask that {applicationName} no longer receive one of its schools&apos; data.{" "}
          {autoApprove ? (
            "Auto-approve is on, so such requests are approved automatically and do not wait here."
          ) : (
            <>
              Auto-approve is off, so they wait for your answer here. With auto-approve on (
              <Link href={`/apps/${applicationId}/provisioning`} className="font-medium text-brand-700 hover:underline">
                Provisioning tab
              </Link>
              ), such requests are approved automatically.
            </>
          )}
        </p>
      </div>
      {outcome?.tone === "success" ? <Alert tone="success">{outcome.message}</Alert> : null}
      {outcome?.tone === "error" && !requests.some((request) => request.id === outcome.requestId) ? <Alert tone="error">{outcome.message}</Alert> : null}
      {requests.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-6 text-center text-sm text-slate-600">No requests from districts are waiting.</p>
      ) : (
        <ul aria-labelledby="revocations-heading" className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white shadow-sm">
          {requests.map((request) => {
            const labelId = `revocation-${request.id}`;
            const deciding = decide.isPending && decide.variables.request.id === request.id ? decide.variables.decision : null;
            return (
              <li key={request.id} aria-labelledby={labelId} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 text-sm">
                <div>
                  <p id={labelId} className="font-medium text-slate-900">
                    Revoke access to {request.schoolName} <span className="font-normal text-slate-500">· {request.districtName}, {request.state}</span>
                  </p>
                  <p className="text-slate-500">
                    Requested <LocalDateTime at={request.requestedAt} relative="after" />
                    {request.requestedByName ? ` by ${request.requestedByName}` : ""}
                  </p>
                  {outcome?.tone === "error" && outcome.requestId === request.id ? (
                    <p role="alert" className="mt-1 text-red-700">
                      {outcome.message}
                    </p>
                  ) : null}
                </div>
                <div role="group" aria-labelledby={labelId} className="flex gap-2">
                  <Button onClick={() => answer(request, "approve")} disabled={busy}>
                    {deciding === "approve" ? "Approving…" : "Approve"}
                  </Button>
                  <Button variant="secondary" onClick={() => answer(request, "deny")} disabled={busy}>
                    {deciding === "deny" ? "Denying…" : "Deny"}
                  </Button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
