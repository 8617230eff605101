// The People list: a page of the district's people with their identifiers, schools, status
// and way in. Filters and the page's cursor are in the address; the rows are read on the server.
import Link from "next/link";
import { ROLE_LABELS, personHref } from "@/components/people/people-labels";
import { NoValue } from "@/components/ui/no-value";
import { SourceBadge, StatusBadge } from "@/components/people/source-badge";
import { listPeople, type PeopleFilter, type PersonRow } from "@/lib/people/list";
import { PageLink } from "@/components/ui/page-link";

const headerCell = "px-2.5 py-2 text-left align-bottom text-xs font-semibold text-slate-600";
const cell = "px-2.5 py-2 align-top";

export async function PeopleTable({ districtId, filter }: { districtId: string; filter: PeopleFilter }) {
  const page = await listPeople(districtId, filter);
  const filtered = filter.q !== undefined || filter.role !== undefined || filter.status !== undefined || filter.source !== undefined;
  const paged = filter.after !== undefined || filter.before !== undefined;

  if (page.rows.length === 0) return <EmptyPeople filtered={filtered} paged={paged} />;
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600">
        {page.total.toLocaleString("en-US")} {page.total === 1 ? "person" : "people"}
        {filtered ? " match" : ""}, in sourcedId order.
      </p>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <caption className="sr-only">People</caption>
          <thead className="bg-slate-50">
            <tr>
              <th scope="col" className={headerCell}>Name</th>
              <th scope="col" className={headerCell}>Role</th>
              <th scope="col" className={headerCell}>Email</th>
              <th scope="col" className={headerCell}>Netids</th>
              <th scope="col" className={headerCell}>Schools</th>
              <th scope="col" className={headerCell}>Status</th>
              <th scope="col" className={headerCell}>Way in</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {page.rows.map((row) => (
              <PersonRowView key={row.id} row={row} />
            ))}
          </tbody>
        </table>
      </div>
      {page.previous || page.next ? (
        <nav aria-label="People pages" className="flex items-center justify-between">
          <PageLink href={page.previous ? pageHref(filter, { before: page.previous }) : null}>← Previous</PageLink>
          <PageLink href={page.next ? pageHref(filter, { after: page.next }) : null}>Next →</PageLink>
        </nav>
      ) : null}
    </div>
  );
}

function PersonRowView({ row }: { row: PersonRow }) {
  return (
    <tr>
      <td className={cell}>
        <Link href={personHref(row.sourcedId)} className="font-medium text-brand-700 underline-offset-2 hover:underline">
          {row.familyName}, {row.givenName}
        </Link>
        <span className="block font-mono text-xs text-slate-500">{row.sourcedId}</span>
      </td>
      <td className={cell}>{ROLE_LABELS[row.role]}</td>
      <td className={`${cell} max-w-56 break-words`}>{row.email ?? <NoValue />}</td>
      <td className={`${cell} font-mono text-xs`}>{row.netids.length > 0 ? row.netids.join(", ") : <NoValue />}</td>
      <td className={`${cell} max-w-48`}>{row.schools.length > 0 ? row.schools.join(", ") : <NoValue />}</td>
      <td className={cell}>
        <StatusBadge status={row.status} merged={row.merged} />
      </td>
      <td className={cell}>
        <SourceBadge source={row.source} />
      </td>
    </tr>
  );
}

function pageHref(filter: PeopleFilter, cursor: { before?: string; after?: string }): string {
  const params = new URLSearchParams();
  for (const name of ["q", "role", "status", "source"] as const) {
    const value = filter[name];
    if (value) params.set(name, value);
  }
  if (cursor.before) params.set("before", cursor.before);
  if (cursor.after) params.set("after", cursor.after);
  return `/district/people?${params}`;
}

function EmptyPeople({ filtered, paged }: { filtered: boolean; paged: boolean }) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-10 text-center text-sm text-slate-600">
      {paged ? (
        <p>
          No more people this way.{" "}
          <Link href="/district/people" className="font-medium text-brand-700 underline">
            Back to the first page
          </Link>
        </p>
      ) : filtered ? (
        <p>
          Nobody matches this search and these filters.{" "}
          <Link href="/district/people" className="font-medium text-brand-700 underline">
            Clear search and filters
          </Link>
        </p>
      ) : (
        <>
          <p className="font-medium text-slate-800">No people in your district yet</p>
          <p className="mt-1">
            People arrive from your identity provider on{" "}
            <Link href="/district/identity-sync" className="font-medium text-brand-700 underline">
              Identity sync
            </Link>{" "}
            and from OneRoster files and spreadsheets on{" "}
            <Link href="/district/imports" className="font-medium text-brand-700 underline">
              Imports
            </Link>
            .
          </p>
        </>
      )}
    </div>
  );
}

export function PeopleTableSkeleton() {
  return (
    <div role="status" aria-label="Loading people" className="space-y-2">
      <div className="h-5 w-48 animate-pulse rounded bg-slate-100" />
      <div className="h-96 animate-pulse rounded-lg bg-slate-100" />
    </div>
  );
}
