"use client";

// The delivery log: one row per district and run, newest first, filtered by district and
// status, paged; polled quickly while a run is queued or running, so Deliver now is seen through.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { fileDeliveryKeys, unwrap, type RunFilter } from "@/components/file-delivery/file-delivery-queries";
import { RunTable } from "@/components/file-delivery/run-table";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FilterSelect } from "@/components/ui/filter-select";
import { listDeliveryRunsAction } from "@/lib/deliveries/actions";
import type { DeliveryRunRow } from "@/lib/deliveries/log";
import { RUN_PAGE_SIZE, RUN_STATUSES } from "@/lib/deliveries/settings-schema";
import { RUN_STATUS_LABELS } from "@/components/file-delivery/run-status-badge";

export type RunPage = { rows: DeliveryRunRow[]; total: number; page: number };

const ACTIVE_POLL_MS = 2_000;
const IDLE_POLL_MS = 30_000;

type DeliveryLogProps = { applicationId: string; districts: { id: string; name: string }[]; initialRuns: RunPage };

export function DeliveryLog({ applicationId, districts, initialRuns }: DeliveryLogProps) {
  const [filter, setFilter] = useState<RunFilter>({});
  const [page, setPage] = useState(1);
  const isFirstView = page === 1 && !filter.districtId && !filter.status;

  const runs = useQuery({
    queryKey: fileDeliveryKeys.runPage(applicationId, filter, page),
    queryFn: () => unwrap(listDeliveryRunsAction({ applicationId, ...filter, page })),
    initialData: isFirstView ? initialRuns : undefined,
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (query.state.data?.rows.some((run) => run.status === "queued" || run.status === "running") ? ACTIVE_POLL_MS : IDLE_POLL_MS),
  });
  const data = runs.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / RUN_PAGE_SIZE)) : 1;
  const filtered = Boolean(filter.districtId || filter.status);

  const changeFilter = (next: RunFilter) => {
    setFilter(next);
    setPage(1);
  };

  return (
    <section aria-labelledby="delivery-log-heading" className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h2 id="delivery-log-heading" className="text-lg font-semibold">
            Delivery log
          </h2>
          <p className="mt-1 text-sm text-slate-500">Every delivery of every district, newest first.</p>
        </div>
        <div className="flex flex-wrap gap-3">
          <FilterSelect
            label="District"
            value={filter.districtId ?? ""}
            options={Object.fromEntries(districts.map((district) => [district.id, district.name]))}
            onChange={(districtId) => changeFilter({ ...filter, districtId: districtId || undefined })}
          />
          <FilterSelect
            label="Status"
            value={filter.status ?? ""}
            options={Object.fromEntries(RUN_STATUSES.map((status) => [status, RUN_STATUS_LABELS[status]]))}
            onChange={(status) => changeFilter({ ...filter, status: (status || undefined) as RunFilter["status"] })}
          />
        </div>
      </div>

      {runs.isError ? <Alert tone="error">The log could not be refreshed: {runs.error.message} Retrying.</Alert> : null}
      {!data ? (
        <div role="status" aria-label="Loading the delivery log" className="h-48 animate-pulse rounded-lg bg-slate-100" />
      ) : data.rows.length === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-10 text-center text-sm text-slate-600">
          {filtered ? (
            <>
              <p>No deliveries match these filters.</p>
              <Button variant="secondary" className="mt-3" onClick={() => changeFilter({})}>
                Clear filters
              </Button>
            </>
          ) : (
            <p>No deliveries yet. Once delivery is on, runs appear here at their scheduled time, or at once with Deliver now.</p>
          )}
        </div>
      ) : (
        <RunTable rows={data.rows} busy={runs.isPlaceholderData} />
      )}

      {data && pages > 1 ? (
        <nav aria-label="Delivery log pages" className="flex items-center justify-between">
          <Button variant="secondary" disabled={page <= 1 || runs.isPlaceholderData} onClick={() => setPage(page - 1)}>
            ← Newer
          </Button>
          <span className="text-xs text-slate-500">
            Page {page} of {pages}
          </span>
          <Button variant="secondary" disabled={page >= pages || runs.isPlaceholderData} onClick={() => setPage(page + 1)}>
            Older →
          </Button>
        </nav>
      ) : null}
    </section>
  );
}
