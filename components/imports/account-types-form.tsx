"use client";

// The district's account types: what spreadsheets and the upsert API write in account_type,
// and the OneRoster role each gives. Names match without regard to case.
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useFieldArray, useForm } from "react-hook-form";
import { SaveFooter, type SaveOutcome } from "@/components/forms/save-footer";
import { useLeaveWarning } from "@/components/forms/use-leave-warning";
import { RoleSelect } from "@/components/scim/role-rules-editor";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { PlusIcon, TrashIcon } from "@/components/ui/icons";
import { saveAccountTypesAction } from "@/lib/imports/actions";
import { accountTypesFormSchema, type AccountTypesInput } from "@/lib/imports/people/account-types-schema";
import { showFieldErrors } from "@/components/ui/field-errors";

export function AccountTypesForm({ initial }: { initial: AccountTypesInput }) {
  const form = useForm<AccountTypesInput>({ resolver: zodResolver(accountTypesFormSchema), defaultValues: initial });
  const { control, register, handleSubmit, reset, setError, formState } = form;
  const { fields, append, remove } = useFieldArray({ control, name: "accountTypes" });
  const [outcome, setOutcome] = useState<SaveOutcome | null>(null);
  const allowLeaving = useLeaveWarning(formState.isDirty);
  const errors = formState.errors.accountTypes;

  const save = useMutation({
    mutationFn: saveAccountTypesAction,
    onSuccess: (result) => {
      if (result.ok) {
        reset(result.data);
        setOutcome({ tone: "success", message: "Account types saved. The next import uses them." });
        return;
      }
      showFieldErrors(setError, result.fieldErrors);
      setOutcome({ tone: "error", message: result.formError });
    },
    onError: () => setOutcome({ tone: "error", message: "The account types could not be sent: the connection failed. Nothing was saved; try again." }),
  });

  return (
    <form
      noValidate
      aria-label="Account types"
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm"
      onSubmit={handleSubmit(
        (values) => {
          setOutcome(null);
          save.mutate(values);
        },
        () => setOutcome({ tone: "error", message: "Check the highlighted fields. Nothing was saved." }),
      )}
    >
      <ul className="space-y-2">
        {fields.map((field, index) => (
          <li key={field.id} className="flex flex-wrap items-start gap-2">
            <Field
              label={`Account type ${index + 1}`}
              hideLabel
              placeholder="Account type, e.g. Student"
              className="min-w-48 flex-1"
              autoComplete="off"
              error={errors?.[index]?.accountType?.message}
              {...register(`accountTypes.${index}.accountType`)}
            />
            <span aria-hidden className="mt-2 text-slate-400">→</span>
            <RoleSelect label={`Account type ${index + 1}: OneRoster role`} hideLabel error={errors?.[index]?.role?.message} {...register(`accountTypes.${index}.role`)} />
            <Button variant="danger" aria-label={`Remove account type ${index + 1}`} title="Remove" onClick={() => remove(index)}>
              <TrashIcon />
            </Button>
          </li>
        ))}
      </ul>
      <Button variant="secondary" onClick={() => append({ accountType: "", role: "student" }, { shouldFocus: true })}>
        <PlusIcon /> Add account type
      </Button>
      {errors?.root?.message || errors?.message ? <p className="text-sm text-red-700">{errors.root?.message ?? errors.message}</p> : null}
      <SaveFooter outcome={outcome} saving={save.isPending} dirty={formState.isDirty} allowLeaving={allowLeaving} />
    </form>
  );
}
