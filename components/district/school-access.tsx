"use client";

// One activation's schools: which no longer share data with the vendor (revoked) or wait
// for the vendor to agree (pending), and a form to revoke access for one more school.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { ResultMessage, outcome, type Outcome } from "@/components/gallery/result-message";
import { CONNECTION_FAILED } from "@/components/gallery/use-confirmed-action";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field";
import { requestSchoolRevocationAction } from "@/lib/activations/actions";
import type { SchoolAccess as School } from "@/lib/activations/queries";

type SchoolAccessProps = { applicationId: string; vendorName: string; schools: School[] };

const STATE_TEXT = { revoked: "Access revoked", pending: "Waiting for approval" } as const;

export function SchoolAccess({ applicationId, vendorName, schools }: SchoolAccessProps) {
  const id = useId();
  const router = useRouter();
  const [orgId, setOrgId] = useState("");
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [result, setResult] = useState<Outcome | null>(null);
  const revoke = useMutation({ mutationFn: requestSchoolRevocationAction });
  const withRevocation = schools.filter((school) => school.revocation !== null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const school = schools.find((candidate) => candidate.orgId === orgId);
    if (!school) return setFieldError("Choose a school.");
    setFieldError(undefined);
    revoke.mutate(
      { applicationId, orgId },
      {
        onSuccess: (answer) => {
          if (!answer.ok) {
            setFieldError(answer.fieldErrors?.orgId);
            return setResult(outcome("error", answer.formError));
          }
          setOrgId("");
          setResult(
            outcome(
              "success",
              answer.data.status === "approved"
                ? `Approved automatically: ${vendorName} no longer receives ${school.name}'s data.`
                : `Waiting for ${vendorName} to approve revoking access to ${school.name}.`,
            ),
          );
          router.refresh();
        },
        onError: () => setResult(outcome("error", CONNECTION_FAILED)),
      },
    );
  };

  if (schools.length === 0) {
    return <p className="text-sm text-slate-600">Your district has no schools in Rollcall yet, so there is no school access to revoke.</p>;
  }

  return (
    <div className="space-y-3">
      {withRevocation.length === 0 ? (
        <p className="text-sm text-slate-600">
          {vendorName} receives the data of all {schools.length === 1 ? "your school" : `${schools.length} of your schools`}.
        </p>
      ) : (
        <ul aria-label="Schools with access revoked or waiting for approval" className="divide-y divide-slate-100 rounded-md border border-slate-200 text-sm">
          {withRevocation.map((school) => (
            <li key={school.orgId} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2">
              <span>{school.name}</span>
              <span className={school.revocation === "revoked" ? "font-medium text-slate-800" : "text-amber-800"}>
                {school.revocation ? STATE_TEXT[school.revocation] : null}
                {school.revocation === "pending" ? <span className="sr-only"> from {vendorName}</span> : null}
              </span>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={submit} noValidate className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor={`${id}-school`} className="mb-1 block text-sm font-medium text-slate-800">
            School
          </label>
          <select
            id={`${id}-school`}
            value={orgId}
            onChange={(event) => setOrgId(event.target.value)}
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={fieldError ? `${id}-school-error` : undefined}
            className="block w-64 max-w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-500 focus:ring-2 focus:ring-brand-100 focus:outline-none"
          >
            <option value="">Choose a school…</option>
            {schools.map((school) => (
              <option key={school.orgId} value={school.orgId} disabled={school.revocation !== null}>
                {school.name}
                {school.revocation ? ` (${STATE_TEXT[school.revocation].toLowerCase()})` : ""}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" variant="secondary" disabled={revoke.isPending}>
          {revoke.isPending ? "Revoking…" : "Revoke access"}
        </Button>
      </form>
      <FieldError id={`${id}-school-error`} message={fieldError} />
      <ResultMessage outcome={result} />
    </div>
  );
}
