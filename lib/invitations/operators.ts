// The first operator of a real instance (or a new sign-in link for one who lost theirs),
// created from the command line: `npm run rollcall -- create-operator <email>`.
import { UserFacingError } from "@/lib/actions/result";
import { db } from "@/lib/db";
import { createInvitation } from "@/lib/invitations/invitations";
import { invitationEmailSchema } from "@/lib/invitations/schema";

export type OperatorInvitationResult =
  | { ok: true; link: string; expiresAt: Date; existingOperator: boolean }
  | { ok: false; error: string };

export async function createOperatorInvitation(input: { email: string; name?: string }, now = new Date()): Promise<OperatorInvitationResult> {
  const email = invitationEmailSchema.safeParse(input.email);
  if (!email.success) return { ok: false, error: `"${input.email}" is not an email address.` };
  const existing = await db().user.findUnique({ where: { email: email.data }, select: { role: true, name: true } });
  if (existing && existing.role !== "OPERATOR") {
    return { ok: false, error: `${email.data} already belongs to a vendor or district admin; an operator needs an address of their own.` };
  }
  try {
    const invitation = await createInvitation(
      { email: email.data, name: input.name?.trim() || existing?.name || "", role: "OPERATOR", createdById: null },
      now,
    );
    return { ok: true, link: invitation.link, expiresAt: invitation.expiresAt, existingOperator: existing !== null };
  } catch (error) {
    if (error instanceof UserFacingError) return { ok: false, error: error.message };
    throw error;
  }
}
