"use client";

// Seed 003's account-type rules for the attribute mapped to account type: single- or
// multi-valued, an ordered list of rules, and a Try it box that runs them as typed.
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useMemo, useState } from "react";
import { FormProvider, useForm, useWatch } from "react-hook-form";
import { SaveFooter, type SaveOutcome } from "@/components/forms/save-footer";
import { useLeaveWarning } from "@/components/forms/use-leave-warning";
import { AccountTypeRulesEditor } from "@/components/sso/account-type-rules-editor";
import { TryAccountTypeRules } from "@/components/sso/try-account-type-rules";
import type { AccountType } from "@/lib/imports/people/account-types-schema";
import { saveAccountTypeRulesAction } from "@/lib/sso/actions";
import { decideAccountType } from "@/lib/sso/account-type-rules";
import { accountTypeRulesFormSchema, rulesFormValues, rulesFromForm, splitValues, type RulesFormValues } from "@/lib/sso/settings-schema";
import type { AccountTypeRules } from "@/lib/sso/types";
import { showFieldErrors } from "@/components/ui/field-errors";

type RulesFormProps = { initial: RulesFormValues; accountTypes: readonly AccountType[]; accountTypeAttribute: string | null };

export function AccountTypeRulesForm({ initial, accountTypes, accountTypeAttribute }: RulesFormProps) {
  const form = useForm<RulesFormValues, unknown, AccountTypeRules>({
    resolver: zodResolver(accountTypeRulesFormSchema),
    defaultValues: initial,
    mode: "onSubmit",
    reValidateMode: "onChange",
  });
  const { control, handleSubmit, setValue, getValues, setError, reset, formState } = form;
  const multiValued = useWatch({ control, name: "multiValued" });
  const rules = useWatch({ control, name: "rules" });
  const [typed, setTyped] = useState("");
  const [outcome, setOutcome] = useState<SaveOutcome | null>(null);
  const allowLeaving = useLeaveWarning(formState.isDirty);

  const decision = useMemo(
    () => (typed.trim() === "" ? null : decideAccountType(rulesFromForm({ multiValued, rules: rules ?? [] }), splitValues(typed))),
    [typed, multiValued, rules],
  );

  const save = useMutation({
    mutationFn: saveAccountTypeRulesAction,
    onSuccess: (result) => {
      if (result.ok) {
        reset(rulesFormValues(result.data.accountTypeRules));
        setOutcome({ tone: "success", message: "Account-type rules saved. The next sign-in uses them." });
        return;
      }
      showFieldErrors(setError, result.fieldErrors);
      setOutcome({ tone: "error", message: result.formError });
    },
    onError: () => setOutcome({ tone: "error", message: "The rules could not be sent: the connection failed. Nothing was saved; try again." }),
  });

  const onSubmit = handleSubmit(
    () => {
      setOutcome(null);
      // The action parses the form's own values again (values as typed, comma-separated).
      save.mutate(getValues());
    },
    () => setOutcome({ tone: "error", message: "Check the highlighted rules. Nothing was saved." }),
  );

  return (
    <FormProvider {...form}>
      <form onSubmit={onSubmit} noValidate aria-label="Account-type rules" className="space-y-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <p className="text-sm text-slate-600">
          {accountTypeAttribute ? (
            <>
              Rules for the values of <code>{accountTypeAttribute}</code>, the attribute mapped to Account type.
            </>
          ) : (
            "No attribute is mapped to Account type: every person gets the DEFAULT rule's account type, if there is one."
          )}
        </p>
        <fieldset>
          <legend className="text-sm font-medium text-slate-900">The attribute is</legend>
          <div className="mt-2 flex flex-wrap gap-6 text-sm">
            <RadioChoice value="single" checked={!multiValued} label="Single-valued" description="One value, e.g. a primary affiliation." onSelect={() => setValue("multiValued", false, { shouldDirty: true })} />
            <RadioChoice value="multi" checked={multiValued} label="Multi-valued" description="A list, e.g. every affiliation." onSelect={() => setValue("multiValued", true, { shouldDirty: true })} />
          </div>
        </fieldset>
        <AccountTypeRulesEditor accountTypes={accountTypes} firedIndex={decision?.ruleIndex ?? null} />
        <TryAccountTypeRules typed={typed} onType={setTyped} multiValued={multiValued} decision={decision} accountTypes={accountTypes} />
        <p className="text-xs text-slate-500">
          Account types and their OneRoster roles are your district&apos;s, set on{" "}
          <Link href="/district/imports/settings" className="underline">
            Imports › Settings
          </Link>
          .
        </p>
        <SaveFooter outcome={outcome} saving={save.isPending} dirty={formState.isDirty} allowLeaving={allowLeaving} />
      </form>
    </FormProvider>
  );
}

type RadioChoiceProps = { value: string; checked: boolean; label: string; description: string; onSelect: () => void };

function RadioChoice({ value, checked, label, description, onSelect }: RadioChoiceProps) {
  return (
    <label className="flex items-start gap-2">
      <input type="radio" name="value-count" value={value} checked={checked} onChange={onSelect} className="mt-0.5 h-4 w-4" />
      <span>
        <span className="font-medium">{label}</span>
        <span className="block text-slate-500">{description}</span>
      </span>
    </label>
  );
}
