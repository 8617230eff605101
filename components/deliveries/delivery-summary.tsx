// What a message is, whatever happened to it: its webhook-id (the same on every attempt),
// event, mode, district and where delivery stands now.
import { ModeBadge, StatusBadge } from "@/components/deliveries/delivery-badges";
import { LocalClock, LocalDateTime } from "@/components/deliveries/local-time";
import { CopyButton } from "@/components/ui/copy-button";
import type { DeliveryDetail } from "@/lib/webhooks/deliveries";

export function DeliverySummary({ delivery }: { delivery: DeliveryDetail }) {
  return (
    <dl className="grid gap-x-6 gap-y-3 rounded-lg border border-slate-200 bg-white p-5 text-sm shadow-sm sm:grid-cols-[9rem_1fr]">
      <dt className="text-slate-500">Webhook ID</dt>
      <dd className="flex flex-wrap items-center gap-3">
        <code className="font-mono text-sm text-slate-900 [overflow-wrap:anywhere]">{delivery.id}</code>
        <CopyButton text={delivery.id} label="Copy webhook-id" />
      </dd>
      <dt className="text-slate-500">Event</dt>
      <dd className="font-mono text-xs text-slate-900">{delivery.eventType}</dd>
      <dt className="text-slate-500">Mode</dt>
      <dd>
        <ModeBadge mode={delivery.mode} />
      </dd>
      <dt className="text-slate-500">District</dt>
      <dd>
        {delivery.districtName} <span className="font-mono text-xs text-slate-500">{delivery.districtGuid}</span>
      </dd>
      <dt className="text-slate-500">Status</dt>
      <dd className="flex flex-wrap items-center gap-2">
        <StatusBadge status={delivery.status} />
        <span className="text-slate-600">
          {delivery.attemptCount} {delivery.attemptCount === 1 ? "attempt" : "attempts"}
          {delivery.status === "retrying" && delivery.nextAttemptAt ? (
            <>
              {" "}
              · next attempt <LocalClock at={delivery.nextAttemptAt} />
            </>
          ) : null}
        </span>
      </dd>
      {delivery.lastError && delivery.status !== "delivered" ? (
        <>
          <dt className="text-slate-500">Last error</dt>
          <dd className="text-red-800">{delivery.lastError}</dd>
        </>
      ) : null}
      <dt className="text-slate-500">Created</dt>
      <dd>
        <LocalDateTime at={delivery.createdAt} relative="after" />
      </dd>
    </dl>
  );
}
