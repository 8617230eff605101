"use client";

// Whether the district's people can sign in, whether unknown people are created on their first
// sign-in, and whether a sign-in may start at the identity provider.
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { SaveFooter, type SaveOutcome } from "@/components/forms/save-footer";
import { useLeaveWarning } from "@/components/forms/use-leave-warning";
import { Switch } from "@/components/ui/switch";
import { saveSignInSwitchesAction } from "@/lib/sso/actions";
import { signInSwitchesSchema, type SignInSwitches } from "@/lib/sso/settings-schema";

const SWITCHES: { name: keyof SignInSwitches; label: string; description: string }[] = [
  {
    name: "signInEnabled",
    label: "Allow sign-in",
    description: "Teachers and students can sign in with your identity provider at the sign-in link above and open their apps.",
  },
  {
    name: "jitEnabled",
    label: "Just-in-time provisioning",
    description:
      "Someone who signs in and is not in your roster yet is created from the mapped attributes. JIT only creates people, never updates them: keep people up to date with imports or Identity sync.",
  },
  {
    name: "idpInitiatedAllowed",
    label: "Allow IdP-initiated sign-in",
    description: "Accept sign-ins that start at your identity provider's app portal (My Apps, a Google app tile) rather than at Rollcall's sign-in link.",
  },
];

export function SignInSwitchesForm({ initial }: { initial: SignInSwitches }) {
  const form = useForm<SignInSwitches>({ resolver: zodResolver(signInSwitchesSchema), defaultValues: initial });
  const { control, handleSubmit, reset, formState } = form;
  const [outcome, setOutcome] = useState<SaveOutcome | null>(null);
  const allowLeaving = useLeaveWarning(formState.isDirty);

  const save = useMutation({
    mutationFn: saveSignInSwitchesAction,
    onSuccess: (result) => {
      if (result.ok) {
        const { signInEnabled, jitEnabled, idpInitiatedAllowed } = result.data;
        reset({ signInEnabled, jitEnabled, idpInitiatedAllowed });
        setOutcome({ tone: "success", message: signInEnabled ? "Saved. Your people can sign in." : "Saved. Sign-in is off." });
        return;
      }
      setOutcome({ tone: "error", message: result.formError });
    },
    onError: () => setOutcome({ tone: "error", message: "The switches could not be sent: the connection failed. Nothing was saved; try again." }),
  });

  return (
    <form
      noValidate
      aria-label="Sign-in switches"
      className="space-y-5 rounded-lg border border-slate-200 bg-white p-6 shadow-sm"
      onSubmit={handleSubmit((values) => {
        setOutcome(null);
        save.mutate(values);
      })}
    >
      {SWITCHES.map((item) => (
        <Controller
          key={item.name}
          control={control}
          name={item.name}
          render={({ field }) => <Switch label={item.label} description={item.description} checked={field.value} onChange={field.onChange} />}
        />
      ))}
      <SaveFooter outcome={outcome} saving={save.isPending} dirty={formState.isDirty} allowLeaving={allowLeaving} />
    </form>
  );
}
