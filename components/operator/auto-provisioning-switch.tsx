"use client";

// The vendor's Auto-provisioning available switch. Turning it on takes effect at once;
// turning it off first says how many applications it stops sending webhooks for.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Switch } from "@/components/ui/switch";
import { setAutoProvisioningAvailableAction } from "@/lib/operator/actions";

type Props = { vendorId: string; vendorName: string; available: boolean; applicationsWithAutoProvisioning: number };

export function AutoProvisioningSwitch({ vendorId, vendorName, available, applicationsWithAutoProvisioning }: Props) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const mutation = useMutation({
    mutationFn: async (next: boolean) => {
      const result = await setAutoProvisioningAvailableAction({ tenantId: vendorId, available: next });
      if (!result.ok) throw new Error(result.formError);
    },
    onSuccess: () => {
      setConfirming(false);
      router.refresh();
    },
  });

  const apps = applicationsWithAutoProvisioning === 1 ? "1 application has" : `${applicationsWithAutoProvisioning} applications have`;
  return (
    <div className="max-w-3xl space-y-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <Switch
        label="Auto-provisioning available"
        checked={available}
        disabled={mutation.isPending || confirming}
        onChange={(next) => (next ? mutation.mutate(true) : setConfirming(true))}
        description={
          available
            ? `${vendorName}'s admins can turn auto-provisioning on for their applications; ${apps} it on now. Turning this off stops webhooks for the vendor's activations; the activations stay.`
            : `Until this is on, ${vendorName}'s Provisioning tab shows the switch disabled with “Ask your Rollcall operator to enable auto-provisioning”.`
        }
      />
      {confirming ? (
        <div role="group" aria-label="Confirm turning auto-provisioning off" className="flex flex-wrap items-center gap-2 rounded-md bg-amber-50 p-3 text-sm text-amber-900">
          <p className="w-full">
            {apps} auto-provisioning on. Rollcall stops sending their webhooks; districts&apos; activations stay, and the applications keep their settings for
            when you turn this on again.
          </p>
          <Button variant="secondary" onClick={() => mutation.mutate(false)} disabled={mutation.isPending}>
            {mutation.isPending ? "Turning off…" : "Turn auto-provisioning off"}
          </Button>
          <Button variant="ghost" autoFocus onClick={() => setConfirming(false)} disabled={mutation.isPending}>
            Cancel
          </Button>
        </div>
      ) : null}
      {mutation.isError ? (
        <p role="alert" className="text-sm text-red-700">
          {mutation.error.message}
        </p>
      ) : null}
    </div>
  );
}
