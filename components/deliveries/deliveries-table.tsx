"use client";

// The deliveries log of one application: seeded with the server's first page, then kept
// current by polling. Filters live in the URL; keyset paging is a stack of cursors here.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { useState } from "react";
import { listFilterQuery, readListFilter, withQuery, type ListFilter } from "@/components/deliveries/delivery-filter";
import { DeliveryFilters } from "@/components/deliveries/delivery-filters";
import { DeliveryLogTable } from "@/components/deliveries/delivery-log-table";
import { deliveryKeys, fetchDeliveryPage, refreshErrorMessage } from "@/components/deliveries/delivery-queries";
import { LocalClock } from "@/components/deliveries/local-time";
import { RedeliverFailedButton } from "@/components/deliveries/redeliver-failed-button";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { DeliveryDistrict, DeliveryPage } from "@/lib/webhooks/deliveries";

const POLL_MS = 3_000;

/** `districts` are the application's districts when the page was rendered, for the District filter. */
type DeliveriesTableProps = { applicationId: string; initialFilter: ListFilter; initialPage: DeliveryPage; districts: DeliveryDistrict[] };

/** Cursors of the pages opened with "Older", for the filter they were opened under. */
type Paging = { filterQuery: string; cursors: string[] };

export function DeliveriesTable({ applicationId, initialFilter, initialPage, districts }: DeliveriesTableProps) {
  const pathname = usePathname();
  const filter = readListFilter(useSearchParams());
  const filterQuery = listFilterQuery(filter);
  const [paging, setPaging] = useState<Paging>({ filterQuery, cursors: [] });
  const cursors = paging.filterQuery === filterQuery ? paging.cursors : [];
  const before = cursors.at(-1);
  const isServersPage = before === undefined && filterQuery === listFilterQuery(initialFilter);

  const deliveries = useQuery({
    queryKey: deliveryKeys.list(applicationId, filter, before),
    queryFn: () => fetchDeliveryPage(applicationId, filter, before),
    initialData: isServersPage ? initialPage : undefined,
    placeholderData: keepPreviousData,
    refetchInterval: POLL_MS,
  });
  const page = deliveries.data;
  const refreshFailed = deliveries.isError || deliveries.failureCount > 0;

  const changeFilter = (next: ListFilter) => {
    setPaging({ filterQuery: listFilterQuery(next), cursors: [] });
    // The native history API updates useSearchParams at once and skips a server render that
    // the table does not need; router.replace would leave the old filter in place until the
    // server answered, so a second quick change would be built on the stale one.
    window.history.replaceState(null, "", withQuery(pathname, listFilterQuery(next)));
  };
  const showOlder = (cursor: string) => setPaging({ filterQuery, cursors: [...cursors, cursor] });
  const showNewer = () => setPaging({ filterQuery, cursors: cursors.slice(0, -1) });
  const detailHref = (messageId: string) => withQuery(`${pathname}/${encodeURIComponent(messageId)}`, filterQuery);

  return (
    <section aria-labelledby="deliveries-heading" className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h2 id="deliveries-heading" className="text-lg font-semibold">
            Deliveries
          </h2>
          <p className="mt-1 text-sm text-slate-500">Every webhook Rollcall sent to this application, newest first.</p>
        </div>
        <DeliveryFilters filter={filter} districts={districts} onChange={changeFilter} />
      </div>

      <p className="flex items-center gap-2 text-xs text-slate-500">
        <span aria-hidden className={`inline-block h-2 w-2 rounded-full ${refreshFailed ? "bg-red-500" : deliveries.isFetching ? "bg-brand-500" : "bg-emerald-500"}`} />
        {refreshFailed ? "Last updated" : "Live · Updated"} {deliveries.dataUpdatedAt ? <LocalClock at={deliveries.dataUpdatedAt} /> : "—"}
      </p>
      {refreshFailed ? <Alert tone="error">{refreshErrorMessage(deliveries.error)}</Alert> : null}
      {filter.status === "failed" && page ? (
        // Stays mounted once the list empties, so that "Queued n redeliveries" outlives the rows it emptied.
        <RedeliverFailedButton
          hasFailed={page.rows.length > 0}
          applicationId={applicationId}
          mode={filter.mode}
          district={filter.district ? { guid: filter.district, name: districtName(filter.district, districts, page) } : undefined}
        />
      ) : null}

      {page && page.rows.length > 0 ? (
        <DeliveryLogTable rows={page.rows} detailHref={detailHref} busy={deliveries.isPlaceholderData} />
      ) : page ? (
        <EmptyLog filtered={filterQuery !== ""} paged={before !== undefined} applicationId={applicationId} onClearFilters={() => changeFilter({})} />
      ) : null}

      {page && (cursors.length > 0 || page.nextBefore) ? (
        <nav aria-label="Deliveries pages" className="flex items-center justify-between">
          <Button variant="secondary" disabled={cursors.length === 0 || deliveries.isPlaceholderData} onClick={showNewer}>
            ← Newer
          </Button>
          <span className="text-xs text-slate-500">Page {cursors.length + 1}</span>
          <Button
            variant="secondary"
            disabled={!page.nextBefore || deliveries.isPlaceholderData}
            onClick={() => page.nextBefore && showOlder(page.nextBefore)}
          >
            Older →
          </Button>
        </nav>
      ) : null}
    </section>
  );
}

/** The name the page was rendered with; for a district new since then, the name its messages carry. */
function districtName(guid: string, districts: DeliveryDistrict[], page: DeliveryPage): string {
  return districts.find((district) => district.guid === guid)?.name ?? page.rows.find((row) => row.districtGuid === guid)?.districtName ?? guid;
}

type EmptyLogProps = { filtered: boolean; paged: boolean; applicationId: string; onClearFilters: () => void };

function EmptyLog({ filtered, paged, applicationId, onClearFilters }: EmptyLogProps) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-10 text-center text-sm text-slate-600">
      {paged ? (
        <p>No older deliveries.</p>
      ) : filtered ? (
        <>
          <p>No deliveries match these filters.</p>
          <Button variant="secondary" className="mt-3" onClick={onClearFilters}>
            Clear filters
          </Button>
        </>
      ) : (
        <p>
          No deliveries yet. Use Test Webhook on the{" "}
          <Link href={`/apps/${applicationId}/provisioning`} className="font-medium text-brand-700 underline underline-offset-2">
            Provisioning tab
          </Link>{" "}
          to send one.
        </p>
      )}
    </div>
  );
}
