"use client";

// Asks a district for access to one application. The district's approval activates it
// without auto-provisioning, so the caution sits beside the button, not behind a link.
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field";
import { requestDistrictAccessAction } from "@/lib/access-requests/actions";
import type { RequestableDistrict } from "@/lib/customers/queries";
import { requestDistrictAccessSchema, type RequestDistrictAccessInput } from "@/lib/access-requests/schema";

type RequestAccessFormProps = { applicationId: string; applicationName: string; districts: RequestableDistrict[] };
type Outcome = { tone: "success" | "error"; message: string };

const CONNECTION_FAILED = "Rollcall could not be reached: the connection failed. No request was sent; try again.";

export function RequestAccessForm({ applicationId, applicationName, districts }: RequestAccessFormProps) {
  const router = useRouter();
  const ids = useId();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [refreshing, startRefresh] = useTransition();
  const emptyForm = { applicationId, districtId: "" };
  const { register, handleSubmit, setError, reset, formState } = useForm<RequestDistrictAccessInput>({
    resolver: zodResolver(requestDistrictAccessSchema),
    defaultValues: emptyForm,
  });

  const send = useMutation({
    mutationFn: requestDistrictAccessAction,
    onSuccess: (result, input) => {
      if (!result.ok) {
        if (result.fieldErrors?.districtId) setError("districtId", { message: result.fieldErrors.districtId });
        setOutcome({ tone: "error", message: result.formError });
        return;
      }
      const district = districts.find((candidate) => candidate.id === input.districtId)?.name ?? "the district";
      setOutcome({
        tone: "success",
        message: result.data.alreadyRequested
          ? `Your request to ${district} was already waiting for its answer.`
          : `Request sent to ${district}. It waits below until the district answers.`,
      });
      reset(emptyForm);
      startRefresh(() => router.refresh());
    },
    onError: () => setOutcome({ tone: "error", message: CONNECTION_FAILED }),
  });

  const onSubmit = handleSubmit((values) => {
    setOutcome(null);
    send.mutate(values);
  });
  const busy = send.isPending || refreshing;
  const districtError = formState.errors.districtId?.message;
  const selectId = `${ids}-district`;

  return (
    <div className="space-y-3">
      {districts.length === 0 ? (
        <p className="text-sm text-slate-600">Every district already uses {applicationName} or has your request waiting.</p>
      ) : (
        <form onSubmit={onSubmit} noValidate aria-label="Request access to a district" className="space-y-3">
          <input type="hidden" {...register("applicationId")} />
          <div>
            <label htmlFor={selectId} className="mb-1 block text-sm font-medium text-slate-800">
              District
            </label>
            <select
              id={selectId}
              aria-invalid={districtError ? true : undefined}
              aria-describedby={districtError ? `${selectId}-error` : undefined}
              className={`block w-full max-w-md rounded-md border bg-white px-3 py-2 text-sm shadow-sm focus:outline-none focus:ring-2 ${
                districtError ? "border-red-500 focus:ring-red-200" : "border-slate-300 focus:border-brand-500 focus:ring-brand-100"
              }`}
              {...register("districtId")}
            >
              <option value="">Choose a district…</option>
              {districts.map((district) => (
                <option key={district.id} value={district.id}>
                  {district.name} ({district.state})
                </option>
              ))}
            </select>
            <FieldError id={`${selectId}-error`} message={districtError} />
          </div>
          <div className="flex flex-wrap items-start gap-4">
            <Button type="submit" disabled={busy} aria-describedby={`${ids}-caution`} className="shrink-0">
              {send.isPending ? "Sending request…" : "Request access"}
            </Button>
            <p id={`${ids}-caution`} className="max-w-xl rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
              <span className="font-semibold">Caution: </span>A district that approves your request activates {applicationName} without
              auto-provisioning: Rollcall will not call your webhook for it. To get auto-provisioning, let the district activate from the
              Application Gallery.
            </p>
          </div>
        </form>
      )}
      {outcome ? <Alert tone={outcome.tone}>{outcome.message}</Alert> : null}
    </div>
  );
}
