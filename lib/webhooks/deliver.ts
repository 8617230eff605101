// Sends one attempt of a message and records it; schedules the next attempt when the
// answer deserves a retry. Called by the queue's worker, by Redeliver, and by Submit Test.
// An attempt costs two statements: one read (message, target, signing secrets) and one
// write (the attempt and the message's new state); a retry adds a short transaction.
// The queue's worker runs them on its own connections as prepared statements: through Prisma
// each statement costs several times the CPU, which bounds how many webhooks a worker sends.
import { randomUUID } from "node:crypto";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db";
import { outboundClient, type OutboundClient, type OutboundResult } from "@/lib/outbound";
import type { WebhookTarget } from "@/lib/provisioning/webhook-target";
import { revealHeaderValue } from "@/lib/provisioning/settings";
import { type AttemptOutcome, outcomeOf } from "@/lib/webhooks/attempt-outcome";
import { scheduleDelivery, type DeliveryTrigger } from "@/lib/webhooks/messages";
import { failWithdrawnMessage, holdFor, pauseSuspendedMessage } from "@/lib/webhooks/operator-holds";
import { buildSignedRequest, type HeaderList } from "@/lib/webhooks/request";
import { delayBeforeNextAttempt } from "@/lib/webhooks/retry-schedule";
import { activeSigningSecrets, openSigningSecret } from "@/lib/webhooks/signing-secrets";
import type { Prisma } from "@/generated/prisma/client";
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
  /** Runs the attempt's read and write; Prisma's raw queries by default. */
  sql?: SqlRunner;
};

export type SqlStatement = { name: string; text: string; values: unknown[] };
/** Runs one statement with $1… parameters; `name` lets a driver prepare it once per connection. */
export type SqlRunner = <Row extends Record<string, unknown>>(statement: SqlStatement) => Promise<Row[]>;

const prismaRunner = (client: Prisma.TransactionClient): SqlRunner => (statement) => client.$queryRawUnsafe(statement.text, ...statement.values);

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
  const sql = options.sql ?? prismaRunner(db());
  const [message] = await sql<LoadedMessage>({ name: "rollcall_load_webhook_message", text: LOAD_MESSAGE, values: [messageId] });
  if (!message) return null;
  const settled = message.status === "delivered" || message.status === "failed";
  if (options.trigger === "automatic" && settled) return null;
  const hold = holdFor(message, options.trigger);
  if (hold === "withdrawn") {
    await failWithdrawnMessage(sql, message.id, now());
    return null;
  }
  if (hold === "suspended") {
    await pauseSuspendedMessage(message.id, options.trigger, now());
    return null;
  }

  const startedAt = now();
  const target = options.target ?? savedTarget(message);
  const signingSecrets = options.signingSecrets ?? (await signingSecretsAt(message, startedAt));
  const { request, loggedHeaders } = buildSignedRequest({
    messageId: message.id,
    timestamp: Math.floor(startedAt.getTime() / 1000),
    body: message.payload,
    signingSecrets,
    customHeaders: target.headers,
    url: target.url,
  });
  const result = request ? await (options.client ?? outboundClient()).send({ ...request, timeoutMs: getConfig().webhookTimeoutMs }) : null;
  const finishedAt = now();
  const attempt: FinishedAttempt = {
    messageId: message.id,
    maxAttempts: message.maxAttempts,
    options,
    startedAt,
    finishedAt,
    target,
    loggedHeaders,
    result,
    outcome: outcomeOf(result, finishedAt),
  };

  // Optimistic: the message is as it was read, and no retry needs scheduling.
  const seen = { attemptCount: message.attemptCount, status: message.status };
  const decision = decide(attempt, seen);
  if (!decision.nextAttemptAt && (await writeAttempt(sql, attempt, seen, decision))) return attemptRecord(attempt, decision);

  return db().$transaction(async (tx) => {
    const [current] = await tx.$queryRaw<MessageState[]>`
      SELECT "attemptCount", status::text AS status FROM "WebhookMessage" WHERE id = ${message.id} FOR UPDATE`;
    if (!current) throw new Error(`Webhook message ${message.id} no longer exists`);
    const settledDecision = decide(attempt, current);
    await writeAttempt(prismaRunner(tx), attempt, current, settledDecision);
    if (settledDecision.nextAttemptAt) await scheduleDelivery(tx, message.id, "automatic", settledDecision.nextAttemptAt);
    return attemptRecord(attempt, settledDecision);
  });
}

type StoredHeader = { name: string; secret: boolean; value: string | null; encryptedValue: string | null };
type StoredSecret = { sealed: string; expiresAtMs: number | null };
type MessageState = { attemptCount: number; status: DeliveryStatus };
type LoadedMessage = MessageState & {
  id: string;
  autoProvisioningAvailable: boolean;
  suspended: boolean;
  applicationId: string;
  payload: string;
  maxAttempts: number;
  hasConfig: boolean;
  webhookUrl: string | null;
  configVersion: number | null;
  headers: StoredHeader[];
  secrets: StoredSecret[];
};

const LOAD_MESSAGE = `
  SELECT m.id, m."applicationId", m.payload, m.status::text AS status, m."maxAttempts", m."attemptCount",
    v."autoProvisioningAvailable", (v."suspendedAt" IS NOT NULL OR d."suspendedAt" IS NOT NULL) AS suspended,
    c."applicationId" IS NOT NULL AS "hasConfig", c."webhookUrl", c.version AS "configVersion",
    coalesce((
      SELECT json_agg(json_build_object('name', h.name, 'secret', h.secret, 'value', h.value, 'encryptedValue', h."encryptedValue") ORDER BY h.position)
      FROM "ProvisioningHeader" h WHERE h."applicationId" = m."applicationId"
    ), '[]') AS headers,
    coalesce((
      SELECT json_agg(json_build_object('sealed', s."encryptedSecret", 'expiresAtMs', extract(epoch FROM s."expiresAt") * 1000) ORDER BY s."createdAt" DESC)
      FROM "WebhookSigningSecret" s WHERE s."applicationId" = m."applicationId"
    ), '[]') AS secrets
  FROM "WebhookMessage" m LEFT JOIN "ProvisioningConfig" c ON c."applicationId" = m."applicationId"
    JOIN "Application" a ON a.id = m."applicationId" JOIN "Vendor" v ON v.id = a."vendorId"
    LEFT JOIN "District" d ON d."districtGuid" = (CASE WHEN m."districtGuid" ~* '^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$' THEN m."districtGuid"::uuid END)
  WHERE m.id = $1`;

function savedTarget(message: LoadedMessage): WebhookTarget {
  if (!message.hasConfig) return { url: null, headers: [], configVersion: null };
  const headers = message.headers.map(({ name, secret, value, encryptedValue }) => ({
    name,
    value: secret ? revealHeaderValue(message.applicationId, encryptedValue ?? "") : (value ?? ""),
    secret,
  }));
  return { url: message.webhookUrl, headers, configVersion: message.configVersion };
}

/** The secrets that sign at `at`, newest first, as activeSigningSecrets reads them (it also creates the first). */
async function signingSecretsAt(message: LoadedMessage, at: Date): Promise<string[]> {
  const active = message.secrets.filter(({ expiresAtMs }) => expiresAtMs === null || expiresAtMs > at.getTime());
  if (active.length === 0) return activeSigningSecrets(message.applicationId, at);
  return active.map(({ sealed }) => openSigningSecret(message.applicationId, sealed));
}

type FinishedAttempt = {
  messageId: string;
  maxAttempts: number;
  options: DeliverOptions;
  startedAt: Date;
  finishedAt: Date;
  target: WebhookTarget;
  loggedHeaders: HeaderList;
  result: OutboundResult | null;
  outcome: AttemptOutcome;
};
type Decision = { attemptNumber: number; status: DeliveryStatus; nextAttemptAt: Date | null; keepsScheduledRetry: boolean };

/** The message's state after this attempt, given its state before it. */
function decide({ options, outcome, maxAttempts, finishedAt }: FinishedAttempt, before: MessageState): Decision {
  const attemptNumber = before.attemptCount + 1;
  const mayRetry = options.trigger === "automatic" && outcome.verdict === "retry" && attemptNumber < maxAttempts;
  const delays = getConfig().webhookRetryDelaysMs;
  const delay = mayRetry ? delayBeforeNextAttempt(attemptNumber, { retryAfterMs: outcome.retryAfterMs, random: options.random, delays }) : null;
  const nextAttemptAt = delay === null ? null : new Date(finishedAt.getTime() + delay);
  // A failed redelivery of a message that is still being retried leaves its scheduled retry standing.
  const keepsScheduledRetry = outcome.verdict !== "delivered" && options.trigger === "redeliver" && before.status === "retrying";
  const status: DeliveryStatus = outcome.verdict === "delivered" ? "delivered" : nextAttemptAt || keepsScheduledRetry ? "retrying" : "failed";
  return { attemptNumber, status, nextAttemptAt, keepsScheduledRetry };
}

// Timestamps go in as UTC (as Prisma writes them), whatever the session's time zone.
const WRITE_ATTEMPT = `
  WITH message AS (
    UPDATE "WebhookMessage" SET
      "attemptCount" = $2::int, status = $3::"DeliveryStatus",
      "nextAttemptAt" = CASE WHEN $4::boolean THEN "nextAttemptAt" ELSE ($5::timestamptz AT TIME ZONE 'UTC') END,
      "lastStatusCode" = $6::int, "lastLatencyMs" = $7::int, "lastError" = $8::text, "completedAt" = ($9::timestamptz AT TIME ZONE 'UTC')
    WHERE id = $1 AND "attemptCount" = $10::int AND status = $11::"DeliveryStatus"
    RETURNING id
  )
  INSERT INTO "WebhookAttempt" (id, "messageId", number, trigger, "startedAt", url, "requestHeaders", "configVersion", succeeded,
    "responseStatus", "responseHeaders", "responseBody", "responseBodyTruncated", "latencyMs", timings, "errorKind", "errorMessage")
  SELECT $12::uuid, id, $2::int, $13::text, ($14::timestamptz AT TIME ZONE 'UTC'), $15::text, $16::jsonb, $17::int, $18::boolean,
    $6::int, $19::jsonb, $20::text, $21::boolean, $7::int, $22::jsonb, $23::text, $8::text
  FROM message
  RETURNING id`;

/** One statement: the attempt row and the message's new state, if the message is still as `before`; false otherwise. */
async function writeAttempt(sql: SqlRunner, attempt: FinishedAttempt, before: MessageState, decision: Decision): Promise<boolean> {
  const { result, outcome, target } = attempt;
  const response = result?.ok ? result : null;
  const completedAt = decision.status === "delivered" || decision.status === "failed" ? attempt.finishedAt : null;
  const written = await sql<{ id: string }>({
    name: "rollcall_write_webhook_attempt",
    text: WRITE_ATTEMPT,
    values: [
      attempt.messageId,
      decision.attemptNumber,
      decision.status,
      decision.keepsScheduledRetry,
      decision.nextAttemptAt?.toISOString() ?? null,
      response?.status ?? null,
      latencyOf(result),
      outcome.errorMessage,
      completedAt?.toISOString() ?? null,
      before.attemptCount,
      before.status,
      randomUUID(),
      attempt.options.trigger,
      attempt.startedAt.toISOString(),
      target.url ?? "",
      JSON.stringify(attempt.loggedHeaders),
      target.configVersion,
      outcome.verdict === "delivered",
      response ? JSON.stringify(response.headers) : null,
      response?.body ?? null,
      response?.bodyTruncated ?? false,
      JSON.stringify(result ? result.timings : {}),
      outcome.errorKind,
    ],
  });
  return written.length === 1;
}

function attemptRecord({ target, loggedHeaders, result, outcome }: FinishedAttempt, decision: Decision): AttemptRecord {
  return {
    status: decision.status,
    attemptNumber: decision.attemptNumber,
    url: target.url ?? "",
    requestHeaders: loggedHeaders,
    latencyMs: latencyOf(result),
    result,
    errorMessage: outcome.errorMessage,
    nextAttemptAt: decision.nextAttemptAt,
  };
}

function latencyOf(result: OutboundResult | null): number {
  return result ? Math.round(result.timings.totalMs) : 0;
}
