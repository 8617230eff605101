"use client";

// One message with every attempt, kept current while it may still change (pending,
// retrying, or a redelivery on its way), seeded with what the server rendered.
import { AttemptCard } from "@/components/deliveries/attempt-card";
import { refreshErrorMessage } from "@/components/deliveries/delivery-queries";
import { DeliverySummary } from "@/components/deliveries/delivery-summary";
import { useDeliveryDetail, type RedeliveryState } from "@/components/deliveries/use-delivery-detail";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { DeliveryDetail } from "@/lib/webhooks/deliveries";

export function DeliveryDetailView({ applicationId, initialDelivery }: { applicationId: string; initialDelivery: DeliveryDetail }) {
  const { delivery, refreshFailed, refreshError, redelivery: state, redeliver } = useDeliveryDetail(applicationId, initialDelivery);
  const newestFirst = [...delivery.attempts].reverse();

  return (
    <div className="space-y-8">
      <DeliverySummary delivery={delivery} />
      {refreshFailed ? <Alert tone="error">{refreshErrorMessage(refreshError)}</Alert> : null}

      <section aria-labelledby="payload-heading">
        <h3 id="payload-heading" className="font-semibold">
          JSON body <span className="font-normal text-slate-500">(identical on every attempt)</span>
        </h3>
        <pre className="mt-2 max-h-96 overflow-auto rounded-md border border-slate-200 bg-slate-50 p-3 font-mono text-xs text-slate-800">
          {delivery.payload}
        </pre>
      </section>

      <section aria-labelledby="attempts-heading" className="space-y-4">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h3 id="attempts-heading" className="font-semibold">
            Attempts <span className="font-normal text-slate-500">(newest first)</span>
          </h3>
          <Button variant="secondary" onClick={redeliver} disabled={state.kind === "queuing" || state.kind === "waiting"}>
            {state.kind === "queuing" ? "Queuing…" : "Redeliver"}
          </Button>
        </div>
        <RedeliveryMessage state={state} />
        {newestFirst.length > 0 ? (
          newestFirst.map((attempt) => <AttemptCard key={attempt.id} attempt={attempt} />)
        ) : (
          <p className="text-sm text-slate-500">No attempt has been made yet.</p>
        )}
      </section>
    </div>
  );
}

function RedeliveryMessage({ state }: { state: RedeliveryState }) {
  switch (state.kind) {
    case "refused":
      return <Alert tone="error">{state.message}</Alert>;
    case "waiting":
      return <Alert tone="info">Redelivery queued… It appears here once it has been sent, usually within a few seconds.</Alert>;
    case "sent":
      return (
        <Alert tone={state.attempt.succeeded ? "success" : "info"}>
          Redelivered as attempt {state.attempt.number}: {state.attempt.succeeded ? "succeeded" : "failed"}
          {state.attempt.responseStatus !== null ? ` with status ${state.attempt.responseStatus}` : ""}.
        </Alert>
      );
    case "not_seen":
      return <Alert tone="info">The redelivery is queued but has not been sent after 30 seconds. Reload this page later to see it.</Alert>;
    default:
      return null;
  }
}
