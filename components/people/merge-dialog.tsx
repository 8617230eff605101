"use client";

// Merging a pair: the admin picks the record that stays and, for each field the two records
// disagree on, whose value it keeps. A record linked to the identity provider must stay (SCIM
// keeps writing to it). Native <dialog>: focus stays inside, Escape cancels.
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { FieldValue } from "@/components/people/field-value";
import { personHref } from "@/components/people/people-labels";
import { SourceBadge } from "@/components/people/source-badge";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionFailure } from "@/lib/actions/result";
import { mergePeopleAction } from "@/lib/people/actions";
import { MERGE_FIELD_LABELS, MERGE_FIELDS, defaultChoices, mergeSchema, sameValue, type MergeInput, type PairSide } from "@/lib/people/merge-schema";
import type { PersonRecord } from "@/lib/people/records";

const nameOf = (person: PersonRecord) => `${person.givenName} ${person.familyName}`;
const otherSide = (side: PairSide): PairSide => (side === "first" ? "second" : "first");

export function MergeDialog({ first, second, onClose }: { first: PersonRecord; second: PersonRecord; onClose: () => void }) {
  const id = useId();
  const router = useRouter();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const records = { first, second };
  const lockedSurvivor: PairSide | null = first.scimLinked ? "first" : second.scimLinked ? "second" : null;
  const initialSurvivor = lockedSurvivor ?? (second.enrollments.active > first.enrollments.active ? "second" : "first");
  const form = useForm<MergeInput>({
    resolver: zodResolver(mergeSchema),
    defaultValues: { firstId: first.id, secondId: second.id, survivor: initialSurvivor, choices: defaultChoices(records, initialSurvivor) },
  });
  const { register, handleSubmit, setValue, control } = form;
  const survivor = useWatch({ control, name: "survivor" }) ?? initialSurvivor;
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const differing = MERGE_FIELDS.filter((field) => !sameValue(first[field], second[field]));
  const same = MERGE_FIELDS.filter((field) => !differing.includes(field));

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  // A new survivor brings the default rule back: its values when present, else the other's.
  useEffect(() => {
    const defaults = defaultChoices({ first, second }, survivor);
    for (const field of MERGE_FIELDS) setValue(`choices.${field}`, defaults[field]);
  }, [survivor, first, second, setValue]);

  const merge = useMutation({
    mutationFn: mergePeopleAction,
    onSuccess: (result) => {
      if (!result.ok) return setFailure(result);
      router.push(`${personHref(result.data.survivorSourcedId)}?merged=${encodeURIComponent(result.data.retiredSourcedId)}`);
    },
    onError: () => setFailure({ ok: false, formError: "The connection to Rollcall failed, so the records may not have been merged. Reload the page to see." }),
  });

  const close = () => {
    if (!merge.isPending) onClose();
  };
  const retired = records[otherSide(survivor)];
  const kept = records[survivor];

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={`${id}-title`}
      onCancel={(event) => {
        event.preventDefault();
        close();
      }}
      className="m-auto max-h-[calc(100vh-2rem)] w-[calc(100vw-2rem)] max-w-3xl rounded-lg bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/50"
    >
      <form
        noValidate
        onSubmit={handleSubmit((values) => {
          setFailure(null);
          merge.mutate(values);
        })}
      >
        <div className="space-y-5 px-5 pt-5 pb-4">
          <h2 id={`${id}-title`} className="text-lg font-semibold">
            Merge {nameOf(first)} and {nameOf(second)}
          </h2>

          <fieldset>
            <legend className="text-sm font-medium text-slate-900">Record that stays</legend>
            <div className="mt-2 grid gap-2 sm:grid-cols-2">
              {(["first", "second"] as const).map((side) => (
                <label key={side} className="flex items-start gap-2 rounded-md border border-slate-200 p-3 text-sm has-[:checked]:border-brand-500 has-[:disabled]:opacity-60">
                  <input type="radio" value={side} disabled={lockedSurvivor !== null && lockedSurvivor !== side} className="mt-0.5 h-4 w-4" {...register("survivor")} />
                  <span>
                    Keep {nameOf(records[side])} <span className="font-mono text-xs text-slate-500">({records[side].sourcedId})</span>
                    <span className="mt-1 block">
                      <SourceBadge source={records[side].source} />
                    </span>
                  </span>
                </label>
              ))}
            </div>
            {lockedSurvivor ? (
              <p className="mt-2 text-sm text-slate-600">
                {nameOf(records[lockedSurvivor])} is linked to your identity provider, which keeps writing to that record over SCIM, so it is the one that
                stays.
              </p>
            ) : null}
          </fieldset>

          {differing.length > 0 ? (
            <div>
              <p className="text-sm font-medium text-slate-900">Values to keep</p>
              <div className="mt-2 divide-y divide-slate-100 rounded-md border border-slate-200">
                {differing.map((field) => (
                  <div key={field} role="radiogroup" aria-labelledby={`${id}-${field}`} className="grid gap-2 px-3 py-2 text-sm sm:grid-cols-[9rem_1fr_1fr]">
                    <span id={`${id}-${field}`} className="text-slate-600">
                      {MERGE_FIELD_LABELS[field]}
                    </span>
                    {(["first", "second"] as const).map((side) => (
                      <label key={side} className="flex items-start gap-2 break-words">
                        <input type="radio" value={side} className="mt-0.5 h-4 w-4 shrink-0" {...register(`choices.${field}`)} />
                        <span>
                          <FieldValue person={records[side]} field={field} />
                          <span className="sr-only"> from {nameOf(records[side])}</span>
                        </span>
                      </label>
                    ))}
                  </div>
                ))}
              </div>
            </div>
          ) : null}
          {same.length > 0 ? <p className="text-xs text-slate-500">The same in both records: {same.map((field) => MERGE_FIELD_LABELS[field]).join(", ")}.</p> : null}

          <p className="text-sm text-slate-700">
            {nameOf(retired)} ({retired.sourcedId}) is kept as to be deleted and points to {nameOf(kept)}; its {retired.enrollments.active} active
            enrollments move to {nameOf(kept)}, except in classes {nameOf(kept)} is already in. Applications reading your roster see the retired sourcedId
            as tobedeleted.
          </p>
          {failure ? (
            <Alert tone="error">
              {failure.formError}
              {failure.code === "stale" ? (
                <Button variant="secondary" className="ml-3" onClick={() => (onClose(), router.refresh())}>
                  Reload duplicates
                </Button>
              ) : null}
            </Alert>
          ) : null}
        </div>
        <footer className="flex justify-end gap-2 border-t border-slate-200 px-5 py-3">
          <Button variant="secondary" disabled={merge.isPending} onClick={close}>
            Cancel
          </Button>
          <Button type="submit" disabled={merge.isPending}>
            {merge.isPending ? "Merging…" : "Merge records"}
          </Button>
        </footer>
      </form>
    </dialog>
  );
}
