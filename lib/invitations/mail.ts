// Invitation emails, sent over SMTP when the instance has SMTP_URL. Without it nothing is
// sent and the operator console shows the one-time link for the operator to pass on.
import nodemailer from "nodemailer";
import { getConfig } from "@/lib/config";
import { INVITATION_LIFETIME_HOURS } from "@/lib/invitations/invitations";

const TIMEOUT_MS = 15_000;

export type InvitationMail = { from: string; to: string; subject: string; text: string };

export function buildInvitationMail(input: { from: string; to: string; link: string; organisation: string }): InvitationMail {
  return {
    from: input.from,
    to: input.to,
    subject: `Your Rollcall account for ${input.organisation}`,
    text: [
      "Hello,",
      "",
      `You have been invited to Rollcall for ${input.organisation}. Open this link to set your password:`,
      "",
      input.link,
      "",
      `The link works once and expires in ${INVITATION_LIFETIME_HOURS} hours. If it has expired, ask your Rollcall operator for a new one.`,
      "If you were not expecting this invitation, you can ignore this email.",
    ].join("\n"),
  };
}

/** Sends the invitation over SMTP when SMTP_URL is set, else returns { sent: false } so the console shows the link. */
export async function sendInvitationMail(to: string, link: string, organisation: string): Promise<{ sent: boolean; error?: string }> {
  const { smtpUrl, smtpFrom } = getConfig();
  if (!smtpUrl) return { sent: false };
  return deliverMail(smtpUrl, buildInvitationMail({ from: smtpFrom, to, link, organisation }));
}

/** One message through the SMTP server at smtpUrl; a failure is reported, not thrown. */
export async function deliverMail(smtpUrl: string, mail: InvitationMail): Promise<{ sent: boolean; error?: string }> {
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
  });
  try {
    await transport.sendMail(mail);
    return { sent: true };
  } catch (error) {
    console.error("Sending an invitation email failed", error);
    const reason = error instanceof Error ? error.message : String(error);
    return { sent: false, error: `The email could not be sent (${reason}). Check SMTP_URL, or pass the link on yourself.` };
  } finally {
    transport.close();
  }
}
