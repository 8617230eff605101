import type { Metadata } from "next";
import { Suspense } from "react";
import { AuditFilters } from "@/components/audit/audit-filters";
import { AUDIT_PATH, AuditLog } from "@/components/audit/audit-log";
import { Alert } from "@/components/ui/alert";
import { TableSkeleton } from "@/components/ui/table-skeleton";
import { requireOperator } from "@/lib/auth/guards";
import { auditSearchHref, listAuditActions, listAuditTenants, parseAuditSearch } from "@/lib/audit/search";

export const metadata: Metadata = { title: "Audit log" };

type AuditPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuditPage({ searchParams }: AuditPageProps) {
  await requireOperator();
  const search = parseAuditSearch(await searchParams);
  const [tenants, actions] = await Promise.all([listAuditTenants(), listAuditActions()]);
  const { filter, cursor } = search;
  return (
    <>
      <h1 className="text-2xl font-semibold">Audit log</h1>
      <p className="mt-1 max-w-2xl text-sm text-slate-600">
        Every change made on this instance — settings, activations, tokens, imports, merges and operators&apos; own actions: who made it, in which tenant,
        what it was before and after (secrets only as set or not), when and from which address. Audit entries cannot be changed or deleted.
      </p>
      <div className="mt-6">
        <AuditFilters search={search} tenants={tenants} actions={actions} />
      </div>
      {filter ? (
        <>
          <div className="mt-6 flex items-center justify-between gap-4">
            <p className="text-sm text-slate-600">Newest first. Times are in UTC.</p>
            <a
              href={auditSearchHref(`${AUDIT_PATH}/export`, filter)}
              download
              className="rounded-md border border-slate-300 bg-white px-3.5 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50"
            >
              Download CSV
            </a>
          </div>
          <div className="mt-3">
            <Suspense key={JSON.stringify(search)} fallback={<TableSkeleton label="Loading the audit log" tall />}>
              <AuditLog filter={filter} cursor={cursor} />
            </Suspense>
          </div>
        </>
      ) : (
        <div className="mt-6">
          <Alert tone="error">Some filters are not valid, so nothing is listed. Correct the highlighted fields and apply the filters again.</Alert>
        </div>
      )}
    </>
  );
}
