"use client";

// Which released attribute gives each person field, chosen from seed 003's supported attributes
// by their friendly names, and the district's domains for scoped attributes.
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { FormProvider, useForm, useFormContext, useWatch } from "react-hook-form";
import { SaveFooter, type SaveOutcome } from "@/components/forms/save-footer";
import { useLeaveWarning } from "@/components/forms/use-leave-warning";
import { ScopeDomainsEditor } from "@/components/sso/scope-domains-editor";
import { SsoSelect } from "@/components/sso/sso-select";
import { saveAttributeMappingAction } from "@/lib/sso/actions";
import { FIELD_LABELS, REQUIRED_FIELDS, SUPPORTED_ATTRIBUTES } from "@/lib/sso/attributes";
import { mappingFormValues, mappingSettingsSchema, scopedAttributeNames, type MappingFormValues, type MappingSettings } from "@/lib/sso/settings-schema";
import { MAPPED_FIELDS, type MappedField } from "@/lib/sso/types";
import { showFieldErrors } from "@/components/ui/field-errors";

const REQUIRED: ReadonlySet<MappedField> = new Set(REQUIRED_FIELDS);

const FIELD_HINTS: Partial<Record<MappedField, string>> = {
  netid: "Matched before email when someone signs in, like an import's netid column.",
  accountType: "Its values go through the account-type rules below.",
  graduationYear: "A four-digit year, e.g. 2031.",
};

export function AttributeMappingForm({ initial }: { initial: MappingFormValues }) {
  const form = useForm<MappingFormValues, unknown, MappingSettings>({ resolver: zodResolver(mappingSettingsSchema), defaultValues: initial, mode: "onSubmit", reValidateMode: "onChange" });
  const { handleSubmit, setError, reset, formState } = form;
  const [outcome, setOutcome] = useState<SaveOutcome | null>(null);
  const allowLeaving = useLeaveWarning(formState.isDirty);

  const save = useMutation({
    mutationFn: saveAttributeMappingAction,
    onSuccess: (result) => {
      if (result.ok) {
        reset(mappingFormValues(result.data.attributeMapping, result.data.scopeDomains));
        setOutcome({ tone: "success", message: "Attribute mapping saved. The next sign-in uses it." });
        return;
      }
      showFieldErrors(setError, result.fieldErrors);
      setOutcome({ tone: "error", message: result.formError });
    },
    onError: () => setOutcome({ tone: "error", message: "The mapping could not be sent: the connection failed. Nothing was saved; try again." }),
  });

  const onSubmit = handleSubmit(
    (values) => {
      setOutcome(null);
      save.mutate(values);
    },
    () => setOutcome({ tone: "error", message: "Check the highlighted fields. Nothing was saved." }),
  );

  return (
    <FormProvider {...form}>
      <form onSubmit={onSubmit} noValidate aria-label="Attribute mapping" className="space-y-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <div className="grid gap-4 sm:grid-cols-2">
          {MAPPED_FIELDS.map((field) => (
            <AttributeSelect key={field} field={field} />
          ))}
        </div>
        <ScopeDomainsEditor />
        <SaveFooter outcome={outcome} saving={save.isPending} dirty={formState.isDirty} allowLeaving={allowLeaving} />
      </form>
    </FormProvider>
  );
}

function AttributeSelect({ field }: { field: MappedField }) {
  const { control, register, formState } = useFormContext<MappingFormValues>();
  const chosen = useWatch({ control, name: `attributeMapping.${field}` });
  const required = REQUIRED.has(field);
  const hint = scopedAttributeNames.has(chosen ?? "")
    ? "A scoped attribute: each value must end in @ and one of your domains below, e.g. staff@springfield.k12.us."
    : FIELD_HINTS[field];
  return (
    <SsoSelect
      label={required ? `${FIELD_LABELS[field]} (required)` : FIELD_LABELS[field]}
      hint={hint}
      error={formState.errors.attributeMapping?.[field]?.message}
      {...register(`attributeMapping.${field}`)}
    >
      <option value="">{required ? "Choose an attribute…" : "Not mapped"}</option>
      {SUPPORTED_ATTRIBUTES.map((attribute) => (
        <option key={attribute.name} value={attribute.name}>
          {attribute.friendlyName} — {attribute.name}
        </option>
      ))}
    </SsoSelect>
  );
}
