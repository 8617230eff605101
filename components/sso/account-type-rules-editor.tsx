"use client";

// The ordered list of account-type rules: kind (exact combination, CONTAINS, DEFAULT), values and
// the account type each gives. The rule the Try it box fires is highlighted.
import { useFieldArray, useFormContext, useWatch, type FieldError as HookFieldError } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { PlusIcon, TrashIcon } from "@/components/ui/icons";
import { SsoSelect } from "@/components/sso/sso-select";
import type { AccountType } from "@/lib/imports/people/account-types-schema";
import type { RulesFormValues } from "@/lib/sso/settings-schema";

const MAX_RULES = 100;

type RulesEditorProps = { accountTypes: readonly AccountType[]; firedIndex: number | null };

export function AccountTypeRulesEditor({ accountTypes, firedIndex }: RulesEditorProps) {
  const { control, register, formState } = useFormContext<RulesFormValues>();
  const { fields, append, remove, move } = useFieldArray({ control, name: "rules" });
  const rules = useWatch({ control, name: "rules" });
  const multiValued = useWatch({ control, name: "multiValued" });
  const errors = formState.errors.rules;

  return (
    <fieldset>
      <legend className="text-sm font-medium text-slate-900">Rules</legend>
      <p className="mt-0.5 text-sm text-slate-500">
        {multiValued
          ? "An exact combination (the values as a set, in any order) beats CONTAINS, which beats DEFAULT, whatever the order here; among CONTAINS rules the first listed wins. Case does not matter."
          : "The first value released is compared with each rule's value; DEFAULT applies when none matches. Case does not matter."}
      </p>
      {fields.length === 0 ? <p className="mt-3 text-sm text-slate-500">No rules: no one gets an account type, so just-in-time provisioning creates no one.</p> : null}
      <ol className="mt-3 space-y-2">
        {fields.map((field, index) => {
          const number = index + 1;
          const kind = rules?.[index]?.kind ?? field.kind;
          const accountType = rules?.[index]?.accountType ?? "";
          const known = accountTypes.some((type) => type.accountType.toLowerCase() === accountType.trim().toLowerCase());
          const fired = firedIndex === index;
          return (
            <li
              key={field.id}
              aria-current={fired ? "true" : undefined}
              className={`flex flex-wrap items-start gap-2 rounded-md border p-3 ${fired ? "border-emerald-400 bg-emerald-50 ring-2 ring-emerald-200" : "border-slate-200 bg-slate-50"}`}
            >
              <span aria-hidden className="mt-2 w-6 text-right text-sm text-slate-500 tabular-nums">
                {number}.
              </span>
              <SsoSelect label={`Rule ${number}: kind`} hideLabel error={errors?.[index]?.kind?.message} {...register(`rules.${index}.kind`)}>
                <option value="exact">{multiValued ? "Exact combination" : "Value is"}</option>
                <option value="contains">CONTAINS</option>
                <option value="default">DEFAULT</option>
              </SsoSelect>
              {kind === "default" ? (
                <span className="mt-2 min-w-48 flex-1 text-sm text-slate-500">Everyone no other rule matches</span>
              ) : (
                <Field
                  label={`Rule ${number}: ${kind === "exact" && multiValued ? "values, comma-separated" : "value"}`}
                  hideLabel
                  placeholder={kind === "exact" && multiValued ? "employee, student" : "student"}
                  className="min-w-48 flex-1"
                  autoComplete="off"
                  spellCheck={false}
                  error={messageOf(errors?.[index]?.values)}
                  {...register(`rules.${index}.values`)}
                />
              )}
              <span aria-hidden className="mt-2 text-slate-400">
                →
              </span>
              <SsoSelect label={`Rule ${number}: account type`} hideLabel error={errors?.[index]?.accountType?.message} {...register(`rules.${index}.accountType`)}>
                {!accountType ? <option value="">Choose an account type…</option> : null}
                {accountType && !known ? <option value={accountType}>{accountType} (not one of your account types)</option> : null}
                {accountTypes.map((type) => (
                  <option key={type.accountType} value={type.accountType}>
                    {type.accountType} (OneRoster {type.role})
                  </option>
                ))}
              </SsoSelect>
              {fired ? <span className="mt-2 text-xs font-semibold text-emerald-800">Fires</span> : null}
              <span className="ml-auto flex">
                <Button variant="ghost" aria-label={`Move rule ${number} up`} title="Move up" disabled={index === 0} onClick={() => move(index, index - 1)}>
                  ↑
                </Button>
                <Button variant="ghost" aria-label={`Move rule ${number} down`} title="Move down" disabled={index === fields.length - 1} onClick={() => move(index, index + 1)}>
                  ↓
                </Button>
                <Button variant="danger" aria-label={`Remove rule ${number}`} title="Remove rule" onClick={() => remove(index)}>
                  <TrashIcon />
                </Button>
              </span>
            </li>
          );
        })}
      </ol>
      <Button
        variant="secondary"
        className="mt-3"
        disabled={fields.length >= MAX_RULES}
        onClick={() => append({ kind: multiValued ? "contains" : "exact", values: "", accountType: accountTypes[0]?.accountType ?? "" }, { shouldFocus: true })}
      >
        <PlusIcon /> Add rule
      </Button>
      {errors?.root?.message || errors?.message ? <p className="mt-1 text-sm text-red-700">{errors.root?.message ?? errors.message}</p> : null}
    </fieldset>
  );
}

// A rule's values error may sit on the field or, for one value of the list, one level below it.
function messageOf(error: HookFieldError | Record<string, HookFieldError> | undefined): string | undefined {
  if (!error) return undefined;
  if (typeof error.message === "string") return error.message;
  return Object.values(error as Record<string, HookFieldError>).find((nested) => typeof nested?.message === "string")?.message;
}
