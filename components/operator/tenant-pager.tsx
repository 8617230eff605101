// Previous and next page links under a console list, keeping its search.
import Link from "next/link";
import type { TenantFilter, TenantPage } from "@/lib/operator/list";
import { PageLink } from "@/components/ui/page-link";

export function TenantPager({ basePath, filter, page, label }: { basePath: string; filter: TenantFilter; page: TenantPage<unknown>; label: string }) {
  if (page.pages <= 1) return null;
  const href = (to: number) => {
    const params = new URLSearchParams();
    if (filter.q) params.set("q", filter.q);
    if (to > 1) params.set("page", String(to));
    const search = params.toString();
    return search ? `${basePath}?${search}` : basePath;
  };
  return (
    <nav aria-label={label} className="flex items-center justify-between">
      <PageLink href={page.page > 1 ? href(page.page - 1) : null}>← Previous</PageLink>
      <span className="text-sm text-slate-600">
        Page {page.page} of {page.pages}
      </span>
      <PageLink href={page.page < page.pages ? href(page.page + 1) : null}>Next →</PageLink>
    </nav>
  );
}

/** Said instead of a table when a list has no rows: why, and what to do. */
export function EmptyTenantList({ filter, basePath, noun, createHint }: { filter: TenantFilter; basePath: string; noun: string; createHint: string }) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-10 text-center text-sm text-slate-600">
      {filter.page > 1 ? (
        <p>
          No more {noun} this way.{" "}
          <Link href={basePath} className="font-medium text-brand-700 underline">
            Back to the first page
          </Link>
        </p>
      ) : filter.q ? (
        <p>
          No {noun} match “{filter.q}”.{" "}
          <Link href={basePath} className="font-medium text-brand-700 underline">
            Clear the search
          </Link>
        </p>
      ) : (
        <>
          <p className="font-medium text-slate-800">No {noun} yet</p>
          <p className="mt-1">{createHint}</p>
        </>
      )}
    </div>
  );
}
