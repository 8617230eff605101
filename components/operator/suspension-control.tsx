"use client";

// Suspend or resume a vendor or a district, after saying what suspension does.
import { ConfirmedActionButton } from "@/components/ui/confirmed-action-button";
import { Button } from "@/components/ui/button";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { resumeDistrictAction, resumeVendorAction, suspendDistrictAction, suspendVendorAction } from "@/lib/operator/actions";

export const SUSPENSION_CONSEQUENCE = "Sign-in refused, API keys and tokens refused, webhooks and deliveries paused — nothing is deleted.";

type Props = { kind: "vendor" | "district"; tenantId: string; tenantName: string; suspended: boolean };

export function SuspensionControl({ kind, tenantId, tenantName, suspended }: Props) {
  if (!suspended) {
    return (
      <ConfirmedActionButton
        verb="Suspend"
        doing="Suspending"
        subject={tenantName}
        consequence={SUSPENSION_CONSEQUENCE}
        run={() => (kind === "vendor" ? suspendVendorAction : suspendDistrictAction)({ tenantId })}
      />
    );
  }
  return <ResumeButton kind={kind} tenantId={tenantId} tenantName={tenantName} />;
}

function ResumeButton({ kind, tenantId, tenantName }: Omit<Props, "suspended">) {
  const router = useRouter();
  const mutation = useMutation({
    mutationFn: async () => {
      const result = await (kind === "vendor" ? resumeVendorAction : resumeDistrictAction)({ tenantId });
      if (!result.ok) throw new Error(result.formError);
    },
    onSuccess: () => router.refresh(),
  });
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <Button variant="secondary" onClick={() => mutation.mutate()} disabled={mutation.isPending} aria-label={`Resume ${tenantName}`}>
        {mutation.isPending ? "Resuming…" : "Resume"}
      </Button>
      {mutation.isError ? (
        <span role="alert" className="text-xs text-red-700">
          {mutation.error.message}
        </span>
      ) : null}
    </span>
  );
}
