"use client";

// "Invite an admin" on a vendor's or a district's console page, and "Invite an operator" on the
// Operators page. Without SMTP (or when the mail fails) the one-time link is shown here, this
// once, to pass on; the page's list of invitations then shows only that one is pending.
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Field } from "@/components/ui/field";
import { formatTimestamp } from "@/components/ui/format-timestamp";
import { inviteDistrictAdminAction, inviteOperatorAction, inviteVendorAdminAction } from "@/lib/operator/actions";
import type { InvitationOutcome } from "@/lib/operator/invite-admin";
import { inviteeSchema } from "@/lib/operator/schemas";
import { showFieldErrors } from "@/components/ui/field-errors";

type Input = z.input<typeof inviteeSchema>;
type Invitee = z.output<typeof inviteeSchema>;

type InviteFormProps =
  | { kind: "vendor" | "district"; tenantId: string; tenantName: string }
  | { kind: "operator"; tenantId?: undefined; tenantName: string };

function invite(props: InviteFormProps, invitee: Invitee) {
  if (props.kind === "operator") return inviteOperatorAction(invitee);
  return (props.kind === "vendor" ? inviteVendorAdminAction : inviteDistrictAdminAction)({ ...invitee, tenantId: props.tenantId });
}

export function InviteAdminForm(props: InviteFormProps) {
  const { kind, tenantName } = props;
  const who = kind === "operator" ? "operator" : "admin";
  const router = useRouter();
  const [outcome, setOutcome] = useState<InvitationOutcome | null>(null);
  const form = useForm<Input, unknown, Invitee>({ resolver: zodResolver(inviteeSchema), defaultValues: { email: "", name: "" } });
  const mutation = useMutation({
    mutationFn: async (invitee: Invitee) => {
      const result = await invite(props, invitee);
      if (!result.ok) {
        showFieldErrors(form.setError, result.fieldErrors);
        throw new Error(result.fieldErrors ? "" : result.formError);
      }
      return result.data;
    },
    onSuccess: (invited) => {
      setOutcome(invited);
      form.reset({ email: "", name: "" });
      router.refresh();
    },
  });

  return (
    <div className="space-y-4">
      <form
        aria-label={`Invite an ${who}`}
        onSubmit={form.handleSubmit((input) => {
          setOutcome(null);
          mutation.mutate(input);
        })}
        className="flex max-w-3xl flex-wrap items-start gap-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
        noValidate
      >
        <Field label="Name" className="min-w-48 flex-1" autoComplete="off" error={form.formState.errors.name?.message} {...form.register("name")} />
        <Field label="Email" type="email" className="min-w-64 flex-1" autoComplete="off" error={form.formState.errors.email?.message} {...form.register("email")} />
        <Button type="submit" className="mt-6" disabled={mutation.isPending}>
          {mutation.isPending ? "Inviting…" : `Invite ${who}`}
        </Button>
        {mutation.error?.message ? (
          <p role="alert" className="w-full text-sm text-red-700">
            {mutation.error.message}
          </p>
        ) : null}
      </form>
      {outcome ? <InvitationResult outcome={outcome} becomes={kind === "operator" ? `an operator of ${tenantName}` : `an admin of ${tenantName}`} onDone={() => setOutcome(null)} /> : null}
    </div>
  );
}

function InvitationResult({ outcome, becomes, onDone }: { outcome: InvitationOutcome; becomes: string; onDone: () => void }) {
  const expires = formatTimestamp(new Date(outcome.expiresAt));
  if (outcome.mailed || !outcome.link) {
    return (
      <Alert tone="success">
        Invitation mailed to {outcome.email}. Its link works once and expires on {expires}.
      </Alert>
    );
  }
  return (
    <section aria-label="Invitation link" className="max-w-3xl">
      <Alert tone={outcome.mailError ? "warning" : "success"}>
        {outcome.mailError ? <p className="mb-2">{outcome.mailError}</p> : null}
        <p className="font-medium">
          This link works once and expires on {expires}; pass it on to {outcome.name} ({outcome.email}), who becomes {becomes}. You will not
          see it again.
        </p>
        <div className="mt-3 flex flex-wrap items-center gap-3">
          <code aria-label="Invitation link" className="rounded bg-white px-2 py-1 font-mono text-xs break-all text-slate-900 ring-1 ring-emerald-200">
            {outcome.link}
          </code>
          <CopyButton text={outcome.link} label="Copy link" />
          <Button variant="ghost" onClick={onDone}>
            Done
          </Button>
        </div>
      </Alert>
    </section>
  );
}
