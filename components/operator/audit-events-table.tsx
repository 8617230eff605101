// The latest audit events on the console's overview: when, who, what.
import { formatTimestamp } from "@/components/ui/format-timestamp";
import { cell, headerCell } from "@/components/operator/table-styles";
import type { AuditEventView } from "@/lib/operator/queries";

export function AuditEventsTable({ events }: { events: AuditEventView[] }) {
  if (events.length === 0) {
    return <p className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-6 text-sm text-slate-600">Nothing has been changed yet. Changes appear here as they are made.</p>;
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">Latest changes</caption>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className={headerCell}>Time</th>
            <th scope="col" className={headerCell}>Actor</th>
            <th scope="col" className={headerCell}>Action</th>
            <th scope="col" className={headerCell}>Summary</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {events.map((event) => (
            <tr key={event.id}>
              <td className={`${cell} whitespace-nowrap text-slate-600`}>{formatTimestamp(event.at)}</td>
              <td className={cell}>
                {event.actorEmail}
                <span className="block text-xs text-slate-500">{event.actorRole}</span>
              </td>
              <td className={`${cell} font-mono text-xs`}>{event.action}</td>
              <td className={cell}>{event.summary}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
