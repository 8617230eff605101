// Test Webhook, Redeliver and the signing secret as a vendor admin's browser calls them;
// only the session is faked. The receiver is a real server on 127.0.0.1.
import { Webhook } from "standardwebhooks";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { loadProvisioningSettings } from "@/lib/provisioning/settings";
import type { ProvisioningSettingsInput } from "@/lib/provisioning/schema";
import { createDistrictAdmin, createVendorWithApplication } from "@/test/factories";
import { ScriptedReceiver } from "@/test/scripted-receiver";
import {
  previewTestWebhookAction,
  redeliverAction,
  redeliverFailedAction,
  revealSigningSecretAction,
  rotateSigningSecretAction,
  sendTestWebhookAction,
  sendWrongSignatureTestAction,
} from "@/lib/webhooks/actions";
import { newMessageId } from "@/lib/webhooks/messages";
import { SANDBOX_DISTRICT } from "@/lib/webhooks/payload";
import { MASK } from "@/lib/webhooks/request";

vi.mock("@/lib/auth/session", () => ({ getSessionUser: vi.fn() }));
const signInAs = (user: SessionUser | null) => vi.mocked(getSessionUser).mockResolvedValue(user);

let receiver: ScriptedReceiver;
let acme: Awaited<ReturnType<typeof createVendorWithApplication>>;
let form: ProvisioningSettingsInput;

beforeEach(async () => {
  receiver = await new ScriptedReceiver().start();
  acme = await createVendorWithApplication("Acme");
  signInAs(acme.admin);
  const page = await loadProvisioningSettings(acme.vendor.id, acme.application.id);
  form = {
    ...page!.settings,
    webhookUrl: receiver.url,
    headers: [
      { storedId: null, name: "X-Tenant", value: "acme", secret: false, hasStoredSecret: false },
      { storedId: null, name: "X-Api-Key", value: "sk_unsaved", secret: true, hasStoredSecret: false },
    ],
  };
});

afterEach(() => receiver.stop());

describe("Test Webhook", () => {
  it("previews the request from the unsaved form, secrets masked", async () => {
    const result = await previewTestWebhookAction(form);
    if (!result.ok) throw new Error(result.formError);
    const headers = Object.fromEntries(result.data.headers);
    expect(result.data.url).toBe(receiver.url);
    expect(headers).toMatchObject({ "X-Tenant": "acme", "X-Api-Key": MASK, "content-type": "application/json" });
    expect(JSON.parse(result.data.body)).toMatchObject({ mode: "test", districtGUID: SANDBOX_DISTRICT.guid });
    expect(JSON.stringify(result.data)).not.toContain("sk_unsaved");
  });

  it("sends the test at once; a 200 is a success, signed with the application's secret", async () => {
    const result = await sendTestWebhookAction(form);
    if (!result.ok) throw new Error(result.formError);
    expect(result.data).toMatchObject({ succeeded: true, status: 200 });
    const [request] = receiver.received;
    expect(request!.headers["x-api-key"]).toBe("sk_unsaved");

    const secret = await revealSigningSecretAction({ applicationId: acme.application.id });
    if (!secret.ok) throw new Error(secret.formError);
    const verified = new Webhook(secret.data.secret).verify(request!.body, request!.headers as Record<string, string>);
    expect(verified).toMatchObject({ mode: "test" });
    expect(await db().webhookMessage.findUniqueOrThrow({ where: { id: result.data.messageId } })).toMatchObject({
      mode: "test",
      status: "delivered",
      maxAttempts: 1,
    });
  });

  it("reports a 500 with its status and response, and never retries a test", async () => {
    receiver.answer([{ status: 500, body: "database is down" }]);
    const result = await sendTestWebhookAction(form);
    if (!result.ok) throw new Error(result.formError);
    expect(result.data).toMatchObject({ succeeded: false, status: 500, errorKind: "status" });
    expect(result.data.summary).toMatch(/500/);
    expect(result.data.response?.body).toBe("database is down");
    const message = await db().webhookMessage.findUniqueOrThrow({ where: { id: result.data.messageId } });
    expect(message.status).toBe("failed");
  });

  it("says when the endpoint refuses the connection", async () => {
    await receiver.stop();
    const result = await sendTestWebhookAction(form);
    if (!result.ok) throw new Error(result.formError);
    expect(result.data).toMatchObject({ succeeded: false, status: null, errorKind: "refused" });
  });

  it("refuses an invalid URL with a field error and stores nothing", async () => {
    const result = await sendTestWebhookAction({ ...form, webhookUrl: "http://example.com/hooks" });
    expect(result).toMatchObject({ ok: false, fieldErrors: { webhookUrl: expect.stringMatching(/https/) } });
    expect(await db().webhookMessage.count({ where: { applicationId: acme.application.id } })).toBe(0);
  });

  it("sends a deliberately wrong signature on request: refusing it is the success", async () => {
    receiver.answer([{ status: 401 }, { status: 200 }]);
    const refused = await sendWrongSignatureTestAction(form);
    if (!refused.ok) throw new Error(refused.formError);
    expect(refused.data).toMatchObject({ signature: "wrong", succeeded: true, status: 401 });

    const secret = await revealSigningSecretAction({ applicationId: acme.application.id });
    if (!secret.ok) throw new Error(secret.formError);
    const [request] = receiver.received;
    expect(() => new Webhook(secret.data.secret).verify(request!.body, request!.headers as Record<string, string>)).toThrow();

    const accepted = await sendWrongSignatureTestAction(form);
    if (!accepted.ok) throw new Error(accepted.formError);
    expect(accepted.data).toMatchObject({ succeeded: false, status: 200 });
    expect(accepted.data.summary).toMatch(/accepted a request with a wrong signature/);
  });

  it("allows 10 tests a minute; the 11th says when to try again", async () => {
    for (let index = 0; index < 10; index++) expect((await sendTestWebhookAction(form)).ok).toBe(true);
    const eleventh = await sendTestWebhookAction(form);
    expect(eleventh).toMatchObject({ ok: false, code: "rate_limited", formError: expect.stringMatching(/Try again in \d+ s/) });
    expect(receiver.received).toHaveLength(10);
  });

  it("is not available for another vendor's application or to a district admin", async () => {
    const other = await createVendorWithApplication("Other");
    signInAs(other.admin);
    expect(await sendTestWebhookAction(form)).toMatchObject({ ok: false, formError: expect.stringMatching(/not found/) });
    signInAs(await createDistrictAdmin());
    expect(await sendTestWebhookAction(form)).toMatchObject({ ok: false });
    expect(receiver.received).toHaveLength(0);
  });
});

describe("Redeliver", () => {
  it("queues another attempt of the same message, only for its own vendor", async () => {
    const sent = await sendTestWebhookAction(form);
    if (!sent.ok) throw new Error(sent.formError);
    const input = { applicationId: acme.application.id, messageId: sent.data.messageId };

    const other = await createVendorWithApplication("Other");
    signInAs(other.admin);
    expect(await redeliverAction(input)).toMatchObject({ ok: false, formError: expect.stringMatching(/not found/) });
    expect(await redeliverAction({ ...input, applicationId: other.application.id })).toMatchObject({ ok: false });

    signInAs(acme.admin);
    expect(await redeliverAction(input)).toEqual({ ok: true, data: { queued: true } });
    const jobs = await db().$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM graphile_worker._private_jobs WHERE payload->>'messageId' = ${sent.data.messageId} AND payload->>'trigger' = 'redeliver'`;
    expect(Number(jobs[0]!.n)).toBe(1);
  });
});

describe("Redeliver all failed", () => {
  it("queues every failed message of the filter, only for its own vendor", async () => {
    receiver.answer([{ status: 500 }, { status: 500 }]);
    await sendTestWebhookAction(form);
    await sendTestWebhookAction(form);
    await sendTestWebhookAction(form); // delivered: not redelivered
    const applicationId = acme.application.id;

    signInAs((await createVendorWithApplication("Other")).admin);
    expect(await redeliverFailedAction({ applicationId })).toMatchObject({ ok: false, formError: expect.stringMatching(/not found/) });

    signInAs(acme.admin);
    expect(await redeliverFailedAction({ applicationId, mode: "trial" })).toEqual({ ok: true, data: { queued: 0 } });
    expect(await redeliverFailedAction({ applicationId, mode: "test" })).toEqual({ ok: true, data: { queued: 2 } });
    const failed = await db().webhookMessage.findMany({ where: { applicationId, status: "failed" }, select: { id: true } });
    const all = await db().webhookMessage.findMany({ where: { applicationId }, select: { id: true } });
    const jobs = await db().$queryRaw<{ id: string }[]>`
      SELECT payload->>'messageId' AS id FROM graphile_worker._private_jobs
      WHERE payload->>'trigger' = 'redeliver' AND payload->>'messageId' = ANY(${all.map((message) => message.id)})`;
    expect(jobs.map((job) => job.id).sort()).toEqual(failed.map((message) => message.id).sort());
  });

  it("queues only the failed messages of the chosen district", async () => {
    receiver.answer([{ status: 500 }]);
    await sendTestWebhookAction(form); // failed, of the sandbox district
    const applicationId = acme.application.id;
    const springfield = "5b0e6c1e-4f7a-4c2e-9d3b-2a8f1c7e9b01";
    const failedMessage = (status: "failed" | "delivered") =>
      db().webhookMessage.create({
        data: {
          id: newMessageId(),
          applicationId,
          eventType: "application.activated",
          mode: "standard",
          districtGuid: springfield,
          districtName: "Springfield Public Schools",
          payload: "{}",
          maxAttempts: 8,
          status,
        },
      });
    const springfieldFailed = await failedMessage("failed");
    await failedMessage("delivered");

    signInAs((await createVendorWithApplication("Other")).admin);
    expect(await redeliverFailedAction({ applicationId, district: springfield })).toMatchObject({ ok: false, formError: expect.stringMatching(/not found/) });

    signInAs(acme.admin);
    expect(await redeliverFailedAction({ applicationId, district: "springfield" })).toMatchObject({ ok: false, fieldErrors: { district: expect.any(String) } });
    expect(await redeliverFailedAction({ applicationId, district: springfield, mode: "test" })).toEqual({ ok: true, data: { queued: 0 } });
    expect(await redeliverFailedAction({ applicationId, district: springfield })).toEqual({ ok: true, data: { queued: 1 } });
    const all = await db().webhookMessage.findMany({ where: { applicationId }, select: { id: true } });
    const jobs = await db().$queryRaw<{ id: string }[]>`
      SELECT payload->>'messageId' AS id FROM graphile_worker._private_jobs
      WHERE payload->>'trigger' = 'redeliver' AND payload->>'messageId' = ANY(${all.map((message) => message.id)})`;
    expect(jobs.map((job) => job.id)).toEqual([springfieldFailed.id]);
  });
});

describe("signing secret", () => {
  it("rotates: both secrets sign for 24 hours", async () => {
    const before = await revealSigningSecretAction({ applicationId: acme.application.id });
    const rotated = await rotateSigningSecretAction({ applicationId: acme.application.id });
    if (!before.ok || !rotated.ok) throw new Error("secret actions failed");
    expect(rotated.data.secret).not.toBe(before.data.secret);
    expect(rotated.data.previousExpiresAt!.getTime() - Date.now()).toBeGreaterThan(23 * 3_600_000);
    const history = await db().provisioningChange.findMany({ where: { applicationId: acme.application.id } });
    expect(history).toMatchObject([{ actorId: acme.admin.id, summary: [expect.stringMatching(/^Signing secret rotated/)] }]);
    expect(JSON.stringify(history)).not.toContain(rotated.data.secret);

    await sendTestWebhookAction(form);
    const [request] = receiver.received;
    const headers = request!.headers as Record<string, string>;
    expect(headers["webhook-signature"]!.split(" ")).toHaveLength(2);
    expect(new Webhook(before.data.secret).verify(request!.body, headers)).toBeTruthy();
    expect(new Webhook(rotated.data.secret).verify(request!.body, headers)).toBeTruthy();
  });

  it("is never revealed to another vendor", async () => {
    signInAs((await createVendorWithApplication("Other")).admin);
    expect(await revealSigningSecretAction({ applicationId: acme.application.id })).toMatchObject({ ok: false });
    expect(await rotateSigningSecretAction({ applicationId: acme.application.id })).toMatchObject({ ok: false });
  });
});
