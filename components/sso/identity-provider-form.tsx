"use client";

// The district's identity provider, given one of three ways: its metadata XML pasted (or read
// from a file), its metadata URL (fetched by the server on save), or entity ID, SSO URL and
// signing certificate typed by hand. The server checks it and stores it only if it passes.
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type ChangeEvent } from "react";
import { useForm, useWatch } from "react-hook-form";
import { useLeaveWarning } from "@/components/forms/use-leave-warning";
import { TextAreaField } from "@/components/sso/text-area-field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { saveIdentityProviderAction } from "@/lib/sso/actions";
import { identityProviderSchema, MAX_METADATA_BYTES, type IdentityProviderInput, type IdpSource } from "@/lib/sso/settings-schema";
import { showFieldErrors } from "@/components/ui/field-errors";

const SOURCES: { value: IdpSource; label: string; hint: string }[] = [
  { value: "xml", label: "Paste metadata XML", hint: "From your identity provider's SAML app: Entra ID's Federation Metadata XML, Google's IdP metadata, …" },
  { value: "url", label: "Metadata URL", hint: "Rollcall fetches it when you save. Use this when your identity provider publishes its metadata (ADFS, Shibboleth, Entra ID)." },
  { value: "manual", label: "Enter by hand", hint: "The entity ID (Issuer), single sign-on URL (HTTP-Redirect) and signing certificate." },
];

type Outcome = { tone: "success" | "error"; message: string; warnings?: string[] };

export function IdentityProviderForm({ initial, saved }: { initial: IdentityProviderInput; saved: boolean }) {
  const router = useRouter();
  const form = useForm<IdentityProviderInput>({ resolver: zodResolver(identityProviderSchema), defaultValues: initial, mode: "onSubmit", reValidateMode: "onChange" });
  const { control, register, handleSubmit, setError, setValue, reset, formState } = form;
  const source = useWatch({ control, name: "source" });
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  useLeaveWarning(formState.isDirty);

  const save = useMutation({
    mutationFn: saveIdentityProviderAction,
    onSuccess: (result, values) => {
      if (result.ok) {
        reset(values);
        setOutcome({ tone: "success", message: `Identity provider ${result.data.entityId} saved.`, warnings: result.data.warnings });
        router.refresh();
        return;
      }
      showFieldErrors(setError, result.fieldErrors);
      setOutcome({ tone: "error", message: `${result.formError}${result.formError.endsWith(".") ? "" : "."} Nothing was saved.` });
    },
    onError: () => setOutcome({ tone: "error", message: "The identity provider could not be sent: the connection failed or the request was too large. Nothing was saved; try again." }),
  });

  const readFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    if (file.size > MAX_METADATA_BYTES) {
      setError("xml", { message: `${file.name} is larger than ${MAX_METADATA_BYTES / 1024} KB. Choose the metadata of your one identity provider.` });
      return;
    }
    setValue("xml", await file.text(), { shouldDirty: true, shouldValidate: true });
  };

  const onSubmit = handleSubmit(
    (values) => {
      setOutcome(null);
      save.mutate(values);
    },
    () => setOutcome({ tone: "error", message: "Check the highlighted fields. Nothing was saved." }),
  );

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Identity provider" className="space-y-5 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <fieldset>
        <legend className="text-sm font-medium text-slate-900">{saved ? "Replace it with" : "Describe it with"}</legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-3">
          {SOURCES.map((option) => (
            <label
              key={option.value}
              className={`flex cursor-pointer items-start gap-2 rounded-md border p-3 text-sm has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-100 ${
                source === option.value ? "border-brand-500 bg-brand-50" : "border-slate-200"
              }`}
            >
              <input type="radio" value={option.value} className="mt-0.5 h-4 w-4" {...register("source")} />
              <span>
                <span className="font-medium">{option.label}</span>
                <span className="block text-xs text-slate-500">{option.hint}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      {source === "xml" ? (
        <div className="space-y-2">
          <TextAreaField
            label="Metadata XML"
            rows={10}
            placeholder={'<EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://idp.example.org/">…'}
            hint={`Paste the whole file, up to ${MAX_METADATA_BYTES / 1024} KB.`}
            error={formState.errors.xml?.message}
            {...register("xml")}
          />
          <label className="inline-flex cursor-pointer items-center gap-2 text-sm font-medium text-brand-700 underline has-[:focus-visible]:ring-2">
            Or read it from a file…
            <input type="file" accept=".xml,application/xml,text/xml" className="sr-only" onChange={readFile} />
          </label>
        </div>
      ) : null}

      {source === "url" ? (
        <Field
          label="Metadata URL"
          type="url"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          placeholder="https://login.microsoftonline.com/<tenant>/federationmetadata/2007-06/federationmetadata.xml?appid=…"
          hint="Rollcall fetches it when you save and keeps the result; save again to pick up a new certificate."
          error={formState.errors.url?.message}
          {...register("url")}
        />
      ) : null}

      {source === "manual" ? (
        <div className="space-y-4">
          <Field label="Entity ID" autoComplete="off" spellCheck={false} placeholder="https://sts.windows.net/<tenant>/" hint="Also called Issuer or Identity provider identifier." error={formState.errors.entityId?.message} {...register("entityId")} />
          <Field
            label="SSO URL"
            type="url"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            placeholder="https://login.microsoftonline.com/<tenant>/saml2"
            hint="The single sign-on URL for the HTTP-Redirect binding (Login URL)."
            error={formState.errors.ssoUrl?.message}
            {...register("ssoUrl")}
          />
          <TextAreaField
            label="Signing certificate"
            rows={8}
            placeholder={"-----BEGIN CERTIFICATE-----\nMIIC…\n-----END CERTIFICATE-----"}
            hint="PEM (Base64). During a certificate rollover, paste both certificates one after the other."
            error={formState.errors.certificate?.message}
            {...register("certificate")}
          />
        </div>
      ) : null}

      {outcome ? (
        <Alert tone={outcome.tone}>
          {outcome.message}
          {outcome.warnings && outcome.warnings.length > 0 ? (
            <ul className="mt-2 list-disc space-y-1 pl-5 text-amber-900">
              {outcome.warnings.map((warning) => (
                <li key={warning}>{warning}</li>
              ))}
            </ul>
          ) : null}
        </Alert>
      ) : null}
      <div className="flex items-center gap-4">
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? (source === "url" ? "Fetching and checking…" : "Checking…") : source === "url" ? "Fetch and save" : "Check and save"}
        </Button>
        {formState.isDirty && !save.isPending ? <span className="text-sm text-slate-500">Unsaved changes</span> : null}
      </div>
    </form>
  );
}
