"use client";

// The vendor's applications on its console page, and "Add an application": the operator adds
// an application; the vendor's admins then configure it (provisioning, banner, gallery listing).
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { cell, headerCell } from "@/components/operator/table-styles";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { addApplicationAction } from "@/lib/operator/actions";
import type { VendorApplicationView } from "@/lib/operator/applications";
import { addApplicationSchema } from "@/lib/operator/schemas";
import { showFieldErrors } from "@/components/ui/field-errors";

type Input = z.input<typeof addApplicationSchema>;

export function VendorApplications({ applications }: { applications: VendorApplicationView[] }) {
  if (applications.length === 0) {
    return <p className="text-sm text-slate-600">No applications yet. Add the vendor&apos;s first application below; its admins then configure it.</p>;
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">Applications</caption>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className={headerCell}>Application</th>
            <th scope="col" className={headerCell}>In the gallery</th>
            <th scope="col" className={headerCell}>Auto-provisioning</th>
            <th scope="col" className={headerCell}>Active districts</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {applications.map((application) => (
            <tr key={application.id}>
              <td className={`${cell} font-medium text-slate-900`}>{application.name}</td>
              <td className={cell}>{application.listed ? "Listed" : "Not listed"}</td>
              <td className={cell}>{application.autoProvisioning ? "On" : "Off"}</td>
              <td className={`${cell} tabular-nums`}>{application.activeActivations}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function AddApplicationForm({ vendorId }: { vendorId: string }) {
  const router = useRouter();
  const [added, setAdded] = useState<string | null>(null);
  const form = useForm<Input, unknown, z.output<typeof addApplicationSchema>>({
    resolver: zodResolver(addApplicationSchema),
    defaultValues: { tenantId: vendorId, name: "", description: "" },
  });
  const mutation = useMutation({
    mutationFn: async (input: z.output<typeof addApplicationSchema>) => {
      const result = await addApplicationAction(input);
      if (!result.ok) {
        showFieldErrors(form.setError, result.fieldErrors);
        throw new Error(result.fieldErrors ? "" : result.formError);
      }
      return result.data;
    },
    onSuccess: (application) => {
      setAdded(application.name);
      form.reset({ tenantId: vendorId, name: "", description: "" });
      router.refresh();
    },
  });

  return (
    <div className="mt-4 space-y-3">
      <form
        aria-label="Add an application"
        onSubmit={form.handleSubmit((input) => {
          setAdded(null);
          mutation.mutate(input);
        })}
        className="flex max-w-3xl flex-wrap items-start gap-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
        noValidate
      >
        <Field label="Application name" className="min-w-48 flex-1" autoComplete="off" error={form.formState.errors.name?.message} {...form.register("name")} />
        <Field
          label="Description"
          className="min-w-64 flex-[2]"
          autoComplete="off"
          hint="Optional; districts see it in the gallery"
          error={form.formState.errors.description?.message}
          {...form.register("description")}
        />
        <Button type="submit" className="mt-6" disabled={mutation.isPending}>
          {mutation.isPending ? "Adding…" : "Add application"}
        </Button>
        {mutation.error?.message ? (
          <p role="alert" className="w-full text-sm text-red-700">
            {mutation.error.message}
          </p>
        ) : null}
      </form>
      {added ? <Alert tone="success">{added} added. The vendor&apos;s admins can now configure it and list it in the gallery.</Alert> : null}
    </div>
  );
}
