// The Deliveries tab: the first page of the log rendered on the server, then handed to the
// table, which keeps it current while the page is open.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DeliveriesTable } from "@/components/deliveries/deliveries-table";
import { toUrlSearchParams } from "@/components/deliveries/delivery-filter";
import { requireVendorAdmin } from "@/lib/auth/guards";
import { listDeliveries, listDeliveryDistricts, parseDeliveryFilter } from "@/lib/webhooks/deliveries";

export const metadata: Metadata = { title: "Deliveries" };

type DeliveriesPageProps = {
  params: Promise<{ appId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function DeliveriesPage({ params, searchParams }: DeliveriesPageProps) {
  const admin = await requireVendorAdmin();
  const { appId } = await params;
  // Paging is the table's own state, so a `before` left in a URL is not honoured here.
  const { status, mode, district } = parseDeliveryFilter(toUrlSearchParams(await searchParams));
  const filter = { status, mode, district };
  const [page, districts] = await Promise.all([listDeliveries(admin.vendorId, appId, filter), listDeliveryDistricts(admin.vendorId, appId)]);
  if (!page || !districts) notFound();

  return <DeliveriesTable applicationId={appId} initialFilter={filter} initialPage={page} districts={districts} />;
}
