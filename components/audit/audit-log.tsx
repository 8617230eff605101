// The filtered audit log, newest first, 50 events a page with Newer / Older links that keep the
// filters; read here on the server, inside the page's Suspense boundary.
import Link from "next/link";
import { AuditTable } from "@/components/audit/audit-table";
import { PageLink } from "@/components/ui/page-link";
import { auditSearchHref, isFiltered, listAuditEvents, type AuditCursor, type AuditFilter } from "@/lib/audit/search";

export const AUDIT_PATH = "/operator/audit";

export async function AuditLog({ filter, cursor }: { filter: AuditFilter; cursor: AuditCursor }) {
  const page = await listAuditEvents(filter, cursor);
  if (page.rows.length === 0) return <EmptyAuditLog filtered={isFiltered(filter)} paged={Boolean(cursor.before ?? cursor.after)} filter={filter} />;
  return (
    <div className="space-y-3">
      <AuditTable events={page.rows} caption="Audit events, newest first" detailed />
      {page.newer || page.older ? (
        <nav aria-label="Audit log pages" className="flex items-center justify-between">
          <PageLink href={page.newer ? auditSearchHref(AUDIT_PATH, filter, { after: page.newer }) : null}>← Newer</PageLink>
          <PageLink href={page.older ? auditSearchHref(AUDIT_PATH, filter, { before: page.older }) : null}>Older →</PageLink>
        </nav>
      ) : null}
    </div>
  );
}

function EmptyAuditLog({ filtered, paged, filter }: { filtered: boolean; paged: boolean; filter: AuditFilter }) {
  const link = "font-medium text-brand-700 underline";
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-10 text-center text-sm text-slate-600">
      {paged ? (
        <p>
          No more changes this way.{" "}
          <Link href={auditSearchHref(AUDIT_PATH, filter)} className={link}>
            Back to the newest
          </Link>
        </p>
      ) : filtered ? (
        <p>
          No changes match these filters.{" "}
          <Link href={AUDIT_PATH} className={link}>
            Clear the filters
          </Link>
        </p>
      ) : (
        <>
          <p className="font-medium text-slate-800">Nothing has been changed yet</p>
          <p className="mt-1">Every change to settings, activations, tokens, imports and tenants appears here as it is made.</p>
        </>
      )}
    </div>
  );
}
