"use client";

// The Destination card: Rollcall-hosted (the vendor pulls from its outbox) or the vendor's own
// SFTP server (Rollcall signs in with the application's key and uploads).
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormProvider, useForm, useWatch } from "react-hook-form";
import { TabCard, type SettingsProps } from "@/components/file-delivery/file-delivery-tab";
import { HostedOutbox, type OutboxView } from "@/components/file-delivery/hosted-outbox";
import { CONNECTION_FAILED, SectionSave, type SectionOutcome } from "@/components/file-delivery/section-save";
import { VendorSftpFields } from "@/components/file-delivery/vendor-sftp-fields";
import { Alert } from "@/components/ui/alert";
import { prepareSftpKeyAction, saveDeliveryDestinationAction } from "@/lib/deliveries/actions";
import { deliveryDestinationSchema, type DeliveryDestinationInput } from "@/lib/deliveries/settings-schema";
import { showFieldErrors } from "@/components/ui/field-errors";

export type { OutboxView };

export function DestinationSection({ settings, onSaved, outbox }: SettingsProps & { outbox: OutboxView }) {
  const router = useRouter();
  const form = useForm<DeliveryDestinationInput>({
    resolver: zodResolver(deliveryDestinationSchema),
    defaultValues: {
      applicationId: settings.applicationId,
      version: settings.version,
      destination: settings.destination,
      sftpHost: settings.sftpHost,
      sftpPort: settings.sftpPort,
      sftpUsername: settings.sftpUsername,
      sftpFolder: settings.sftpFolder,
    },
    mode: "onBlur",
    reValidateMode: "onChange",
  });
  const { register, handleSubmit, setError, reset, control, formState } = form;
  const destination = useWatch({ control, name: "destination" });
  const [outcome, setOutcome] = useState<SectionOutcome | null>(null);

  const prepareKey = useMutation({
    mutationFn: prepareSftpKeyAction,
    onSuccess: (result) => {
      if (!result.ok) return;
      const { publicKey, created, version } = result.data;
      onSaved((current) => ({ ...current, sftpPublicKey: publicKey, version: created ? version : current.version }));
    },
  });

  // The key pair is made when "Your SFTP server" is first chosen, so its public key can be installed before saving.
  const prepareKeyOnChoice = (event: { target: { value: string } }) => {
    if (event.target.value === "vendor_sftp" && !settings.sftpPublicKey && !prepareKey.isPending) prepareKey.mutate({ applicationId: settings.applicationId });
  };

  const save = useMutation({
    mutationFn: saveDeliveryDestinationAction,
    onSuccess: (result) => {
      if (!result.ok) {
        showFieldErrors(setError, result.fieldErrors);
        return setOutcome({ tone: "error", message: result.formError, offerReload: result.code === "stale" });
      }
      const saved = result.data;
      onSaved(saved);
      reset({ ...form.getValues(), version: saved.version, sftpHost: saved.sftpHost, sftpPort: saved.sftpPort, sftpUsername: saved.sftpUsername, sftpFolder: saved.sftpFolder });
      setOutcome({
        tone: "success",
        message: saved.destination === "rollcall_hosted" ? "Destination saved: files go to your Rollcall-hosted outbox." : `Destination saved: files go to ${saved.sftpHost}.`,
      });
      router.refresh();
    },
    onError: () => setOutcome({ tone: "error", message: CONNECTION_FAILED }),
  });

  const onSubmit = handleSubmit(
    (values) => {
      setOutcome(null);
      save.mutate({ ...values, version: settings.version });
    },
    () => setOutcome({ tone: "error", message: "Check the highlighted fields. Nothing was saved." }),
  );

  return (
    <TabCard id="destination" title="Destination" description="Where each district's files go.">
      <FormProvider {...form}>
        <form noValidate aria-label="Destination" onSubmit={onSubmit} className="space-y-5">
          <fieldset>
            <legend className="text-sm font-medium text-slate-800">Deliver to</legend>
            <div className="mt-2 space-y-2">
              <label className="flex items-start gap-2 text-sm">
                <input type="radio" className="mt-1" value="rollcall_hosted" {...register("destination", { onChange: prepareKeyOnChoice })} />
                <span>
                  <span className="font-medium text-slate-900">Rollcall-hosted</span>
                  <span className="block text-slate-500">Rollcall keeps the files in an outbox on its SFTP server; your systems sign in and pull them.</span>
                </span>
              </label>
              <label className="flex items-start gap-2 text-sm">
                <input
                  type="radio"
                  className="mt-1"
                  value="vendor_sftp"
                  {...register("destination", { onChange: prepareKeyOnChoice })}
                />
                <span>
                  <span className="font-medium text-slate-900">Your SFTP server</span>
                  <span className="block text-slate-500">Rollcall signs in to your server with this application&apos;s own key and uploads the files.</span>
                </span>
              </label>
            </div>
          </fieldset>
          {destination === "vendor_sftp" ? (
            <>
              {prepareKey.isError || (prepareKey.data && !prepareKey.data.ok) ? (
                <Alert tone="error">
                  Rollcall could not make a key for your server: {prepareKey.data && !prepareKey.data.ok ? prepareKey.data.formError : "the connection failed."} Choose
                  “Your SFTP server” again to retry.
                </Alert>
              ) : null}
              <VendorSftpFields settings={settings} onSaved={onSaved} preparingKey={prepareKey.isPending} />
            </>
          ) : null}
          <SectionSave label="Save destination" outcome={outcome} saving={save.isPending} dirty={formState.isDirty} />
        </form>
      </FormProvider>
      {destination === "rollcall_hosted" ? <HostedOutbox applicationId={settings.applicationId} outbox={outbox} saved={settings.destination === "rollcall_hosted" && settings.version > 0} /> : null}
    </TabCard>
  );
}
