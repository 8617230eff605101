"use client";

// After an outage is fixed: send every failed message of the current filter once more,
// with a confirmation that says what will happen.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { MODE_LABELS } from "@/components/deliveries/delivery-filter";
import { deliveryKeys } from "@/components/deliveries/delivery-queries";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { redeliverFailedAction } from "@/lib/webhooks/actions";
import type { DeliveryDistrict } from "@/lib/webhooks/deliveries";
import type { WebhookMode } from "@/lib/webhooks/payload";

type RedeliverFailedButtonProps = { applicationId: string; mode?: WebhookMode; district?: DeliveryDistrict; hasFailed: boolean };

export function RedeliverFailedButton({ applicationId, mode, district, hasFailed }: RedeliverFailedButtonProps) {
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const messages = mode ? `failed ${MODE_LABELS[mode].toLowerCase()} messages` : "failed messages";
  const what = district ? `${messages} of ${district.name}` : messages;
  const redeliverAll = useMutation({
    mutationFn: async () => {
      const result = await redeliverFailedAction({ applicationId, mode, district: district?.guid });
      if (!result.ok) throw new Error(result.formError);
      return result.data.queued;
    },
    onSuccess: () => {
      setConfirming(false);
      void queryClient.invalidateQueries({ queryKey: deliveryKeys.all(applicationId) });
    },
  });

  return (
    <div className="space-y-2">
      {confirming ? (
        <div role="group" aria-label="Confirm redelivery" className="flex flex-wrap items-center gap-3 rounded-md border border-slate-200 bg-white p-3 text-sm">
          <span>Send every {what} once more, each with its original webhook-id (up to 1,000 at a time)?</span>
          <Button onClick={() => redeliverAll.mutate()} disabled={redeliverAll.isPending}>
            {redeliverAll.isPending ? "Queuing…" : `Redeliver all ${what}`}
          </Button>
          <Button variant="secondary" onClick={() => setConfirming(false)} disabled={redeliverAll.isPending}>
            Cancel
          </Button>
        </div>
      ) : hasFailed ? (
        <Button variant="secondary" onClick={() => setConfirming(true)}>
          Redeliver all {what}…
        </Button>
      ) : null}
      {redeliverAll.isSuccess ? (
        <Alert tone="success">
          Queued {redeliverAll.data} {redeliverAll.data === 1 ? "redelivery" : "redeliveries"}. Their new attempts appear here as they are sent.
        </Alert>
      ) : null}
      {redeliverAll.isError ? <Alert tone="error">{redeliverAll.error.message}</Alert> : null}
    </div>
  );
}
