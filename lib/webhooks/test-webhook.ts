// Test Webhook: the sample request built from the Provisioning form as it is now, and
// sending it at once as a `test` message (recorded like any other, never retried).
import { UserFacingError } from "@/lib/actions/result";
import { requireVendorApplication } from "@/lib/applications/queries";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db";
import type { OutboundErrorKind } from "@/lib/outbound";
import type { ProvisioningSettings } from "@/lib/provisioning/schema";
import { formWebhookTarget } from "@/lib/provisioning/webhook-target";
import { deliverMessage } from "@/lib/webhooks/deliver";
import { createMessage, newMessageId } from "@/lib/webhooks/messages";
import { assertVendorMaySendWebhooks } from "@/lib/webhooks/operator-holds";
import { buildWebhookBody, prettyJson, SANDBOX_DISTRICT, type WebhookEvent } from "@/lib/webhooks/payload";
import { buildSignedRequest, type HeaderList } from "@/lib/webhooks/request";
import { generateSigningSecret } from "@/lib/webhooks/signing";
import { activeSigningSecrets } from "@/lib/webhooks/signing-secrets";

export const TESTS_PER_MINUTE = 10;
const WINDOW_MS = 60_000;

export type SampleRequest = { method: "POST"; url: string; headers: HeaderList; body: string };

/** `valid`: the real test. `wrong`: signed with a throwaway secret, to see the receiver refuse it. */
export type TestSignature = "valid" | "wrong";

export type TestWebhookResult = {
  messageId: string;
  signature: TestSignature;
  /** The seed's rule: a test succeeds when the receiver answers 200 (or, with a wrong signature, refuses it with a 4xx). */
  succeeded: boolean;
  summary: string;
  status: number | null;
  errorKind: OutboundErrorKind | "status" | "no_url" | null;
  latencyMs: number;
  request: SampleRequest;
  response: { headers: Record<string, string>; body: string; truncated: boolean } | null;
};

export async function previewTestWebhook(vendorId: string, settings: ProvisioningSettings, now = new Date()): Promise<SampleRequest> {
  await requireVendorApplication(vendorId, settings.applicationId);
  const target = await formWebhookTarget(settings);
  const event = testEvent(settings.applicationId, now);
  const body = buildWebhookBody(event, getConfig().publicUrl);
  const { loggedHeaders } = buildSignedRequest({
    messageId: newMessageId(now.getTime()),
    timestamp: Math.floor(now.getTime() / 1000),
    body,
    signingSecrets: await activeSigningSecrets(settings.applicationId, now),
    customHeaders: target.headers,
    url: target.url,
  });
  return { method: "POST", url: target.url ?? "", headers: loggedHeaders, body: prettyJson(body) };
}

export async function sendTestWebhook(
  vendorId: string,
  settings: ProvisioningSettings,
  { signature = "valid", now = new Date() }: { signature?: TestSignature; now?: Date } = {},
): Promise<TestWebhookResult> {
  await requireVendorApplication(vendorId, settings.applicationId);
  await assertVendorMaySendWebhooks(vendorId);
  const target = await formWebhookTarget(settings);
  if (!target.url) {
    throw new UserFacingError("Enter a webhook URL to send a test.", { fieldErrors: { webhookUrl: "Enter a webhook URL to send a test" } });
  }
  const message = await db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`test-webhook:${settings.applicationId}`}))`;
    const recent = await tx.webhookMessage.findMany({
      where: { applicationId: settings.applicationId, mode: "test", createdAt: { gt: new Date(now.getTime() - WINDOW_MS) } },
      orderBy: { createdAt: "desc" },
      take: TESTS_PER_MINUTE,
      select: { createdAt: true },
    });
    if (recent.length >= TESTS_PER_MINUTE) {
      const oldest = recent.at(-1)!.createdAt.getTime();
      const waitSeconds = Math.max(1, Math.ceil((oldest + WINDOW_MS - now.getTime()) / 1000));
      throw new UserFacingError(`You can send ${TESTS_PER_MINUTE} tests a minute. Try again in ${waitSeconds} s.`, { code: "rate_limited" });
    }
    return createMessage(tx, testEvent(settings.applicationId, now), 1);
  });

  const attempt = await deliverMessage(message.id, {
    trigger: signature === "valid" ? "test" : "test-wrong-signature",
    target,
    signingSecrets: signature === "valid" ? undefined : [generateSigningSecret()],
  }).catch(async (error: unknown) => {
    // No queue job stands behind a test: settle it, or the log would show it pending forever.
    await db().webhookMessage.update({
      where: { id: message.id },
      data: { status: "failed", completedAt: new Date(), lastError: "Rollcall could not send this test because of an internal error." },
    });
    throw error;
  });
  if (!attempt) throw new Error(`Test message ${message.id} vanished before its attempt`);
  const { result } = attempt;
  const status = result?.ok ? result.status : null;
  const succeeded = signature === "valid" ? status === 200 : status !== null && status >= 400 && status < 500;
  return {
    messageId: message.id,
    signature,
    succeeded,
    summary: signature === "valid" ? testSummary(status, attempt.errorMessage) : wrongSignatureSummary(status, attempt.errorMessage),
    status,
    errorKind: result?.ok ? (succeeded ? null : "status") : (result?.error.kind ?? "no_url"),
    latencyMs: attempt.latencyMs,
    request: { method: "POST", url: attempt.url, headers: attempt.requestHeaders, body: prettyJson(message.payload) },
    response: result?.ok ? { headers: result.headers, body: result.body, truncated: result.bodyTruncated } : null,
  };
}

function testSummary(status: number | null, errorMessage: string | null): string {
  if (status === 200) return "Your endpoint answered 200 OK. The test succeeded.";
  if (status !== null && status >= 200 && status < 300) {
    return `Your endpoint answered ${status}. Real deliveries accept any 2xx, but the test succeeds only with 200.`;
  }
  if (status !== null && (status < 300 || status >= 400)) {
    return `Your endpoint answered ${status}. The test succeeds only with 200: check the response below and your receiver's logs.`;
  }
  return errorMessage ?? "The test did not reach your endpoint.";
}

function wrongSignatureSummary(status: number | null, errorMessage: string | null): string {
  if (status === null) return errorMessage ?? "The test did not reach your endpoint.";
  if (status >= 400 && status < 500) {
    return `Your endpoint refused a request with a wrong signature (${status}). It verifies webhook-signature, as it should.`;
  }
  if (status >= 200 && status < 300) {
    return `Your endpoint accepted a request with a wrong signature (${status}). Verify webhook-signature with your signing secret and answer 401 when it does not match, or anyone could send you webhooks.`;
  }
  return `Your endpoint answered ${status}. A request with a wrong signature should get a 4xx answer such as 401.`;
}

function testEvent(applicationId: string, occurredAt: Date): WebhookEvent {
  return { type: "application.activated", mode: "test", applicationId, district: SANDBOX_DISTRICT, occurredAt };
}
