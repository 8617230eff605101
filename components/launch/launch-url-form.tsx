"use client";

// The Sign-in tab's form: where My apps sends a signed-in person, with a launch token.
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import { SaveFooter, type SaveOutcome } from "@/components/forms/save-footer";
import { useLeaveWarning } from "@/components/forms/use-leave-warning";
import { Field } from "@/components/ui/field";
import { saveLaunchSettingsAction } from "@/lib/launch/actions";
import { launchSettingsSchema, type LaunchSettingsInput } from "@/lib/launch/schema";
import { showFieldErrors } from "@/components/ui/field-errors";

type LaunchUrlFormProps = { initialSettings: LaunchSettingsInput; httpWebhookHosts: string[] };

export function LaunchUrlForm({ initialSettings, httpWebhookHosts }: LaunchUrlFormProps) {
  const router = useRouter();
  const schema = useMemo(() => launchSettingsSchema({ httpWebhookHosts }), [httpWebhookHosts]);
  const { register, handleSubmit, setError, reset, formState } = useForm<LaunchSettingsInput>({
    resolver: zodResolver(schema),
    defaultValues: initialSettings,
    mode: "onSubmit",
    reValidateMode: "onChange",
  });
  const [outcome, setOutcome] = useState<SaveOutcome | null>(null);
  const allowLeaving = useLeaveWarning(formState.isDirty);

  const save = useMutation({
    mutationFn: saveLaunchSettingsAction,
    onSuccess: (result) => {
      if (result.ok) {
        reset(result.data);
        setOutcome({
          tone: "success",
          message: result.data.launchUrl
            ? "Launch URL saved. Teachers and students can open your application from My apps."
            : "Launch URL removed. My apps shows your application as not ready to open.",
        });
        router.refresh();
        return;
      }
      showFieldErrors(setError, result.fieldErrors);
      setOutcome({ tone: "error", message: result.formError });
    },
    onError: () => setOutcome({ tone: "error", message: "The launch URL could not be sent: the connection failed. Nothing was saved; try again." }),
  });

  const onSubmit = handleSubmit(
    (values) => {
      setOutcome(null);
      save.mutate(values);
    },
    () => setOutcome({ tone: "error", message: "Check the highlighted field. Nothing was saved." }),
  );

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="launch-url-heading" className="space-y-5 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <div>
        <h2 id="launch-url-heading" className="text-lg font-semibold">
          Sign-in from My apps
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          Districts&apos; teachers and students see your application on their My apps page. Opening it sends their browser to your launch URL
          with a <code className="text-slate-800">launch_token</code> query parameter that says who they are.
        </p>
      </div>
      <Field
        label="Launch URL"
        type="url"
        inputMode="url"
        placeholder="https://app.example.com/rollcall/launch"
        autoComplete="off"
        spellCheck={false}
        hint="Leave it empty while your receiver is not ready: My apps then shows your application as not ready to open."
        error={formState.errors.launchUrl?.message}
        {...register("launchUrl")}
      />
      <SaveFooter outcome={outcome} saving={save.isPending} dirty={formState.isDirty} allowLeaving={allowLeaving} />
    </form>
  );
}
