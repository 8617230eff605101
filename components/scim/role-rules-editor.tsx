"use client";

// The role mapping's ordered rules: a value (a group's display name or an attribute's value,
// matched without regard to case) and the role it gives. The first matching rule wins.
import { forwardRef, useId, type ReactNode, type SelectHTMLAttributes } from "react";
import { useFieldArray, useFormContext } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field, FieldHelp } from "@/components/ui/field";
import { PlusIcon, TrashIcon } from "@/components/ui/icons";
import { MAX_ROLE_RULES, ROSTER_ROLE_LABELS, ROSTER_ROLES, type RoleMappingInput } from "@/lib/scim/role-mapping-schema";

export function RoleRulesEditor({ valueLabel }: { valueLabel: string }) {
  const { control, register, formState } = useFormContext<RoleMappingInput>();
  const { fields, append, remove, move } = useFieldArray({ control, name: "rules" });
  const errors = formState.errors.rules;

  return (
    <fieldset>
      <legend className="text-sm font-medium text-slate-900">Rules</legend>
      <p className="mt-0.5 text-sm text-slate-500">Tried from the top; the first that matches gives the role. Case does not matter.</p>
      {fields.length === 0 ? <p className="mt-3 text-sm text-slate-500">No rules: everyone gets the role below.</p> : null}
      <ol className="mt-3 space-y-2">
        {fields.map((field, index) => {
          const number = index + 1;
          return (
            <li key={field.id} className="flex flex-wrap items-start gap-2 rounded-md border border-slate-200 bg-slate-50 p-3 sm:flex-nowrap">
              <span aria-hidden className="mt-2 w-6 text-right text-sm text-slate-500 tabular-nums">
                {number}.
              </span>
              <Field
                label={`Rule ${number}: ${valueLabel.toLowerCase()}`}
                hideLabel
                placeholder={valueLabel}
                className="min-w-48 flex-1"
                autoComplete="off"
                error={errors?.[index]?.value?.message}
                {...register(`rules.${index}.value`)}
              />
              <span aria-hidden className="mt-2 text-slate-400">
                →
              </span>
              <RoleSelect label={`Rule ${number}: role`} hideLabel error={errors?.[index]?.role?.message} {...register(`rules.${index}.role`)} />
              <Button variant="ghost" aria-label={`Move rule ${number} up`} title="Move up" disabled={index === 0} onClick={() => move(index, index - 1)}>
                ↑
              </Button>
              <Button
                variant="ghost"
                aria-label={`Move rule ${number} down`}
                title="Move down"
                disabled={index === fields.length - 1}
                onClick={() => move(index, index + 1)}
              >
                ↓
              </Button>
              <Button variant="danger" aria-label={`Remove rule ${number}`} title="Remove rule" onClick={() => remove(index)}>
                <TrashIcon />
              </Button>
            </li>
          );
        })}
      </ol>
      <Button
        variant="secondary"
        className="mt-3"
        disabled={fields.length >= MAX_ROLE_RULES}
        onClick={() => append({ value: "", role: "teacher" }, { shouldFocus: true })}
      >
        <PlusIcon /> Add rule
      </Button>
      {errors?.root?.message || errors?.message ? <p className="mt-1 text-sm text-red-700">{errors.root?.message ?? errors.message}</p> : null}
    </fieldset>
  );
}

type RoleSelectProps = SelectHTMLAttributes<HTMLSelectElement> & { label: string; hideLabel?: boolean; hint?: ReactNode; error?: string };

/** A labelled select of the OneRoster roles. */
export const RoleSelect = forwardRef<HTMLSelectElement, RoleSelectProps>(function RoleSelect({ label, hideLabel, hint, error, ...selectProps }, ref) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={id} className={hideLabel ? "sr-only" : "mb-1 block text-sm font-medium text-slate-800"}>
        {label}
      </label>
      <select
        ref={ref}
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className="block rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-500 focus:ring-2 focus:ring-brand-100 focus:outline-none"
        {...selectProps}
      >
        {ROSTER_ROLES.map((role) => (
          <option key={role} value={role}>
            {ROSTER_ROLE_LABELS[role]}
          </option>
        ))}
      </select>
      <FieldHelp id={id} hint={hint} error={error} />
    </div>
  );
});
