import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AdminList, InvitationList, pendingInvitationActions } from "@/components/operator/admins-and-invitations";
import { AutoProvisioningSwitch } from "@/components/operator/auto-provisioning-switch";
import { InviteAdminForm } from "@/components/operator/invite-admin-form";
import { RemovePersonButton, WithdrawInvitationButton } from "@/components/operator/people-actions";
import { TenantPageHeader } from "@/components/operator/tenant-page-header";
import { AddApplicationForm, VendorApplications } from "@/components/operator/vendor-applications";
import { countOf, TenantFacts } from "@/components/operator/tenant-facts";
import { formatTimestamp } from "@/components/ui/format-timestamp";
import { PageSection } from "@/components/ui/page-section";
import { requireOperator } from "@/lib/auth/guards";
import { listVendorApplications } from "@/lib/operator/applications";
import { getVendorDetail } from "@/lib/operator/queries";
import { isUuid } from "@/lib/uuid";

export const metadata: Metadata = { title: "Vendor" };

export default async function VendorPage({ params }: { params: Promise<{ vendorId: string }> }) {
  await requireOperator();
  const { vendorId } = await params;
  const vendor = isUuid(vendorId) ? await getVendorDetail(vendorId) : null;
  if (!vendor) notFound();
  const applications = await listVendorApplications(vendor.id);
  const { counts } = vendor;

  return (
    <>
      <TenantPageHeader kind="vendor" tenant={vendor} suspensionEffects="its API keys are refused and its webhooks and deliveries are paused" />
      <div className="mt-6">
        <TenantFacts
          facts={[
            { label: "Created", value: formatTimestamp(vendor.createdAt) },
            { label: "Applications", value: countOf(counts.applications, "application", "applications") },
            { label: "Auto-provisioning on", value: countOf(counts.autoProvisioningOn, "application", "applications") },
            { label: "Partner API", value: countOf(counts.partnerApiKeys, "Partner API key", "Partner API keys") },
            { label: "Data API", value: countOf(counts.dataApiCredentials, "district credential", "district credentials") },
            { label: "Webhook signing", value: countOf(counts.signingSecrets, "signing secret", "signing secrets") },
          ]}
        />
      </div>
      <PageSection id="auto-provisioning" title="Auto-provisioning">
        <AutoProvisioningSwitch
          vendorId={vendor.id}
          vendorName={vendor.name}
          available={vendor.autoProvisioningAvailable}
          applicationsWithAutoProvisioning={counts.autoProvisioningOn}
        />
      </PageSection>
      <PageSection id="applications" title="Applications">
        <VendorApplications applications={applications} />
        <AddApplicationForm vendorId={vendor.id} />
      </PageSection>
      <PageSection id="admins" title="Admins">
        <AdminList
          admins={vendor.admins}
          actions={Object.fromEntries(vendor.admins.map((admin) => [admin.id, <RemovePersonButton kind="vendor" tenantId={vendor.id} userId={admin.id} email={admin.email} />]))}
        />
      </PageSection>
      <PageSection id="invite" title="Invite an admin">
        <InviteAdminForm kind="vendor" tenantId={vendor.id} tenantName={vendor.name} />
        <h3 className="mt-6 mb-2 text-sm font-semibold text-slate-800">Invitations</h3>
        <InvitationList
          invitations={vendor.invitations}
          actions={pendingInvitationActions(vendor.invitations, (invitation) => <WithdrawInvitationButton invitationId={invitation.id} email={invitation.email} />)}
        />
      </PageSection>
    </>
  );
}
