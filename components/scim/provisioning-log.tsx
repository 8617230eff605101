// The provisioning log: every SCIM request of the district, newest first, a page at a time.
// Filters and the page's cursor are in the address; the rows are read here, on the server.
import Link from "next/link";
import { LocalDateTime } from "@/components/deliveries/local-time";
import { describeOperation } from "@/components/scim/scim-labels";
import { listProvisioningLog, type LogFilter, type LogRow } from "@/lib/scim/activity";
import { NoValue } from "@/components/ui/no-value";
import { TableSkeleton } from "@/components/ui/table-skeleton";
import { PageLink } from "@/components/ui/page-link";

const headerCell = "px-2.5 py-2 text-left align-bottom text-xs font-semibold text-slate-600";
const cell = "px-2.5 py-2 align-top";

export async function ProvisioningLog({ districtId, filter }: { districtId: string; filter: LogFilter }) {
  const page = await listProvisioningLog(districtId, filter);
  const filtered = filter.outcome !== undefined || filter.operation !== undefined;
  const paged = filter.before !== undefined || filter.after !== undefined;

  if (page.rows.length === 0) return <EmptyLog filtered={filtered} paged={paged} />;
  return (
    <div className="space-y-3">
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <caption className="sr-only">SCIM requests, newest first</caption>
          <thead className="bg-slate-50">
            <tr>
              <th scope="col" className={headerCell}>Time</th>
              <th scope="col" className={headerCell}>Token</th>
              <th scope="col" className={headerCell}>Operation</th>
              <th scope="col" className={headerCell}>Resource</th>
              <th scope="col" className={headerCell}>userName / externalId</th>
              <th scope="col" className={headerCell}>Outcome</th>
              <th scope="col" className={`${headerCell} text-right`}>Latency (ms)</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {page.rows.map((row) => (
              <LogRowView key={row.id} row={row} />
            ))}
          </tbody>
        </table>
      </div>
      {page.newer || page.older ? (
        <nav aria-label="Provisioning log pages" className="flex items-center justify-between">
          <PageLink href={page.newer ? pageHref(filter, { after: page.newer }) : null}>← Newer</PageLink>
          <PageLink href={page.older ? pageHref(filter, { before: page.older }) : null}>Older →</PageLink>
        </nav>
      ) : null}
    </div>
  );
}

function LogRowView({ row }: { row: LogRow }) {
  return (
    <tr>
      <td className={`${cell} whitespace-nowrap`}>
        <LocalDateTime at={row.at} relative="below" compact />
      </td>
      <td className={cell}>{row.tokenName ?? <NoValue />}</td>
      <td className={`${cell} whitespace-nowrap`}>
        {describeOperation(row.operation, row.resourceType)}
        <span className="block font-mono text-xs text-slate-500">{row.method}</span>
      </td>
      <td className={`${cell} font-mono text-xs`}>
        {row.resourceId ? <span title={row.resourceId}>{row.resourceId.slice(0, 8)}…</span> : <NoValue />}
      </td>
      <td className={`${cell} max-w-56 break-words`}>
        {row.userName ?? <NoValue />}
        {row.externalId ? <span className="block text-xs text-slate-500">{row.externalId}</span> : null}
      </td>
      <td className={`${cell} min-w-40`}>
        {row.outcome === "success" ? (
          <span className="text-emerald-700">Success · {row.status}</span>
        ) : (
          <>
            <span className="font-medium text-red-700">Failed · {row.status}</span>
            {row.error ? <span className="block text-xs text-slate-700">{row.error}</span> : null}
          </>
        )}
      </td>
      <td className={`${cell} text-right tabular-nums`}>{row.latencyMs}</td>
    </tr>
  );
}

function pageHref(filter: LogFilter, cursor: { before?: string; after?: string }): string {
  const params = new URLSearchParams();
  if (filter.outcome) params.set("outcome", filter.outcome);
  if (filter.operation) params.set("operation", filter.operation);
  if (cursor.before) params.set("before", cursor.before);
  if (cursor.after) params.set("after", cursor.after);
  return `/district/identity-sync?${params}#provisioning-log-heading`;
}

function EmptyLog({ filtered, paged }: { filtered: boolean; paged: boolean }) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-10 text-center text-sm text-slate-600">
      {paged ? (
        <p>No more requests this way.</p>
      ) : filtered ? (
        <p>
          No requests match these filters.{" "}
          <Link href="/district/identity-sync#provisioning-log-heading" className="font-medium text-brand-700 underline">
            Clear filters
          </Link>
        </p>
      ) : (
        <>
          <p className="font-medium text-slate-800">No requests from an identity provider yet</p>
          <p className="mt-1">
            Paste the Tenant URL and a token into your identity provider&apos;s provisioning settings, then use its Test Connection: each request
            it sends appears here.
          </p>
        </>
      )}
    </div>
  );
}


export function ProvisioningLogSkeleton() {
  return <TableSkeleton label="Loading the provisioning log" />;
}
