"use client";

// Removing a person from the console (an operator, or a vendor's or district's admin), and
// withdrawing an invitation not yet used: each asks first, then refreshes the page.
import { ConfirmedActionButton } from "@/components/ui/confirmed-action-button";
import { removeDistrictAdminAction, removeOperatorAction, removeVendorAdminAction, withdrawInvitationAction } from "@/lib/operator/actions";

type Person = { userId: string; email: string };
type RemovePersonProps = Person & ({ kind: "operator"; tenantId?: undefined } | { kind: "vendor" | "district"; tenantId: string });

function remove(props: RemovePersonProps) {
  if (props.kind === "operator") return removeOperatorAction({ operatorId: props.userId });
  const input = { tenantId: props.tenantId, userId: props.userId };
  return props.kind === "vendor" ? removeVendorAdminAction(input) : removeDistrictAdminAction(input);
}

export function RemovePersonButton(props: RemovePersonProps) {
  return (
    <ConfirmedActionButton
      verb="Remove"
      doing="Removing"
      subject={props.email}
      consequence="They are signed out at once and can no longer sign in. The audit log keeps what they did."
      run={() => remove(props)}
    />
  );
}

export function WithdrawInvitationButton({ invitationId, email }: { invitationId: string; email: string }) {
  return (
    <ConfirmedActionButton
      verb="Withdraw"
      doing="Withdrawing"
      subject={email}
      consequence="The link stops working. You can invite them again later."
      run={() => withdrawInvitationAction({ invitationId })}
    />
  );
}
