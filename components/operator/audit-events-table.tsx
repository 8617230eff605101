// The latest audit events on the console's overview: when, who, where, what — the audit log's own table.
import { AuditTable } from "@/components/audit/audit-table";
import type { AuditEventView } from "@/lib/operator/queries";

export function AuditEventsTable({ events }: { events: AuditEventView[] }) {
  if (events.length === 0) {
    return <p className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-6 text-sm text-slate-600">Nothing has been changed yet. Changes appear here as they are made.</p>;
  }
  return <AuditTable events={events} caption="Latest changes" />;
}
