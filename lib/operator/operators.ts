// The instance's operators, from the console: who they are, inviting another (by mail, or a
// one-time link to pass on), and removing one. An operator cannot remove themselves, so the
// instance always keeps at least one; `npm run rollcall -- create-operator` remains for an
// instance that has lost them all.
import { UserFacingError } from "@/lib/actions/result";
import { INSTANCE_TENANT, recordAudit } from "@/lib/audit/record";
import type { Operator } from "@/lib/auth/guards";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db";
import { createInvitation } from "@/lib/invitations/invitations";
import { deliverInvitation, type InvitationOutcome } from "@/lib/operator/invite-admin";
import type { AdminView, InvitationView } from "@/lib/operator/queries";

export const OPERATOR_NOT_FOUND = "This operator was not found. Another operator may have removed them already.";

export async function listOperators(): Promise<{ operators: AdminView[]; invitations: InvitationView[] }> {
  const [operators, invitations] = await Promise.all([
    db().user.findMany({ where: { role: "OPERATOR" }, select: { id: true, email: true, name: true, lastSignedInAt: true }, orderBy: { email: "asc" } }),
    db().invitation.findMany({
      where: { role: "OPERATOR" },
      select: { id: true, email: true, name: true, createdAt: true, expiresAt: true, usedAt: true },
      orderBy: { createdAt: "desc" },
      take: 20,
    }),
  ]);
  return { operators, invitations };
}

/** An invitation to an existing operator's address is a new sign-in link for them (they set a new password). */
export async function inviteOperator(operator: Operator, invitee: { email: string; name: string }): Promise<InvitationOutcome> {
  const invitation = await createInvitation({ ...invitee, role: "OPERATOR", createdById: operator.id });
  // The instance is known to its people by its address: "Your Rollcall account for rollcall.example.org".
  return deliverInvitation(invitee, invitation, new URL(getConfig().publicUrl).host);
}

export async function removeOperator(operator: Operator, operatorId: string): Promise<{ email: string }> {
  if (operatorId === operator.id) throw new UserFacingError("You can't remove yourself. Another operator can remove you.");
  return db().$transaction(async (tx) => {
    const removed = await tx.user.findFirst({ where: { id: operatorId, role: "OPERATOR" }, select: { email: true, name: true } });
    if (!removed) throw new UserFacingError(OPERATOR_NOT_FOUND);
    // Signed-in sessions end with the row: every request reads its user again (lib/auth/session.ts).
    await tx.user.delete({ where: { id: operatorId } });
    // A link still waiting for them (a new password, say) would bring them back.
    await tx.invitation.updateMany({ where: { email: removed.email, role: "OPERATOR", usedAt: null }, data: { expiresAt: new Date() } });
    await recordAudit(tx, {
      ...INSTANCE_TENANT,
      action: "operator.removed",
      summary: `Removed the operator ${removed.email}`,
      before: { email: removed.email, name: removed.name, role: "OPERATOR" },
    });
    return { email: removed.email };
  });
}
