"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { Controller, FormProvider, useForm, useWatch } from "react-hook-form";
import { SaveFooter, type SaveOutcome } from "@/components/forms/save-footer";
import { useLeaveWarning } from "@/components/forms/use-leave-warning";
import { HeaderEditor } from "@/components/provisioning/header-editor";
import { TestWebhookDialog } from "@/components/provisioning/test-webhook-dialog";
import { WebhookUrlCheckView } from "@/components/provisioning/webhook-url-check-view";
import { Field } from "@/components/ui/field";
import { LockIcon } from "@/components/ui/icons";
import { Switch } from "@/components/ui/switch";
import { saveProvisioningSettingsAction } from "@/lib/provisioning/actions";
import { CAPABILITY_MISSING_MESSAGE, provisioningSettingsSchema, type ProvisioningSettingsInput } from "@/lib/provisioning/schema";
import { showFieldErrors } from "@/components/ui/field-errors";

type ProvisioningFormProps = {
  initialSettings: ProvisioningSettingsInput;
  httpWebhookHosts: string[];
  /** False until an operator enables auto-provisioning for the vendor. */
  autoProvisioningAvailable: boolean;
};

type Outcome = SaveOutcome | null;

export function ProvisioningForm({ initialSettings, httpWebhookHosts, autoProvisioningAvailable }: ProvisioningFormProps) {
  const router = useRouter();
  const schema = useMemo(() => provisioningSettingsSchema({ httpWebhookHosts }), [httpWebhookHosts]);
  const form = useForm<ProvisioningSettingsInput>({
    resolver: zodResolver(schema),
    defaultValues: initialSettings,
    // Errors appear on Save, then update as the admin types: errors that appeared on blur
    // would shift the Save button away from a click that is already on its way.
    mode: "onSubmit",
    reValidateMode: "onChange",
  });
  const { control, register, handleSubmit, setValue, setError, reset, formState } = form;
  const autoProvisioning = useWatch({ control, name: "autoProvisioning" });
  const [outcome, setOutcome] = useState<Outcome>(null);
  // The URL last left or saved: what the check under the field describes.
  const [checkedUrl, setCheckedUrl] = useState("");
  const allowLeaving = useLeaveWarning(formState.isDirty);

  const save = useMutation({
    mutationFn: saveProvisioningSettingsAction,
    onSuccess: (result) => {
      if (result.ok) {
        reset(result.data);
        setCheckedUrl(result.data.webhookUrl);
        setOutcome({ tone: "success", message: "Provisioning settings saved." });
        router.refresh();
        return;
      }
      showFieldErrors(setError, result.fieldErrors);
      setOutcome({ tone: "error", message: result.formError, offerReload: result.code === "stale" });
    },
    onError: () =>
      setOutcome({
        tone: "error",
        message: "The settings could not be sent: the connection failed or the request was too large. Nothing was saved; try again.",
      }),
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
      <form onSubmit={onSubmit} noValidate aria-labelledby="provisioning-heading" className="space-y-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h2 id="provisioning-heading" className="text-lg font-semibold">
          Provisioning
        </h2>
        <Controller
          control={control}
          name="autoProvisioning"
          render={({ field, fieldState }) => (
            <div>
              <Switch
                label="Auto-provisioning"
                checked={field.value}
                onChange={(on) => {
                  field.onChange(on);
                  if (on) setValue("autoApprove", true, { shouldDirty: true });
                }}
                // Without the capability the switch can still be turned off, never on.
                disabled={!autoProvisioningAvailable && !field.value}
                description={
                  autoProvisioningAvailable
                    ? "When a district activates this application, Rollcall sends a POST request to your webhook URL with the district's districtGUID."
                    : `${CAPABILITY_MISSING_MESSAGE}. Until then Rollcall sends no webhooks for this application.`
                }
              />
              {fieldState.error?.message ? (
                <p role="alert" className="mt-1 text-sm text-red-700">
                  {fieldState.error.message}
                </p>
              ) : null}
            </div>
          )}
        />
        <Controller
          control={control}
          name="autoApprove"
          render={({ field }) => (
            <Switch
              label="Auto-approve"
              checked={field.value || autoProvisioning}
              onChange={field.onChange}
              disabled={autoProvisioning}
              description={
                autoProvisioning ? (
                  <span className="inline-flex items-center gap-1">
                    <LockIcon width={14} height={14} /> Locked on: auto-approve stays on while auto-provisioning is on.
                  </span>
                ) : (
                  "Districts' requests for this application, such as revoking access for one school, are approved automatically."
                )
              }
            />
          )}
        />
        <div>
          <Field
            label="Webhook URL"
            type="url"
            inputMode="url"
            placeholder="https://application-host.com/webhook"
            autoComplete="off"
            spellCheck={false}
            hint="Rollcall sends a POST request here when a district activates this application."
            error={formState.errors.webhookUrl?.message}
            {...register("webhookUrl", { onBlur: () => setCheckedUrl(form.getValues("webhookUrl").trim()) })}
          />
          <WebhookUrlCheckView applicationId={initialSettings.applicationId} url={checkedUrl} httpWebhookHosts={httpWebhookHosts} />
        </div>
        <TestWebhookDialog />
        <HeaderEditor />
        <Field
          label="Button label"
          hint="The text of the button districts click to activate this application (replaces “Activate”)."
          error={formState.errors.buttonLabel?.message}
          {...register("buttonLabel")}
        />
        <SaveFooter outcome={outcome} saving={save.isPending} dirty={formState.isDirty} allowLeaving={allowLeaving} />
      </form>
    </FormProvider>
  );
}
