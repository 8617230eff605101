// The File delivery tab: the application's settings, outbox and first page of the log, read
// on the server for this vendor's own application, then handed to the interactive tab.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { FileDeliveryTab } from "@/components/file-delivery/file-delivery-tab";
import { requireVendorAdmin } from "@/lib/auth/guards";
import { listDeliveryRuns } from "@/lib/deliveries/log";
import { listOutboxKeys, outboxConnectionDetails } from "@/lib/deliveries/outbox-account";
import { RUN_PAGE_SIZE } from "@/lib/deliveries/settings-schema";
import { countActiveDistricts, listDeliveryDistricts, loadFileDeliverySettings } from "@/lib/deliveries/settings";
import { timeZoneChoices } from "@/lib/sftp/schema";

export const metadata: Metadata = { title: "File delivery" };

export default async function FileDeliveryPage({ params }: { params: Promise<{ appId: string }> }) {
  const { appId } = await params;
  const admin = await requireVendorAdmin();
  const settings = await loadFileDeliverySettings(admin.vendorId, appId);
  const districts = await listDeliveryDistricts(admin.vendorId, appId);
  if (!settings || !districts) notFound();

  const [connection, keys, activeDistricts, runs] = await Promise.all([
    outboxConnectionDetails(appId),
    listOutboxKeys(appId),
    countActiveDistricts(appId),
    listDeliveryRuns(appId, { page: 1, pageSize: RUN_PAGE_SIZE }),
  ]);
  const outbox = {
    ...connection,
    keys: keys.map((key) => ({ ...key, createdAt: key.createdAt.toISOString(), lastUsedAt: key.lastUsedAt?.toISOString() ?? null })),
  };

  return (
    <FileDeliveryTab
      initialSettings={settings}
      outbox={outbox}
      districts={districts}
      activeDistricts={activeDistricts}
      timeZones={timeZoneChoices(settings.timeZone)}
      initialRuns={{ ...runs, page: 1 }}
    />
  );
}
