// The dispatcher against a real PostgreSQL and a real receiver on 127.0.0.1. Each call of
// deliverMessage is one attempt, as the queue would run it; the clock is passed in.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createVendorWithApplication } from "@/test/factories";
import { ScriptedReceiver } from "@/test/scripted-receiver";
import { deliverMessage } from "@/lib/webhooks/deliver";
import { enqueueWebhook } from "@/lib/webhooks/messages";
import { SANDBOX_DISTRICT } from "@/lib/webhooks/payload";
import { MASK } from "@/lib/webhooks/request";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { getConfig } from "@/lib/config";
import { currentSigningSecret, ROTATION_GRACE_MS, rotateSigningSecret } from "@/lib/webhooks/signing-secrets";
import { signatureHeader } from "@/lib/webhooks/signing";

let receiver: ScriptedReceiver;
let applicationId: string;

beforeEach(async () => {
  receiver = await new ScriptedReceiver().start();
  applicationId = (await createVendorWithApplication(undefined, { webhookUrl: receiver.url })).application.id;
  await db().provisioningConfig.update({
    where: { applicationId },
    data: {
      headers: {
        create: [
          { position: 0, name: "X-Tenant", value: "acme" },
          { position: 1, name: "X-Api-Key", secret: true, encryptedValue: encryptSecret("sk_live_9", getConfig().encryptionKey, `provisioning-header:${applicationId}`) },
          // Stored before validation existed, or written by hand: must still never replace Rollcall's own.
          { position: 2, name: "webhook-id", value: "forged" },
        ],
      },
    },
  });
});

afterEach(() => receiver.stop());

async function enqueue(occurredAt = new Date()) {
  return db().$transaction((tx) =>
    enqueueWebhook(tx, { type: "application.activated", mode: "standard", applicationId, district: SANDBOX_DISTRICT, occurredAt }),
  );
}

const at = (base: Date, ms: number) => () => new Date(base.getTime() + ms);
const midpoint = () => 0.5;

async function queuedJobs(messageId: string) {
  return db().$queryRaw<{ run_at: Date; key: string | null }[]>`
    SELECT run_at, key FROM graphile_worker._private_jobs WHERE payload->>'messageId' = ${messageId} ORDER BY run_at`;
}

describe("deliverMessage", () => {
  it("retries 500, 500 then records the 200: three attempts with one webhook-id, on the schedule", async () => {
    receiver.answer([{ status: 500 }, { status: 500 }, { status: 200 }]);
    const start = new Date();
    const { messageId } = await enqueue(start);
    expect(await queuedJobs(messageId)).toHaveLength(1);

    const first = await deliverMessage(messageId, { trigger: "automatic", now: at(start, 0), random: midpoint });
    expect(first).toMatchObject({ status: "retrying", attemptNumber: 1 });
    expect(first!.nextAttemptAt!.getTime()).toBe(start.getTime() + 5_000);

    const second = await deliverMessage(messageId, { trigger: "automatic", now: at(start, 5_000), random: midpoint });
    expect(second).toMatchObject({ status: "retrying", attemptNumber: 2 });
    expect(second!.nextAttemptAt!.getTime()).toBe(start.getTime() + 5_000 + 5 * 60_000);
    const jobs = await queuedJobs(messageId);
    expect(jobs.at(-1)!.run_at.getTime()).toBe(second!.nextAttemptAt!.getTime());

    const third = await deliverMessage(messageId, { trigger: "automatic", now: at(start, 305_000) });
    expect(third).toMatchObject({ status: "delivered", attemptNumber: 3 });

    const ids = receiver.received.map((request) => request.headers["webhook-id"]);
    expect(ids).toEqual([messageId, messageId, messageId]);
    const message = await db().webhookMessage.findUniqueOrThrow({ where: { id: messageId }, include: { attempts: true } });
    expect(message).toMatchObject({ status: "delivered", attemptCount: 3, lastStatusCode: 200 });
    expect(message.attempts.map((attempt) => attempt.responseStatus).sort()).toEqual([200, 500, 500]);
  });

  it("schedules a retry when the receiver is down", async () => {
    const { messageId } = await enqueue();
    await receiver.stop();
    const attempt = await deliverMessage(messageId, { trigger: "automatic" });
    expect(attempt).toMatchObject({ status: "retrying" });
    expect(attempt!.result).toMatchObject({ ok: false, error: { kind: "refused" } });
    const recorded = await db().webhookAttempt.findFirstOrThrow({ where: { messageId } });
    expect(recorded).toMatchObject({ succeeded: false, errorKind: "refused", responseStatus: null });
    expect(recorded.errorMessage).toMatch(/refused/i);
  });

  it("fails at once on a 400, without scheduling a retry", async () => {
    receiver.answer([{ status: 400, body: '{"error":"unknown district"}' }]);
    const { messageId } = await enqueue();
    const jobsBefore = (await queuedJobs(messageId)).length;
    const attempt = await deliverMessage(messageId, { trigger: "automatic" });
    expect(attempt).toMatchObject({ status: "failed", nextAttemptAt: null });
    expect(await queuedJobs(messageId)).toHaveLength(jobsBefore);
    const recorded = await db().webhookAttempt.findFirstOrThrow({ where: { messageId } });
    expect(recorded).toMatchObject({ responseStatus: 400, responseBody: '{"error":"unknown district"}', errorKind: "status" });
    // A duplicate job for a settled message sends nothing.
    expect(await deliverMessage(messageId, { trigger: "automatic" })).toBeNull();
    expect(receiver.received).toHaveLength(1);
  });

  it("waits as long as a 429's Retry-After asks", async () => {
    receiver.answer([{ status: 429, headers: { "retry-after": "600" } }]);
    const start = new Date();
    const { messageId } = await enqueue(start);
    const attempt = await deliverMessage(messageId, { trigger: "automatic", now: at(start, 0), random: midpoint });
    expect(attempt!.nextAttemptAt!.getTime()).toBe(start.getTime() + 600_000);
  });

  it("sends the custom headers after Rollcall's, never letting them replace Rollcall's, and masks secrets in the log", async () => {
    const { messageId } = await enqueue();
    await deliverMessage(messageId, { trigger: "automatic" });
    const [request] = receiver.received;
    expect(request!.headers).toMatchObject({
      "x-tenant": "acme",
      "x-api-key": "sk_live_9",
      "webhook-id": messageId,
      "content-type": "application/json",
      "user-agent": expect.stringMatching(/^Rollcall-Webhooks\//),
    });
    expect(request!.headers["webhook-signature"]).toMatch(/^v1,/);
    expect(JSON.parse(request!.body)).toMatchObject({ type: "application.activated", mode: "standard", districtGUID: SANDBOX_DISTRICT.guid, applicationId });

    const recorded = await db().webhookAttempt.findFirstOrThrow({ where: { messageId } });
    const loggedList = recorded.requestHeaders as [string, string][];
    const logged = Object.fromEntries(loggedList);
    expect(logged["X-Api-Key"]).toBe(MASK);
    // The log shows the request as it went on the wire, Host and Content-Length included.
    expect(loggedList[0]).toEqual(["Host", new URL(receiver.url).host]);
    expect(logged["Content-Length"]).toBe(String(Buffer.byteLength(request!.body)));
    expect(JSON.stringify(recorded)).not.toContain("sk_live_9");
  });

  it("records a message with no webhook URL as retrying, with words that say what to do", async () => {
    await db().provisioningConfig.update({ where: { applicationId }, data: { webhookUrl: null } });
    const { messageId } = await enqueue();
    const attempt = await deliverMessage(messageId, { trigger: "automatic" });
    expect(attempt).toMatchObject({ status: "retrying" });
    expect(attempt!.errorMessage).toMatch(/Provisioning tab/);
  });

  it("does not send or store anything when the causing transaction rolls back", async () => {
    const failure = db().$transaction(async (tx) => {
      await enqueueWebhook(tx, { type: "application.activated", mode: "standard", applicationId, district: SANDBOX_DISTRICT, occurredAt: new Date() });
      throw new Error("activation failed");
    });
    await expect(failure).rejects.toThrow("activation failed");
    expect(await db().webhookMessage.count({ where: { applicationId } })).toBe(0);
  });
});

describe("deliverMessage's records", () => {
  it("stores the attempt and the message's new state with the clock it was given", async () => {
    const start = new Date("2026-03-01T12:00:00.000Z");
    const { messageId } = await enqueue(start);
    await deliverMessage(messageId, { trigger: "automatic", now: at(start, 250) });

    const message = await db().webhookMessage.findUniqueOrThrow({ where: { id: messageId }, include: { attempts: true } });
    expect(message).toMatchObject({ status: "delivered", attemptCount: 1, lastStatusCode: 200, lastError: null, nextAttemptAt: null, completedAt: new Date(start.getTime() + 250) });
    expect(message.attempts).toEqual([
      expect.objectContaining({ number: 1, trigger: "automatic", startedAt: new Date(start.getTime() + 250), url: receiver.url, succeeded: true, responseStatus: 200, responseBody: "ok", errorKind: null }),
    ]);
    expect(message.attempts[0]!.responseHeaders).toMatchObject({ date: expect.any(String) });
    expect(message.attempts[0]!.timings).toMatchObject({ totalMs: expect.any(Number) });
  });

  it("numbers attempts that run at the same moment one after the other", async () => {
    const { messageId } = await enqueue();
    const attempts = await Promise.all([deliverMessage(messageId, { trigger: "automatic" }), deliverMessage(messageId, { trigger: "redeliver" })]);
    expect(attempts.map((attempt) => attempt!.attemptNumber).sort()).toEqual([1, 2]);
    const message = await db().webhookMessage.findUniqueOrThrow({ where: { id: messageId }, include: { attempts: true } });
    expect(message).toMatchObject({ status: "delivered", attemptCount: 2 });
    expect(message.attempts.map((attempt) => attempt.number).sort()).toEqual([1, 2]);
  });

  it("signs with the previous secret too during its grace period, and only with the current one after it", async () => {
    const { vendor, application } = await createVendorWithApplication(undefined, { webhookUrl: receiver.url });
    const rotatedAt = new Date();
    const previous = (await currentSigningSecret(application.id, rotatedAt)).secret;
    const { secret: current } = await rotateSigningSecret(application.id, vendor.admins[0]!.id, rotatedAt);
    const send = async (now: Date) => {
      const { messageId } = await db().$transaction((tx) =>
        enqueueWebhook(tx, { type: "application.activated", mode: "standard", applicationId: application.id, district: SANDBOX_DISTRICT, occurredAt: now }),
      );
      await deliverMessage(messageId, { trigger: "automatic", now: () => now });
      const request = receiver.received.at(-1)!;
      return { request, timestamp: Math.floor(now.getTime() / 1000), messageId };
    };

    const during = await send(new Date(rotatedAt.getTime() + 1_000));
    expect(during.request.headers["webhook-signature"]).toBe(signatureHeader([current, previous], during.messageId, during.timestamp, during.request.body));
    const after = await send(new Date(rotatedAt.getTime() + ROTATION_GRACE_MS + 1_000));
    expect(after.request.headers["webhook-signature"]).toBe(signatureHeader([current], after.messageId, after.timestamp, after.request.body));
  });
});
