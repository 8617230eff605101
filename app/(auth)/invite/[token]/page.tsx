import type { Metadata } from "next";
import Link from "next/link";
import { CenteredCard } from "@/components/auth/centered-card";
import { SetPasswordForm } from "@/components/auth/set-password-form";
import { homePathFor } from "@/lib/auth/roles";
import { describeInvitation, describeRole, INVITATION_LIFETIME_HOURS } from "@/lib/invitations/invitations";

export const metadata: Metadata = { title: "Set your password", referrer: "no-referrer" };

const REFUSALS = {
  unknown: {
    title: "This link is not valid",
    body: "Check that you opened the whole link from your invitation. If it still does not work, ask your Rollcall operator for a new invitation.",
  },
  expired: {
    title: "This invitation has expired",
    body: `Invitation links work for ${INVITATION_LIFETIME_HOURS} hours. Ask your Rollcall operator to send you a new one.`,
  },
  used: {
    title: "This invitation has already been used",
    body: "Each invitation link works once. If you set your password with it, sign in; otherwise ask your Rollcall operator for a new invitation.",
  },
} as const;

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await describeInvitation(token);

  if (!invitation.ok) {
    const refusal = REFUSALS[invitation.reason];
    return (
      <CenteredCard
        title={refusal.title}
        footer={
          <Link href="/sign-in" className="font-medium text-brand-700 underline">
            Go to sign-in
          </Link>
        }
      >
        <p className="text-sm text-slate-700">{refusal.body}</p>
      </CenteredCard>
    );
  }

  const place = invitation.role === "OPERATOR" ? "this Rollcall instance" : invitation.organisation;
  return (
    <CenteredCard title="Set your password">
      <p className="mb-4 text-sm text-slate-700">
        You are invited as <strong>{describeRole(invitation.role)}</strong> of <strong>{place}</strong>. Choose a password to finish
        setting up your account.
      </p>
      <SetPasswordForm token={token} email={invitation.email} name={invitation.name} homePath={homePathFor(invitation.role)} />
    </CenteredCard>
  );
}
