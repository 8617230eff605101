// The audit log's table, on the log's own page and (without IP and before → after) as the
// console overview's latest changes: when, who in which role, in which tenant, what.
import Link from "next/link";
import { FieldChanges } from "@/components/audit/field-changes";
import { roleLabel } from "@/components/audit/role-label";
import { cell, headerCell } from "@/components/operator/table-styles";
import { formatTimestamp } from "@/components/ui/format-timestamp";
import { NoValue } from "@/components/ui/no-value";
import type { AuditRow } from "@/lib/audit/search";
import type { AuditEventView } from "@/lib/operator/queries";

/** The overview's events, or the audit log's with before → after and the IP (shown when `detailed`). */
export type AuditTableEvent = AuditEventView & Partial<Pick<AuditRow, "before" | "after" | "ip">>;

type AuditTableProps = { events: readonly AuditTableEvent[]; caption: string; /** Adds the IP column and each event's before → after. */ detailed?: boolean };

export function AuditTable({ events, caption, detailed = false }: AuditTableProps) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className={headerCell}>Time</th>
            <th scope="col" className={headerCell}>Actor</th>
            <th scope="col" className={headerCell}>Tenant</th>
            <th scope="col" className={headerCell}>Action</th>
            <th scope="col" className={headerCell}>Summary</th>
            {detailed ? <th scope="col" className={headerCell}>IP</th> : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {events.map((event) => (
            <tr key={event.id}>
              <td className={`${cell} whitespace-nowrap text-slate-600`}>
                <time dateTime={event.at.toISOString()}>{formatTimestamp(event.at)}</time>
              </td>
              <td className={`${cell} max-w-56 break-words`}>
                {event.actorEmail}
                <span className="block text-xs text-slate-500">{roleLabel(event.actorRole)}</span>
              </td>
              <td className={`${cell} max-w-48 break-words`}>
                <TenantCell event={event} />
              </td>
              <td className={`${cell} font-mono text-xs`}>{event.action}</td>
              <td className={`${cell} min-w-56`}>
                {event.summary}
                {detailed ? <FieldChanges before={event.before} after={event.after} /> : null}
              </td>
              {detailed ? <td className={`${cell} font-mono text-xs whitespace-nowrap`}>{event.ip ?? <NoValue />}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const TENANT_PAGES: Record<string, string> = { vendor: "/operator/vendors", district: "/operator/districts" };

function TenantCell({ event }: { event: AuditTableEvent }) {
  const base = event.tenantType ? TENANT_PAGES[event.tenantType] : undefined;
  const name = event.tenantName || (event.tenantType === "instance" ? "This instance" : "");
  const kind = event.tenantType ? <span className="block text-xs text-slate-500 capitalize">{event.tenantType}</span> : null;
  if (base && event.tenantId) {
    return (
      <>
        <Link href={`${base}/${event.tenantId}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
          {name || event.tenantId}
        </Link>
        {kind}
      </>
    );
  }
  return (
    <>
      {name || <NoValue />}
      {kind}
    </>
  );
}
