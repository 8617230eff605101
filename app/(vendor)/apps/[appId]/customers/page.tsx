// The Customers tab: the districts using the application, the districts' requests waiting
// on the vendor, and the vendor's own requests for access to a district.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CustomerList } from "@/components/customers/customer-list";
import { DistrictAccessRequests } from "@/components/customers/district-access-requests";
import { PendingRevocations } from "@/components/customers/pending-revocations";
import { requireVendorAdmin } from "@/lib/auth/guards";
import { loadCustomersPage } from "@/lib/customers/queries";

export const metadata: Metadata = { title: "Customers" };

export default async function CustomersPage({ params }: { params: Promise<{ appId: string }> }) {
  const admin = await requireVendorAdmin();
  const { appId } = await params;
  const page = await loadCustomersPage(admin.vendorId, appId);
  if (!page) notFound();
  const { application } = page;

  return (
    <div className="space-y-10">
      <CustomerList applicationId={application.id} applicationName={application.name} customers={page.customers} />
      <PendingRevocations applicationId={application.id} applicationName={application.name} autoApprove={application.autoApprove} requests={page.pendingRevocations} />
      <DistrictAccessRequests
        applicationId={application.id}
        applicationName={application.name}
        districts={page.requestableDistricts}
        requests={page.accessRequests}
      />
    </div>
  );
}
