// One delivery: the message and every attempt, rendered on the server and handed to the
// view that keeps it current and offers Redeliver.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeliveryDetailView } from "@/components/deliveries/delivery-detail-view";
import { listFilterQuery, readListFilter, toUrlSearchParams, withQuery } from "@/components/deliveries/delivery-filter";
import { requireVendorAdmin } from "@/lib/auth/guards";
import { getDelivery } from "@/lib/webhooks/deliveries";

export const metadata: Metadata = { title: "Delivery" };

type DeliveryPageProps = {
  params: Promise<{ appId: string; messageId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function DeliveryPage({ params, searchParams }: DeliveryPageProps) {
  const admin = await requireVendorAdmin();
  const { appId, messageId } = await params;
  const delivery = await getDelivery(admin.vendorId, appId, messageId);
  if (!delivery) notFound();
  // The list's filters ride along in the query string, so Back returns to the same view.
  const listFilter = readListFilter(toUrlSearchParams(await searchParams));

  return (
    <div className="space-y-3">
      <Link href={withQuery(`/apps/${appId}/deliveries`, listFilterQuery(listFilter))} className="text-sm text-slate-600 hover:text-slate-900">
        ← All deliveries
      </Link>
      <h2 className="mt-1 text-lg font-semibold">Delivery</h2>
      <DeliveryDetailView applicationId={appId} initialDelivery={delivery} />
    </div>
  );
}
