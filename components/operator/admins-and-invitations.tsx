// A tenant's admins (with their last sign-in) and the invitations sent to it. An invitation's
// link is never shown again here: only whether it is pending, used or expired.
import type { ReactNode } from "react";
import { formatTimestamp } from "@/components/ui/format-timestamp";
import { NoValue } from "@/components/ui/no-value";
import { cell, headerCell } from "@/components/operator/table-styles";
import type { AdminView, InvitationView } from "@/lib/operator/queries";

type AdminListProps = {
  admins: AdminView[];
  caption?: string;
  /** A last column, per person by id (e.g. a Remove button); none when absent. */
  actions?: Record<string, ReactNode>;
};

export function AdminList({ admins, caption = "Admins", actions }: AdminListProps) {
  if (admins.length === 0) {
    return <p className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-6 text-sm text-slate-600">No admins yet. Invite the first one below.</p>;
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className={headerCell}>Name</th>
            <th scope="col" className={headerCell}>Email</th>
            <th scope="col" className={headerCell}>Last sign-in</th>
            {actions ? (
              <th scope="col" className={headerCell}>
                <span className="sr-only">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {admins.map((admin) => (
            <tr key={admin.id}>
              <td className={cell}>{admin.name}</td>
              <td className={cell}>{admin.email}</td>
              <td className={`${cell} text-slate-600`}>{admin.lastSignedInAt ? formatTimestamp(admin.lastSignedInAt) : "Never"}</td>
              {actions ? <td className={`${cell} text-right`}>{actions[admin.id]}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

type InvitationListProps = {
  invitations: InvitationView[];
  now?: Date;
  /** A last column, per invitation by id (e.g. Withdraw on pending ones); none when absent. */
  actions?: Record<string, ReactNode>;
};

export function InvitationList({ invitations, now = new Date(), actions }: InvitationListProps) {
  if (invitations.length === 0) return <p className="text-sm text-slate-600">No invitations sent yet.</p>;
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">Invitations</caption>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className={headerCell}>Email</th>
            <th scope="col" className={headerCell}>Sent</th>
            <th scope="col" className={headerCell}>Expires</th>
            <th scope="col" className={headerCell}>Status</th>
            {actions ? (
              <th scope="col" className={headerCell}>
                <span className="sr-only">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {invitations.map((invitation) => (
            <tr key={invitation.id}>
              <td className={cell}>
                {invitation.email}
                {invitation.name ? <span className="block text-xs text-slate-500">{invitation.name}</span> : null}
              </td>
              <td className={`${cell} text-slate-600`}>{formatTimestamp(invitation.createdAt)}</td>
              <td className={`${cell} text-slate-600`}>{invitation.usedAt ? <NoValue /> : formatTimestamp(invitation.expiresAt)}</td>
              <td className={cell}>{invitationStatus(invitation, now)}</td>
              {actions ? <td className={`${cell} text-right`}>{actions[invitation.id]}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const isPending = (invitation: InvitationView, now: Date) => !invitation.usedAt && invitation.expiresAt > now;

function invitationStatus(invitation: InvitationView, now: Date): string {
  if (invitation.usedAt) return `Used ${formatTimestamp(invitation.usedAt)}`;
  return isPending(invitation, now) ? "Pending" : "Expired";
}

/** The Withdraw buttons of an invitation list: on pending invitations only. */
export function pendingInvitationActions(invitations: InvitationView[], withdraw: (invitation: InvitationView) => ReactNode, now = new Date()) {
  return Object.fromEntries(invitations.filter((invitation) => isPending(invitation, now)).map((invitation) => [invitation.id, withdraw(invitation)]));
}
