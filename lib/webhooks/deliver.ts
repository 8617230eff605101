// Sends one attempt of a message and records it; schedules the next attempt when the
// answer deserves a retry. Called by the queue's worker, by Redeliver, and by Submit Test.
import { db } from "@/lib/db";
import { headersOnTheWire, outboundClient, type OutboundClient, type OutboundResult } from "@/lib/outbound";
import { savedWebhookTarget, type WebhookTarget } from "@/lib/provisioning/webhook-target";
import { outcomeOf } from "@/lib/webhooks/attempt-outcome";
import { scheduleDelivery, type DeliveryTrigger } from "@/lib/webhooks/messages";
import { buildWebhookHeaders, maskHeaders } from "@/lib/webhooks/request";
import { delayBeforeNextAttempt } from "@/lib/webhooks/retry-schedule";
import { activeSigningSecrets } from "@/lib/webhooks/signing-secrets";
import type { DeliveryStatus } from "@/generated/prisma/enums";

export type DeliverOptions = {
  trigger: DeliveryTrigger;
  /** The form's unsaved settings (Submit Test); otherwise the saved ones. */
  target?: WebhookTarget;
  /** Replaces the application's secrets: only for the deliberately wrong signature of a test. */
  signingSecrets?: readonly string[];
  client?: OutboundClient;
  now?: () => Date;
  random?: () => number;
};

export type AttemptRecord = {
  status: DeliveryStatus;
  attemptNumber: number;
  result: OutboundResult | null;
  errorMessage: string | null;
  nextAttemptAt: Date | null;
};

export async function deliverMessage(messageId: string, options: DeliverOptions): Promise<AttemptRecord | null> {
  const now = options.now ?? (() => new Date());
  const message = await db().webhookMessage.findUnique({ where: { id: messageId } });
  if (!message) return null;
  const settled = message.status === "delivered" || message.status === "failed";
  if (options.trigger === "automatic" && settled) return null;

  const startedAt = now();
  const [target, signingSecrets] = await Promise.all([
    options.target ?? savedWebhookTarget(message.applicationId),
    options.signingSecrets ?? activeSigningSecrets(message.applicationId, startedAt),
  ]);
  const headers = buildWebhookHeaders({
    messageId: message.id,
    timestamp: Math.floor(startedAt.getTime() / 1000),
    body: message.payload,
    signingSecrets,
    customHeaders: target.headers,
  });
  const request = target.url ? { method: "POST" as const, url: target.url, headers, body: message.payload } : null;
  const result = request ? await (options.client ?? outboundClient()).send(request) : null;
  const finishedAt = now();
  const outcome = outcomeOf(result, finishedAt);
  const latencyMs = result ? Math.round(result.timings.totalMs) : 0;

  return db().$transaction(async (tx) => {
    const { attemptCount, status: statusBefore } = await tx.webhookMessage.update({
      where: { id: message.id },
      data: { attemptCount: { increment: 1 } },
      select: { attemptCount: true, status: true },
    });
    await tx.webhookAttempt.create({
      data: {
        messageId: message.id,
        number: attemptCount,
        trigger: options.trigger,
        startedAt,
        url: target.url ?? "",
        requestHeaders: maskHeaders(request ? headersOnTheWire(request) : headers, target.headers),
        configVersion: target.configVersion,
        succeeded: outcome.verdict === "delivered",
        responseStatus: result?.ok ? result.status : null,
        responseHeaders: result?.ok ? result.headers : undefined,
        responseBody: result?.ok ? result.body : null,
        responseBodyTruncated: result?.ok ? result.bodyTruncated : false,
        latencyMs,
        timings: result ? result.timings : {},
        errorKind: outcome.errorKind,
        errorMessage: outcome.errorMessage,
      },
    });

    const mayRetry = options.trigger === "automatic" && outcome.verdict === "retry" && attemptCount < message.maxAttempts;
    const delay = mayRetry ? delayBeforeNextAttempt(attemptCount, { retryAfterMs: outcome.retryAfterMs, random: options.random }) : null;
    const nextAttemptAt = delay === null ? null : new Date(finishedAt.getTime() + delay);
    const status: DeliveryStatus =
      outcome.verdict === "delivered"
        ? "delivered"
        : nextAttemptAt
          ? "retrying"
          : options.trigger === "redeliver" && statusBefore === "retrying"
            ? "retrying" // the scheduled retry still stands
            : "failed";

    await tx.webhookMessage.update({
      where: { id: message.id },
      data: {
        status,
        ...(status === "retrying" && options.trigger === "redeliver" ? {} : { nextAttemptAt }),
        lastStatusCode: result?.ok ? result.status : null,
        lastLatencyMs: latencyMs,
        lastError: outcome.errorMessage,
        completedAt: status === "delivered" || status === "failed" ? finishedAt : null,
      },
    });
    if (nextAttemptAt) await scheduleDelivery(tx, message.id, "automatic", nextAttemptAt);
    return { status, attemptNumber: attemptCount, result, errorMessage: outcome.errorMessage, nextAttemptAt };
  });
}
