"use client";

// Adding an SSH public key to an SFTP account (a district's drop, a vendor's outbox): a name
// and the .pub file's line, checked as typed with the server action's own schema.
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState, type ReactNode } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, FieldHelp } from "@/components/ui/field";
import type { ActionResult } from "@/lib/actions/result";
import { addSftpKeySchema, type AddSftpKeyInput } from "@/lib/sftp/schema";
import { showFieldErrors } from "@/components/ui/field-errors";

type PublicKeyFormProps = {
  add: (input: AddSftpKeyInput) => Promise<ActionResult<{ name: string; fingerprint: string }>>;
  namePlaceholder: string;
  keyPlaceholder: string;
  hint: ReactNode;
};

export function PublicKeyForm({ add, namePlaceholder, keyPlaceholder, hint }: PublicKeyFormProps) {
  const router = useRouter();
  const keyId = useId();
  const [added, setAdded] = useState<{ name: string; fingerprint: string } | null>(null);
  const { register, handleSubmit, setError, reset, formState } = useForm<AddSftpKeyInput>({
    resolver: zodResolver(addSftpKeySchema),
    defaultValues: { name: "", publicKey: "" },
  });

  const mutation = useMutation({
    mutationFn: add,
    onSuccess: (result) => {
      if (result.ok) {
        setAdded({ name: result.data.name, fingerprint: result.data.fingerprint });
        reset();
        router.refresh();
        return;
      }
      showFieldErrors(setError, result.fieldErrors);
      if (!result.fieldErrors) setError("root", { message: result.formError });
    },
    onError: () => setError("root", { message: "The key could not be sent: the connection failed. Nothing was saved; try again." }),
  });

  return (
    <form
      aria-label="Add key"
      noValidate
      onSubmit={handleSubmit((input) => {
        setAdded(null);
        mutation.mutate(input);
      })}
      className="max-w-4xl space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
    >
      <Field label="Key name" placeholder={namePlaceholder} autoComplete="off" error={formState.errors.name?.message} {...register("name")} />
      <div>
        <label htmlFor={keyId} className="mb-1 block text-sm font-medium text-slate-800">
          Public key
        </label>
        <textarea
          id={keyId}
          rows={3}
          spellCheck={false}
          autoComplete="off"
          placeholder={keyPlaceholder}
          aria-invalid={formState.errors.publicKey ? true : undefined}
          aria-describedby={formState.errors.publicKey ? `${keyId}-error` : `${keyId}-hint`}
          className={`block w-full rounded-md border bg-white px-3 py-2 font-mono text-xs shadow-sm placeholder:text-slate-400 focus:ring-2 focus:outline-none ${
            formState.errors.publicKey ? "border-red-500 focus:ring-red-200" : "border-slate-300 focus:border-brand-500 focus:ring-brand-100"
          }`}
          {...register("publicKey")}
        />
        <FieldHelp id={keyId} error={formState.errors.publicKey?.message} hint={hint} />
      </div>
      {formState.errors.root?.message ? <Alert tone="error">{formState.errors.root.message}</Alert> : null}
      {added ? (
        <Alert tone="success">
          Key “{added.name}” added ({added.fingerprint}). Systems holding its private key can sign in now.
        </Alert>
      ) : null}
      <Button type="submit" disabled={mutation.isPending}>
        {mutation.isPending ? "Adding…" : "Add key"}
      </Button>
    </form>
  );
}
