"use client";

// Creating (shown once, with a copy button) and revoking Partner API keys.
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { ApiKeyList, type ApiKeyRow } from "@/components/api-keys/api-key-list";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
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
        <section aria-label="New API key" className="max-w-2xl">
          <Alert tone="success">
            <p className="font-medium">Key “{created.name}” created. Copy it now: Rollcall stores only a hash and cannot show it again.</p>
            <div className="mt-3 flex flex-wrap items-center gap-3">
              <code className="rounded bg-white px-2 py-1 font-mono text-xs break-all text-slate-900 ring-1 ring-emerald-200" aria-label="New API key value">
                {created.key}
              </code>
              <CopyButton text={created.key} label="Copy key" />
              <Button variant="ghost" onClick={() => setCreated(null)}>
                Done
              </Button>
            </div>
          </Alert>
        </section>
      )}

      <ApiKeyList keys={keys} />
    </div>
  );
}
