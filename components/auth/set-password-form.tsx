"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { MIN_PASSWORD_LENGTH, setPasswordSchema, type SetPasswordInput } from "@/lib/invitations/schema";

type AcceptResponse = { ok: true } | { ok: false; reason?: string; formError?: string; fieldErrors?: Record<string, string> };

/** Sets the invited person's name and password, then signs them in. */
export function SetPasswordForm({ token, email, name, homePath }: { token: string; email: string; name: string; homePath: string }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [passwordSet, setPasswordSet] = useState(false);
  const { register, handleSubmit, setError, formState } = useForm<SetPasswordInput>({
    resolver: zodResolver(setPasswordSchema),
    defaultValues: { name, password: "", confirmPassword: "" },
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    let result: AcceptResponse;
    try {
      const response = await fetch(`/invite/${encodeURIComponent(token)}/accept`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: values.name, password: values.password }),
      });
      result = (await response.json()) as AcceptResponse;
    } catch {
      setFormError("Rollcall could not be reached. Check your connection and try again.");
      return;
    }
    if (!result.ok) {
      // The link was used or expired meanwhile: the page explains what to do next.
      if (result.reason) return router.refresh();
      for (const [field, message] of Object.entries(result.fieldErrors ?? {})) {
        if (field === "name" || field === "password") setError(field, { message });
      }
      setFormError(result.formError ?? "Check the highlighted fields.");
      return;
    }
    setPasswordSet(true);
    const signedIn = await signIn("credentials", { email, password: values.password, redirect: false }).catch(() => null);
    if (signedIn?.ok && !signedIn.error) {
      router.replace(homePath);
      router.refresh();
    }
  });

  if (passwordSet && !formState.isSubmitting) {
    return (
      <Alert tone="success">
        Your password is set.{" "}
        <Link href="/sign-in" className="font-medium underline">
          Sign in as {email}
        </Link>
      </Alert>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <Field label="Email" type="email" value={email} readOnly autoComplete="username" />
      <Field label="Your name" autoComplete="name" error={formState.errors.name?.message} {...register("name")} />
      <Field
        label="Password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
        error={formState.errors.password?.message}
        {...register("password")}
      />
      <Field
        label="Confirm password"
        type="password"
        autoComplete="new-password"
        error={formState.errors.confirmPassword?.message}
        {...register("confirmPassword")}
      />
      <Button type="submit" className="w-full" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? "Setting your password…" : "Set password and sign in"}
      </Button>
    </form>
  );
}
