import type { Metadata } from "next";
import { AdminList, InvitationList, pendingInvitationActions } from "@/components/operator/admins-and-invitations";
import { InviteAdminForm } from "@/components/operator/invite-admin-form";
import { RemovePersonButton, WithdrawInvitationButton } from "@/components/operator/people-actions";
import { PageSection } from "@/components/ui/page-section";
import { requireOperator } from "@/lib/auth/guards";
import { getConfig } from "@/lib/config";
import { listOperators } from "@/lib/operator/operators";

export const metadata: Metadata = { title: "Operators" };

export default async function OperatorsPage() {
  const me = await requireOperator();
  const { operators, invitations } = await listOperators();
  const instance = new URL(getConfig().publicUrl).host;
  const actions = Object.fromEntries(
    operators.map((operator) => [
      operator.id,
      operator.id === me.id ? <span className="text-sm text-slate-500">You</span> : <RemovePersonButton kind="operator" userId={operator.id} email={operator.email} />,
    ]),
  );

  return (
    <>
      <h1 className="text-2xl font-semibold">Operators</h1>
      <p className="mt-1 max-w-2xl text-sm text-slate-600">
        The people who run this instance: they onboard vendors and districts, watch its health and read the audit log. They never see secret values.
      </p>
      <PageSection id="operators" title="Operators">
        <AdminList admins={operators} caption="Operators" actions={actions} />
      </PageSection>
      <PageSection id="invite" title="Invite an operator">
        <InviteAdminForm kind="operator" tenantName={instance} />
        <h3 className="mt-6 mb-2 text-sm font-semibold text-slate-800">Invitations</h3>
        <InvitationList
          invitations={invitations}
          actions={pendingInvitationActions(invitations, (invitation) => <WithdrawInvitationButton invitationId={invitation.id} email={invitation.email} />)}
        />
      </PageSection>
    </>
  );
}
