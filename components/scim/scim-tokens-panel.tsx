"use client";

// Creating (shown once, with a copy button) and revoking the district's SCIM secret tokens.
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { CredentialList, type CredentialRow } from "@/components/credentials/credential-list";
import { OneTimeSecret } from "@/components/credentials/one-time-secret";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { createScimTokenAction, revokeScimTokenAction } from "@/lib/scim/actions";
import { createScimTokenSchema, type CreateScimTokenInput } from "@/lib/scim/token-schema";

export function ScimTokensPanel({ tokens }: { tokens: CredentialRow[] }) {
  const router = useRouter();
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const form = useForm<CreateScimTokenInput>({ resolver: zodResolver(createScimTokenSchema), defaultValues: { name: "" } });
  const create = useMutation({
    mutationFn: async (input: CreateScimTokenInput) => {
      const result = await createScimTokenAction(input);
      if (!result.ok) throw new Error(result.fieldErrors?.name ?? result.formError);
      return result.data;
    },
    onSuccess: (token) => {
      setCreated({ name: token.name, token: token.token });
      form.reset();
      router.refresh();
    },
  });

  return (
    <div className="space-y-4">
      <form
        onSubmit={form.handleSubmit((input) => create.mutate(input))}
        className="flex max-w-2xl flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
        noValidate
      >
        <Field
          label="Token name"
          className="min-w-64 flex-1"
          placeholder="Microsoft Entra ID"
          autoComplete="off"
          error={form.formState.errors.name?.message}
          {...form.register("name")}
        />
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? "Creating…" : "Create token"}
        </Button>
        {create.isError && (
          <p role="alert" className="w-full text-sm text-red-700">
            {create.error.message}
          </p>
        )}
      </form>

      {created && (
        <OneTimeSecret
          label="New token"
          message={
            <>
              Token “{created.name}” created. Copy it into your identity provider&apos;s Secret Token field now: you will not see it again, because
              Rollcall keeps only a hash of it.
            </>
          }
          secret={created.token}
          valueLabel="New token value"
          copyLabel="Copy token"
          onDone={() => setCreated(null)}
        />
      )}

      <CredentialList
        rows={tokens}
        caption="SCIM tokens"
        prefixHeading="Token"
        empty="No tokens yet. Create one for each identity provider (or each rotation), so you can revoke one without stopping the others."
        revokeConsequence="Your identity provider's requests with this token are refused at once."
        revoke={(tokenId) => revokeScimTokenAction({ tokenId })}
      />
    </div>
  );
}
