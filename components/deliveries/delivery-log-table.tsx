// The rows of the deliveries log. Each row is one message; the whole row opens its detail,
// through a real link in the Time cell so that keyboards and screen readers reach it too.
import Link from "next/link";
import { ModeBadge, StatusBadge } from "@/components/deliveries/delivery-badges";
import { LocalClock, LocalDateTime } from "@/components/deliveries/local-time";
import type { DeliveryRow } from "@/lib/webhooks/deliveries";
import { NoValue } from "@/components/ui/no-value";

type DeliveryLogTableProps = { rows: DeliveryRow[]; detailHref: (messageId: string) => string; busy: boolean };

const headerCell = "px-2.5 py-2 text-left align-bottom text-xs font-semibold text-slate-600";
const numberHeaderCell = `${headerCell} w-20 text-right`;
const cell = "px-2.5 py-2 align-top";

export function DeliveryLogTable({ rows, detailHref, busy }: DeliveryLogTableProps) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full divide-y divide-slate-200 text-sm" aria-busy={busy}>
        <caption className="sr-only">Webhook deliveries, newest first</caption>
        <thead className="bg-slate-50">
          <tr>
            <th scope="col" className={headerCell}>Time</th>
            <th scope="col" className={headerCell}>Event</th>
            <th scope="col" className={headerCell}>Mode</th>
            <th scope="col" className={headerCell}>District</th>
            <th scope="col" className={headerCell}>Status</th>
            <th scope="col" className={numberHeaderCell}>Attempts</th>
            <th scope="col" className={numberHeaderCell}>Last status code</th>
            <th scope="col" className={numberHeaderCell}>Latency (ms)</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.id} className="relative hover:bg-slate-50 focus-within:bg-slate-50">
              <td className={`${cell} whitespace-nowrap`}>
                <Link href={detailHref(row.id)} className="font-medium text-brand-700 after:absolute after:inset-0 hover:underline">
                  <LocalDateTime at={row.createdAt} relative="below" compact />
                </Link>
              </td>
              <td className={`${cell} whitespace-nowrap font-mono text-xs text-slate-800`}>{row.eventType}</td>
              <td className={cell}>
                <ModeBadge mode={row.mode} />
              </td>
              <td className={`${cell} min-w-32`}>{row.districtName}</td>
              <td className={cell}>
                <StatusBadge status={row.status} />
                {row.status === "retrying" && row.nextAttemptAt ? (
                  <span className="mt-0.5 block whitespace-nowrap text-xs text-slate-500">
                    next attempt <LocalClock at={row.nextAttemptAt} />
                  </span>
                ) : null}
              </td>
              <td className={`${cell} text-right tabular-nums`}>{row.attemptCount}</td>
              <td className={`${cell} text-right tabular-nums`}>{row.lastStatusCode ?? <NoValue />}</td>
              <td className={`${cell} text-right tabular-nums`}>{row.attemptCount > 0 && row.lastLatencyMs !== null ? row.lastLatencyMs : <NoValue />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
