"use client";

// Deactivate, after a confirmation that says what stops. The outcome stays on screen (and
// takes focus) once the page shows the activation as deactivated and this button is gone.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { deactivationMessage } from "@/components/gallery/activation-messages";
import { ConfirmDialog } from "@/components/gallery/confirm-dialog";
import { ResultMessage, outcome, type Outcome } from "@/components/gallery/result-message";
import { useConfirmedAction } from "@/components/gallery/use-confirmed-action";
import { Button } from "@/components/ui/button";
import { deactivateApplicationAction } from "@/lib/activations/actions";

type DeactivateButtonProps = { applicationId: string; applicationName: string; vendorName: string; autoProvisioned: boolean; active: boolean };

export function DeactivateButton({ applicationId, applicationName, vendorName, autoProvisioned, active }: DeactivateButtonProps) {
  const router = useRouter();
  const [result, setResult] = useState<Outcome | null>(null);
  const deactivate = useConfirmedAction(
    (idempotencyKey) => deactivateApplicationAction({ applicationId, idempotencyKey }),
    (data) => {
      setResult(outcome("success", deactivationMessage(data, { applicationName, vendorName })));
      router.refresh();
    },
  );

  return (
    <div className="space-y-3">
      {active ? (
        <Button variant="secondary" onClick={deactivate.start} disabled={deactivate.pending}>
          Deactivate
        </Button>
      ) : null}
      <ConfirmDialog {...deactivate.dialog} title={`Deactivate ${applicationName}?`} confirmLabel="Deactivate" pendingLabel="Deactivating…" focusCancel>
        <p>
          {applicationName} by {vendorName} stops being active for your district.{" "}
          {autoProvisioned
            ? `${vendorName} is notified at once, so they can stop using your district's data.`
            : `${vendorName} is not notified automatically for this activation: let them know yourself.`}
        </p>
        <p>You can activate it again from the Application Gallery.</p>
      </ConfirmDialog>
      <ResultMessage outcome={result} />
    </div>
  );
}
