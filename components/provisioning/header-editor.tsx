"use client";

import { useFieldArray, useFormContext, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { PlusIcon, TrashIcon } from "@/components/ui/icons";
import { MAX_HEADERS } from "@/lib/provisioning/header-rules";
import type { ProvisioningSettingsInput } from "@/lib/provisioning/schema";

/** Custom request headers as rows of name and value; a value can be kept secret. */
export function HeaderEditor() {
  const { control, register, formState } = useFormContext<ProvisioningSettingsInput>();
  const { fields, append, remove } = useFieldArray({ control, name: "headers" });
  const headers = useWatch({ control, name: "headers" });
  const errors = formState.errors.headers;

  return (
    <fieldset>
      <legend className="text-sm font-medium text-slate-900">Custom headers</legend>
      <p className="mt-0.5 text-sm text-slate-500">Sent with every webhook request, for example an API key your endpoint checks.</p>
      {fields.length === 0 ? <p className="mt-3 text-sm text-slate-500">No custom headers.</p> : null}
      <ul className="mt-3 space-y-3">
        {fields.map((field, index) => {
          const secret = headers?.[index]?.secret ?? false;
          const hasStoredSecret = secret && (headers?.[index]?.hasStoredSecret ?? false);
          return (
            <li key={field.id} className="flex flex-wrap items-start gap-3 rounded-md border border-slate-200 bg-slate-50 p-3 sm:flex-nowrap">
              <Field
                label="Header Name"
                className="min-w-40 flex-1"
                placeholder="X-Api-Key"
                autoComplete="off"
                spellCheck={false}
                error={errors?.[index]?.name?.message}
                {...register(`headers.${index}.name`)}
              />
              <Field
                label="Header Value"
                className="min-w-40 flex-1"
                type={secret ? "password" : "text"}
                autoComplete="off"
                spellCheck={false}
                placeholder={hasStoredSecret ? "•••••••• saved — type to replace" : ""}
                error={errors?.[index]?.value?.message}
                {...register(`headers.${index}.value`)}
              />
              <label className="mt-7 flex items-center gap-1.5 text-sm text-slate-700">
                <input type="checkbox" className="h-4 w-4 rounded border-slate-300" {...register(`headers.${index}.secret`)} />
                Secret
              </label>
              <Button variant="danger" className="mt-6" aria-label="Delete header" title="Delete header" onClick={() => remove(index)}>
                <TrashIcon />
              </Button>
            </li>
          );
        })}
      </ul>
      <Button
        variant="secondary"
        className="mt-3"
        disabled={fields.length >= MAX_HEADERS}
        onClick={() => append({ storedId: null, name: "", value: "", secret: false, hasStoredSecret: false }, { shouldFocus: true })}
      >
        <PlusIcon /> Add Header
      </Button>
      {fields.length >= MAX_HEADERS ? <p className="mt-1 text-xs text-slate-500">You can add up to {MAX_HEADERS} headers.</p> : null}
    </fieldset>
  );
}
