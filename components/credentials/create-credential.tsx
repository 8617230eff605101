"use client";

// The form that creates a named secret (a Partner API key, a SCIM token) and shows it once.
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { OneTimeSecret } from "@/components/credentials/one-time-secret";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { ActionResult } from "@/lib/actions/result";

type NameInput = { name: string };

export type CreateCredentialProps = {
  /** The form's and the server action's one schema for the name. */
  schema: z.ZodType<NameInput, NameInput>;
  create: (input: NameInput) => Promise<ActionResult<{ name: string; secret: string }>>;
  labels: {
    name: string;
    placeholder: string;
    submit: string;
    /** The one-time panel: its label, the secret's field label, and the copy button. */
    created: string;
    value: string;
    copy: string;
  };
  createdMessage: (name: string) => ReactNode;
};

export function CreateCredential({ schema, create, labels, createdMessage }: CreateCredentialProps) {
  const router = useRouter();
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const form = useForm<NameInput>({ resolver: zodResolver(schema), defaultValues: { name: "" } });
  const mutation = useMutation({
    mutationFn: async (input: NameInput) => {
      const result = await create(input);
      if (!result.ok) throw new Error(result.fieldErrors?.name ?? result.formError);
      return result.data;
    },
    onSuccess: (credential) => {
      setCreated(credential);
      form.reset();
      router.refresh();
    },
  });

  return (
    <>
      <form
        onSubmit={form.handleSubmit((input) => mutation.mutate(input))}
        className="flex max-w-2xl flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
        noValidate
      >
        <Field
          label={labels.name}
          className="min-w-64 flex-1"
          placeholder={labels.placeholder}
          autoComplete="off"
          error={form.formState.errors.name?.message}
          {...form.register("name")}
        />
        <Button type="submit" disabled={mutation.isPending}>
          {mutation.isPending ? "Creating…" : labels.submit}
        </Button>
        {mutation.isError && (
          <p role="alert" className="w-full text-sm text-red-700">
            {mutation.error.message}
          </p>
        )}
      </form>

      {created && (
        <OneTimeSecret
          label={labels.created}
          message={createdMessage(created.name)}
          secret={created.secret}
          valueLabel={labels.value}
          copyLabel={labels.copy}
          onDone={() => setCreated(null)}
        />
      )}
    </>
  );
}
