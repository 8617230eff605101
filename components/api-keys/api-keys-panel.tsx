"use client";

// Creating (shown once, with a copy button) and revoking Partner API keys.
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { ApiKeyList, type ApiKeyRow } from "@/components/api-keys/api-key-list";
import { OneTimeSecret } from "@/components/credentials/one-time-secret";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { createApiKeyAction } from "@/lib/partner-api/actions";
import { createApiKeySchema, type CreateApiKeyInput } from "@/lib/partner-api/schema";

export function ApiKeysPanel({ keys }: { keys: ApiKeyRow[] }) {
  const router = useRouter();
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);
  const form = useForm<CreateApiKeyInput>({ resolver: zodResolver(createApiKeySchema), defaultValues: { name: "" } });
  const create = useMutation({
    mutationFn: async (input: CreateApiKeyInput) => {
      const result = await createApiKeyAction(input);
      if (!result.ok) throw new Error(result.fieldErrors?.name ?? result.formError);
      return result.data;
    },
    onSuccess: (key) => {
      setCreated({ name: key.name, key: key.key });
      form.reset();
      router.refresh();
    },
  });

  return (
    <div className="mt-6 space-y-6">
      <form
        onSubmit={form.handleSubmit((input) => create.mutate(input))}
        className="flex max-w-2xl flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
        noValidate
      >
        <Field label="Key name" className="min-w-64 flex-1" placeholder="Production sync" error={form.formState.errors.name?.message} {...form.register("name")} />
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? "Creating…" : "Create API key"}
        </Button>
        {create.isError && (
          <p role="alert" className="w-full text-sm text-red-700">
            {create.error.message}
          </p>
        )}
      </form>

      {created && (
        <OneTimeSecret
          label="New API key"
          message={`Key “${created.name}” created. Copy it now: Rollcall stores only a hash and cannot show it again.`}
          secret={created.key}
          valueLabel="New API key value"
          copyLabel="Copy key"
          onDone={() => setCreated(null)}
        />
      )}

      <ApiKeyList keys={keys} />
    </div>
  );
}
