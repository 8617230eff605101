"use client";

// The "Create vendor" and "Create district" forms above the console's lists: validated with
// the server action's own schema; on success the new tenant's page opens, to invite its admin.
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useForm, type FieldValues, type UseFormReturn } from "react-hook-form";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { ActionResult } from "@/lib/actions/result";
import { createDistrictAction, createVendorAction } from "@/lib/operator/actions";
import { createDistrictSchema, createVendorSchema } from "@/lib/operator/schemas";
import { showFieldErrors } from "@/components/ui/field-errors";

const formStyle = "flex max-w-3xl flex-wrap items-start gap-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm";

export function CreateVendorForm() {
  const form = useForm<z.input<typeof createVendorSchema>, unknown, z.output<typeof createVendorSchema>>({
    resolver: zodResolver(createVendorSchema),
    defaultValues: { name: "" },
  });
  const mutation = useCreate(form, createVendorAction, (id) => `/operator/vendors/${id}`);
  return (
    <form aria-label="Create a vendor" onSubmit={form.handleSubmit((input) => mutation.mutate(input))} className={formStyle} noValidate>
      <Field label="Vendor name" className="min-w-64 flex-1" placeholder="Acme Learning" autoComplete="off" error={form.formState.errors.name?.message} {...form.register("name")} />
      <Button type="submit" className="mt-6" disabled={mutation.isPending}>
        {mutation.isPending ? "Creating…" : "Create vendor"}
      </Button>
      <FormError error={mutation.error} />
    </form>
  );
}

export function CreateDistrictForm() {
  const form = useForm<z.input<typeof createDistrictSchema>, unknown, z.output<typeof createDistrictSchema>>({
    resolver: zodResolver(createDistrictSchema),
    defaultValues: { name: "", state: "" },
  });
  const mutation = useCreate(form, createDistrictAction, (id) => `/operator/districts/${id}`);
  return (
    <form aria-label="Create a district" onSubmit={form.handleSubmit((input) => mutation.mutate(input))} className={formStyle} noValidate>
      <Field
        label="District name"
        className="min-w-64 flex-1"
        placeholder="Springfield Public Schools"
        autoComplete="off"
        error={form.formState.errors.name?.message}
        {...form.register("name")}
      />
      <Field
        label="State"
        className="w-28"
        placeholder="IL"
        maxLength={2}
        autoComplete="off"
        hint="Two letters"
        error={form.formState.errors.state?.message}
        {...form.register("state")}
      />
      <Button type="submit" className="mt-6" disabled={mutation.isPending}>
        {mutation.isPending ? "Creating…" : "Create district"}
      </Button>
      <p className="w-full text-xs text-slate-500">Rollcall gives the district its districtGUID, the identifier vendors receive in webhooks.</p>
      <FormError error={mutation.error} />
    </form>
  );
}

/** Runs the action; field errors from the server go onto their fields, the rest under the form. */
function useCreate<Values extends FieldValues, Output>(
  form: UseFormReturn<Values, unknown, Output>,
  action: (input: Output) => Promise<ActionResult<{ id: string }>>,
  pageOf: (id: string) => string,
) {
  const router = useRouter();
  return useMutation({
    mutationFn: async (input: Output) => {
      const result = await action(input);
      if (!result.ok) {
        showFieldErrors(form.setError, result.fieldErrors);
        throw new Error(result.fieldErrors ? "" : result.formError);
      }
      return result.data;
    },
    onSuccess: ({ id }) => router.push(pageOf(id)),
  });
}

function FormError({ error }: { error: Error | null }) {
  if (!error?.message) return null;
  return (
    <p role="alert" className="w-full text-sm text-red-700">
      {error.message}
    </p>
  );
}
