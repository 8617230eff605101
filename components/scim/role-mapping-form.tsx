"use client";

// Which OneRoster role each person from the identity provider gets: from the groups they are
// in or from one of their attributes, rules tried top to bottom, and a role for everyone else.
// Saving re-derives the roles of people already synced and says how many changed.
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { FormProvider, useForm, useWatch } from "react-hook-form";
import { SaveFooter, type SaveOutcome } from "@/components/forms/save-footer";
import { useLeaveWarning } from "@/components/forms/use-leave-warning";
import { RoleRulesEditor, RoleSelect } from "@/components/scim/role-rules-editor";
import { Field } from "@/components/ui/field";
import { saveRoleMappingAction } from "@/lib/scim/actions";
import { roleMappingSchema, type RoleMappingInput } from "@/lib/scim/role-mapping-schema";
import { showFieldErrors } from "@/components/ui/field-errors";

const ATTRIBUTE_SUGGESTIONS = ["userType", "title", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeType", "roles"];

export function RoleMappingForm({ initialMapping }: { initialMapping: RoleMappingInput }) {
  const router = useRouter();
  const form = useForm<RoleMappingInput>({ resolver: zodResolver(roleMappingSchema), defaultValues: initialMapping, mode: "onSubmit", reValidateMode: "onChange" });
  const { control, register, handleSubmit, setError, reset, formState } = form;
  const source = useWatch({ control, name: "source" });
  const [outcome, setOutcome] = useState<SaveOutcome | null>(null);
  const allowLeaving = useLeaveWarning(formState.isDirty);
  const suggestionsId = useId();

  const save = useMutation({
    mutationFn: saveRoleMappingAction,
    onSuccess: (result) => {
      if (result.ok) {
        reset(result.data.mapping);
        setOutcome({ tone: "success", message: `Role mapping saved. ${changedRoles(result.data.changed)}` });
        router.refresh();
        return;
      }
      showFieldErrors(setError, result.fieldErrors);
      setOutcome({ tone: "error", message: result.formError });
    },
    onError: () => setOutcome({ tone: "error", message: "The role mapping could not be sent: the connection failed. Nothing was saved; try again." }),
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
      <form onSubmit={onSubmit} noValidate aria-label="Role mapping" className="space-y-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <fieldset>
          <legend className="text-sm font-medium text-slate-900">Roles come from</legend>
          <div className="mt-2 space-y-2 text-sm">
            <label className="flex items-start gap-2">
              <input type="radio" value="group" className="mt-0.5 h-4 w-4" {...register("source")} />
              <span>
                <span className="font-medium">Group membership</span>
                <span className="block text-slate-500">A person in a group named in a rule gets that rule&apos;s role.</span>
              </span>
            </label>
            <label className="flex items-start gap-2">
              <input type="radio" value="attribute" className="mt-0.5 h-4 w-4" {...register("source")} />
              <span>
                <span className="font-medium">A user attribute</span>
                <span className="block text-slate-500">A person whose attribute has a rule&apos;s value gets that rule&apos;s role.</span>
              </span>
            </label>
          </div>
        </fieldset>

        {source === "attribute" ? (
          <>
            <Field
              label="Attribute"
              list={suggestionsId}
              autoComplete="off"
              spellCheck={false}
              placeholder="urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeType"
              hint="The SCIM attribute your identity provider sends the role in, e.g. userType, title or the enterprise extension's employeeType."
              error={formState.errors.attribute?.message}
              {...register("attribute")}
            />
            <datalist id={suggestionsId}>
              {ATTRIBUTE_SUGGESTIONS.map((attribute) => (
                <option key={attribute} value={attribute} />
              ))}
            </datalist>
          </>
        ) : null}

        <RoleRulesEditor valueLabel={source === "attribute" ? "Attribute value" : "Group display name"} />

        <RoleSelect label="Everyone else" hint="The role of a person no rule matches." error={formState.errors.defaultRole?.message} {...register("defaultRole")} />

        <SaveFooter outcome={outcome} saving={save.isPending} dirty={formState.isDirty} allowLeaving={allowLeaving} />
      </form>
    </FormProvider>
  );
}

function changedRoles(changed: number): string {
  if (changed === 0) return "No one's role changed.";
  return changed === 1 ? "1 person changed role." : `${changed.toLocaleString("en-US")} people changed role.`;
}
