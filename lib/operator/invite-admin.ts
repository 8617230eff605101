// Inviting a vendor's or a district's admin from the console: the invitation is made (and
// audited) by lib/invitations, mailed when SMTP is configured, and otherwise its one-time link
// is handed back, this once, for the operator to pass on. The page's list of invitations
// afterwards shows only that one is pending.
import { UserFacingError } from "@/lib/actions/result";
import type { Operator } from "@/lib/auth/guards";
import { db } from "@/lib/db";
import { createInvitation } from "@/lib/invitations/invitations";
import { sendInvitationMail } from "@/lib/invitations/mail";
import type { TenantKind } from "@/lib/operator/tenants";

export type InvitationOutcome = {
  email: string;
  name: string;
  expiresAt: Date;
  /** True when the mail went out; otherwise `link` is the one-time link to pass on. */
  mailed: boolean;
  link: string | null;
  /** Why the mail did not go out, when SMTP is configured but sending failed. */
  mailError: string | null;
};

export async function inviteAdmin(
  operator: Operator,
  kind: TenantKind,
  input: { tenantId: string; email: string; name: string },
): Promise<InvitationOutcome> {
  const tenant =
    kind === "vendor"
      ? await db().vendor.findUnique({ where: { id: input.tenantId }, select: { id: true, name: true } })
      : await db().district.findFirst({ where: { id: input.tenantId, sandbox: false }, select: { id: true, name: true } });
  if (!tenant) throw new UserFacingError(`This ${kind} was not found.`);

  const invitation = await createInvitation({
    email: input.email,
    name: input.name,
    role: kind === "vendor" ? "VENDOR_ADMIN" : "DISTRICT_ADMIN",
    ...(kind === "vendor" ? { vendorId: tenant.id } : { districtId: tenant.id }),
    createdById: operator.id,
  });
  return deliverInvitation(input, invitation, tenant.name);
}

/** Mails the invitation's link when SMTP is configured; otherwise hands it back, this once. */
export async function deliverInvitation(
  invitee: { email: string; name: string },
  invitation: { link: string; expiresAt: Date },
  organisation: string,
): Promise<InvitationOutcome> {
  const mail = await sendInvitationMail(invitee.email, invitation.link, organisation);
  return {
    email: invitee.email,
    name: invitee.name,
    expiresAt: invitation.expiresAt,
    mailed: mail.sent,
    link: mail.sent ? null : invitation.link,
    mailError: mail.sent ? null : (mail.error ?? null),
  };
}
