// One message kept current while it may still change, and Redeliver: after queuing, the
// detail is polled every second until the new "redeliver" attempt appears, for at most 30 s.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { deliveryKeys, fetchDelivery } from "@/components/deliveries/delivery-queries";
import type { AttemptView, DeliveryDetail } from "@/lib/webhooks/deliveries";
import { redeliverAction } from "@/lib/webhooks/actions";

const REDELIVERY_POLL_MS = 1_000;
const REDELIVERY_WATCH_MS = 30_000;
const UNSETTLED_POLL_MS = 5_000;

export type RedeliveryState =
  | { kind: "idle" }
  | { kind: "queuing" }
  | { kind: "refused"; message: string }
  | { kind: "waiting" }
  | { kind: "sent"; attempt: AttemptView }
  | { kind: "not_seen" };

/** Set once the action queued the attempt: how many attempts there were when Redeliver was clicked. */
type Watch = { attemptsBefore: number; expired: boolean };

function redeliveredAttempt(attempts: AttemptView[], watch: Watch | null): AttemptView | undefined {
  return watch ? attempts.slice(watch.attemptsBefore).find((attempt) => attempt.trigger === "redeliver") : undefined;
}

export function useDeliveryDetail(applicationId: string, initialDelivery: DeliveryDetail) {
  const messageId = initialDelivery.id;
  const queryClient = useQueryClient();
  const [watch, setWatch] = useState<Watch | null>(null);

  const detail = useQuery({
    queryKey: deliveryKeys.detail(applicationId, messageId),
    queryFn: () => fetchDelivery(applicationId, messageId),
    initialData: initialDelivery,
    refetchInterval: (query) => {
      const data = query.state.data;
      if (watch && !watch.expired && data && !redeliveredAttempt(data.attempts, watch)) return REDELIVERY_POLL_MS;
      return data?.status === "pending" || data?.status === "retrying" ? UNSETTLED_POLL_MS : false;
    },
  });
  const delivery = detail.data;

  const mutation = useMutation({
    mutationFn: (_attemptsBefore: number) => redeliverAction({ applicationId, messageId }),
    onMutate: () => setWatch(null),
    onSuccess: (result, attemptsBefore) => {
      if (result.ok) setWatch({ attemptsBefore, expired: false });
    },
  });

  const refreshFailed = detail.isError || detail.failureCount > 0;
  const sent = redeliveredAttempt(delivery.attempts, watch);
  const watching = watch !== null && !watch.expired && !sent;

  useEffect(() => {
    if (!watching) return;
    const timer = setTimeout(() => setWatch((current) => current && { ...current, expired: true }), REDELIVERY_WATCH_MS);
    return () => clearTimeout(timer);
  }, [watching]);

  useEffect(() => {
    if (sent) void queryClient.invalidateQueries({ queryKey: deliveryKeys.lists(applicationId) });
  }, [sent, queryClient, applicationId]);

  const redelivery: RedeliveryState = mutation.isPending
    ? { kind: "queuing" }
    : mutation.isError
      ? { kind: "refused", message: "Rollcall could not be reached to queue the redelivery. Check your connection and try again." }
      : mutation.data && !mutation.data.ok
        ? { kind: "refused", message: mutation.data.formError }
        : sent
          ? { kind: "sent", attempt: sent }
          : watching
            ? { kind: "waiting" }
            : watch?.expired
              ? { kind: "not_seen" }
              : { kind: "idle" };

  return {
    delivery,
    refreshFailed,
    refreshError: detail.error,
    redelivery,
    redeliver: () => mutation.mutate(delivery.attempts.length),
  };
}
