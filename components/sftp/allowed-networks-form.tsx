"use client";

// The address ranges the district's systems connect from: one CIDR range a line, empty for any
// address. Connections from elsewhere are refused at sign-in.
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useForm } from "react-hook-form";
import { SaveFooter, type SaveOutcome } from "@/components/forms/save-footer";
import { useLeaveWarning } from "@/components/forms/use-leave-warning";
import { FieldHelp } from "@/components/ui/field";
import { saveAllowedNetworksAction } from "@/lib/sftp/actions";
import { allowedNetworksSchema, type AllowedNetworksInput } from "@/lib/sftp/schema";

export function AllowedNetworksForm({ networks }: { networks: string[] }) {
  const router = useRouter();
  const id = useId();
  const [outcome, setOutcome] = useState<SaveOutcome | null>(null);
  const form = useForm<AllowedNetworksInput, unknown, { networks: string[] }>({
    resolver: zodResolver(allowedNetworksSchema),
    defaultValues: { networks: networks.join("\n") },
  });
  const { register, handleSubmit, setError, reset, getValues, formState } = form;
  const allowLeaving = useLeaveWarning(formState.isDirty);

  const save = useMutation({
    mutationFn: saveAllowedNetworksAction,
    onSuccess: (result) => {
      if (result.ok) {
        reset({ networks: result.data.networks.join("\n") });
        const saved = result.data.networks;
        setOutcome({ tone: "success", message: saved.length === 0 ? "Saved. Connections are accepted from any address." : `Saved. Connections are accepted from ${plural(saved.length)} only.` });
        router.refresh();
        return;
      }
      if (result.fieldErrors?.networks) setError("networks", { message: result.fieldErrors.networks });
      setOutcome({ tone: "error", message: result.formError });
    },
    onError: () => setOutcome({ tone: "error", message: "The ranges could not be sent: the connection failed. Nothing was saved; try again." }),
  });

  const error = formState.errors.networks?.message;
  return (
    <form
      aria-label="Allowed networks"
      noValidate
      onSubmit={handleSubmit(
        () => {
          setOutcome(null);
          save.mutate(getValues());
        },
        () => setOutcome({ tone: "error", message: "Check the highlighted field. Nothing was saved." }),
      )}
      className="max-w-4xl space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
    >
      <div>
        <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-800">
          Allowed source addresses
        </label>
        <textarea
          id={id}
          rows={4}
          spellCheck={false}
          autoComplete="off"
          placeholder={"203.0.113.0/24\n2001:db8:1234::/48"}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : `${id}-hint`}
          className={`block w-full rounded-md border bg-white px-3 py-2 font-mono text-sm shadow-sm placeholder:text-slate-400 focus:ring-2 focus:outline-none ${
            error ? "border-red-500 focus:ring-red-200" : "border-slate-300 focus:border-brand-500 focus:ring-brand-100"
          }`}
          {...register("networks")}
        />
        <FieldHelp
          id={id}
          error={error}
          hint="One range a line in CIDR form (a single address is /32, or /128 for IPv6). Leave empty to accept any address: the keys alone then decide."
        />
      </div>
      <SaveFooter outcome={outcome} saving={save.isPending} dirty={formState.isDirty} allowLeaving={allowLeaving} />
    </form>
  );
}

function plural(count: number): string {
  return count === 1 ? "1 range" : `${count} ranges`;
}
