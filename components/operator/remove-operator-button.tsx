"use client";

import { ConfirmedActionButton } from "@/components/ui/confirmed-action-button";
import { removeOperatorAction } from "@/lib/operator/actions";

export function RemoveOperatorButton({ operatorId, email }: { operatorId: string; email: string }) {
  return (
    <ConfirmedActionButton
      verb="Remove"
      doing="Removing"
      subject={email}
      consequence="They are signed out at once and can no longer sign in. The audit log keeps what they did."
      run={() => removeOperatorAction({ operatorId })}
    />
  );
}
