// Sends one attempt of a message and records it; schedules the next attempt when the
// answer deserves a retry. Called by the queue's worker, by Redeliver, and by Submit Test.
import { db } from "@/lib/db";
import { outboundClient, type OutboundClient, type OutboundResult } from "@/lib/outbound";
import { savedWebhookTarget, type WebhookTarget } from "@/lib/provisioning/webhook-target";
import { outcomeOf } from "@/lib/webhooks/attempt-outcome";
import { scheduleDelivery, type DeliveryTrigger } from "@/lib/webhooks/messages";
import { buildSignedRequest, type HeaderList } from "@/lib/webhooks/request";
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
  url: string;
  /** As recorded: on the wire, secrets masked. */
  requestHeaders: HeaderList;
  latencyMs: number;
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
  const { request, loggedHeaders } = buildSignedRequest({
    messageId: message.id,
    timestamp: Math.floor(startedAt.getTime() / 1000),
    body: message.payload,
    signingSecrets,
    customHeaders: target.headers,
    url: target.url,
  });
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
        requestHeaders: loggedHeaders,
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
    // A failed redelivery of a message that is still being retried leaves its scheduled retry standing.
    const keepsScheduledRetry = outcome.verdict !== "delivered" && options.trigger === "redeliver" && statusBefore === "retrying";
    const status: DeliveryStatus =
      outcome.verdict === "delivered" ? "delivered" : nextAttemptAt || keepsScheduledRetry ? "retrying" : "failed";

    await tx.webhookMessage.update({
      where: { id: message.id },
      data: {
        status,
        ...(keepsScheduledRetry ? {} : { nextAttemptAt }),
        lastStatusCode: result?.ok ? result.status : null,
        lastLatencyMs: latencyMs,
        lastError: outcome.errorMessage,
        completedAt: status === "delivered" || status === "failed" ? finishedAt : null,
      },
    });
    if (nextAttemptAt) await scheduleDelivery(tx, message.id, "automatic", nextAttemptAt);
    return {
      status,
      attemptNumber: attemptCount,
      url: target.url ?? "",
      requestHeaders: loggedHeaders,
      latencyMs,
      result,
      errorMessage: outcome.errorMessage,
      nextAttemptAt,
    };
  });
}
