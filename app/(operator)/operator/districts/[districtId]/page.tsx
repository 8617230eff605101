import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AdminList, InvitationList, pendingInvitationActions } from "@/components/operator/admins-and-invitations";
import { InviteAdminForm } from "@/components/operator/invite-admin-form";
import { RemovePersonButton, WithdrawInvitationButton } from "@/components/operator/people-actions";
import { TenantPageHeader } from "@/components/operator/tenant-page-header";
import { countOf, TenantFacts } from "@/components/operator/tenant-facts";
import { formatTimestamp } from "@/components/ui/format-timestamp";
import { PageSection } from "@/components/ui/page-section";
import { requireOperator } from "@/lib/auth/guards";
import { getDistrictDetail } from "@/lib/operator/queries";
import { isUuid } from "@/lib/uuid";

export const metadata: Metadata = { title: "District" };

const SSO = { on: "On (people sign in through the district's identity provider)", configured: "Configured, sign-in off", off: "Off" };

export default async function DistrictPage({ params }: { params: Promise<{ districtId: string }> }) {
  await requireOperator();
  const { districtId } = await params;
  const district = isUuid(districtId) ? await getDistrictDetail(districtId) : null;
  if (!district) notFound();
  const { counts } = district;

  return (
    <>
      <TenantPageHeader kind="district" tenant={district} suspensionEffects="its tokens are refused and webhooks and deliveries for it are paused" />
      <div className="mt-6">
        <TenantFacts
          facts={[
            { label: "State", value: district.state },
            { label: "districtGUID", value: <code>{district.districtGuid}</code> },
            { label: "Created", value: formatTimestamp(district.createdAt) },
            { label: "Active applications", value: countOf(counts.activations, "application", "applications") },
            { label: "Single sign-on", value: SSO[district.sso] },
            { label: "SCIM", value: countOf(counts.scimTokens, "token", "tokens") },
            { label: "People API", value: countOf(counts.districtApiTokens, "token", "tokens") },
            { label: "SFTP", value: countOf(counts.sftpKeys, "key", "keys") },
            { label: "Data API", value: countOf(counts.dataApiCredentials, "vendor credential", "vendor credentials") },
          ]}
        />
      </div>
      <PageSection id="admins" title="Admins">
        <AdminList
          admins={district.admins}
          actions={Object.fromEntries(district.admins.map((admin) => [admin.id, <RemovePersonButton kind="district" tenantId={district.id} userId={admin.id} email={admin.email} />]))}
        />
      </PageSection>
      <PageSection id="invite" title="Invite an admin">
        <InviteAdminForm kind="district" tenantId={district.id} tenantName={district.name} />
        <h3 className="mt-6 mb-2 text-sm font-semibold text-slate-800">Invitations</h3>
        <InvitationList
          invitations={district.invitations}
          actions={pendingInvitationActions(district.invitations, (invitation) => <WithdrawInvitationButton invitationId={invitation.id} email={invitation.email} />)}
        />
      </PageSection>
    </>
  );
}
