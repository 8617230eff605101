// The sign-in log: every assertion the district's identity provider sent, newest first, a page
// at a time; the filter and page are in the address, the rows are read here on the server.
import type { SsoOutcome } from "@/generated/prisma/client";
import Link from "next/link";
import { LocalDateTime } from "@/components/deliveries/local-time";
import { isSsoOutcome, OUTCOME_LABELS, OUTCOME_TONES } from "@/components/sso/sso-labels";
import { listSsoEvents, SSO_EVENTS_PAGE_SIZE, type SsoEventRow } from "@/lib/sso/events";
import { NoValue } from "@/components/ui/no-value";
import { TableSkeleton } from "@/components/ui/table-skeleton";
import { PageLink } from "@/components/ui/page-link";

export type SignInLogFilter = { outcome?: SsoOutcome; page: number };

export function parseSignInLogFilter(params: Record<string, string | string[] | undefined>): SignInLogFilter {
  const outcome = typeof params.outcome === "string" && isSsoOutcome(params.outcome) ? params.outcome : undefined;
  const page = typeof params.page === "string" && /^[1-9]\d{0,5}$/.test(params.page) ? Number(params.page) : 1;
  return { outcome, page };
}

const headerCell = "px-2.5 py-2 text-left align-bottom text-xs font-semibold text-slate-600";
const cell = "px-2.5 py-2 align-top";

export async function SignInLog({ districtId, filter }: { districtId: string; filter: SignInLogFilter }) {
  const { rows, total } = await listSsoEvents(districtId, { outcome: filter.outcome, page: filter.page, pageSize: SSO_EVENTS_PAGE_SIZE });
  const pages = Math.max(1, Math.ceil(total / SSO_EVENTS_PAGE_SIZE));

  if (rows.length === 0) return <EmptyLog filter={filter} />;
  return (
    <div className="space-y-3">
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <caption className="sr-only">Sign-ins, newest first</caption>
          <thead className="bg-slate-50">
            <tr>
              <th scope="col" className={headerCell}>Time</th>
              <th scope="col" className={headerCell}>Outcome</th>
              <th scope="col" className={headerCell}>Who</th>
              <th scope="col" className={headerCell}>sourcedId</th>
              <th scope="col" className={headerCell}>Reason</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((row) => (
              <EventRow key={row.id} row={row} />
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 ? (
        <nav aria-label="Sign-in log pages" className="flex items-center justify-between text-sm">
          <PageLink href={filter.page > 1 ? pageHref(filter, filter.page - 1) : null}>← Newer</PageLink>
          <span className="text-slate-600">
            Page {filter.page} of {pages}
          </span>
          <PageLink href={filter.page < pages ? pageHref(filter, filter.page + 1) : null}>Older →</PageLink>
        </nav>
      ) : null}
    </div>
  );
}

function EventRow({ row }: { row: SsoEventRow }) {
  return (
    <tr>
      <td className={`${cell} whitespace-nowrap`}>
        <LocalDateTime at={row.at.toISOString()} relative="below" compact />
      </td>
      <td className={`${cell} whitespace-nowrap`}>
        <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${OUTCOME_TONES[row.outcome]}`}>{OUTCOME_LABELS[row.outcome]}</span>
        {row.idpInitiated ? <span className="block text-xs text-slate-500">IdP-initiated</span> : null}
      </td>
      <td className={`${cell} max-w-56 break-words`}>{row.email ?? row.nameId ?? <NoValue />}</td>
      <td className={`${cell} font-mono text-xs`}>
        {row.sourcedId ? (
          <Link href={`/district/people/${encodeURIComponent(row.sourcedId)}`} className="text-brand-700 underline">
            {row.sourcedId}
          </Link>
        ) : (
          <NoValue />
        )}
      </td>
      <td className={`${cell} min-w-48`}>
        {row.reason ?? <NoValue />}
        {row.outcome === "test" ? (
          <Link href={`/district/sso/test/${row.id}`} className="block text-xs font-medium text-brand-700 underline">
            See what was received
          </Link>
        ) : null}
      </td>
    </tr>
  );
}

function pageHref(filter: SignInLogFilter, page: number): string {
  const params = new URLSearchParams();
  if (filter.outcome) params.set("outcome", filter.outcome);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return `/district/sso${query ? `?${query}` : ""}#sign-in-log-heading`;
}

function EmptyLog({ filter }: { filter: SignInLogFilter }) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-10 text-center text-sm text-slate-600">
      {filter.page > 1 ? (
        <p>
          No more sign-ins this way.{" "}
          <Link href={pageHref({ outcome: filter.outcome, page: 1 }, 1)} className="font-medium text-brand-700 underline">
            Back to the newest
          </Link>
        </p>
      ) : filter.outcome ? (
        <p>
          No sign-ins with this outcome.{" "}
          <Link href="/district/sso#sign-in-log-heading" className="font-medium text-brand-700 underline">
            Show all
          </Link>
        </p>
      ) : (
        <>
          <p className="font-medium text-slate-800">No sign-ins yet</p>
          <p className="mt-1">Run a test sign-in above: it appears here, as does every sign-in once you turn sign-in on.</p>
        </>
      )}
    </div>
  );
}


export function SignInLogSkeleton() {
  return <TableSkeleton label="Loading the sign-in log" />;
}
