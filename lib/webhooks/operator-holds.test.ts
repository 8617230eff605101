// The operator's decisions at the dispatcher, against a real PostgreSQL and a receiver on
// 127.0.0.1: a withdrawn capability stops webhooks, a suspension pauses them until resume.
import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { loadProvisioningSettings } from "@/lib/provisioning/settings";
import { deliverMessage } from "@/lib/webhooks/deliver";
import { enqueueWebhook } from "@/lib/webhooks/messages";
import { redeliverAction, sendTestWebhookAction } from "@/lib/webhooks/actions";
import { CAPABILITY_WITHDRAWN_MESSAGE, holdFor, TENANT_SUSPENDED_MESSAGE } from "@/lib/webhooks/operator-holds";
import { SUSPENSION_RECHECK_MS } from "@/lib/tenants/suspension";
import { createVendorWithApplication } from "@/test/factories";
import { ScriptedReceiver } from "@/test/scripted-receiver";

vi.mock("@/lib/auth/session", () => ({ getSessionUser: vi.fn() }));

let receiver: ScriptedReceiver;
let vendor: Awaited<ReturnType<typeof createVendorWithApplication>>;
let district: { id: string; districtGuid: string; name: string; state: string };

beforeEach(async () => {
  receiver = await new ScriptedReceiver().start();
  vendor = await createVendorWithApplication(undefined, { webhookUrl: receiver.url });
  await db().provisioningConfig.update({ where: { applicationId: vendor.application.id }, data: { autoProvisioning: true } });
  district = await db().district.create({ data: { name: "Springfield", state: "IL", districtGuid: randomUUID() } });
});

afterEach(() => receiver.stop());

async function enqueue(): Promise<string> {
  const { messageId } = await db().$transaction((tx) =>
    enqueueWebhook(tx, {
      type: "application.activated",
      mode: "standard",
      applicationId: vendor.application.id,
      district: { guid: district.districtGuid, name: district.name, state: district.state },
      occurredAt: new Date(),
    }),
  );
  return messageId;
}

async function jobRunAt(messageId: string): Promise<Date[]> {
  const jobs = await db().$queryRaw<{ run_at: Date }[]>`
    SELECT run_at FROM graphile_worker._private_jobs WHERE payload->>'messageId' = ${messageId} ORDER BY run_at`;
  return jobs.map((job) => job.run_at);
}

const message = (id: string) => db().webhookMessage.findUniqueOrThrow({ where: { id }, include: { attempts: true } });

describe("a suspended vendor or district", () => {
  it("has its waiting messages paused without using an attempt, and sent after resume", async () => {
    const messageId = await enqueue();
    await db().vendor.update({ where: { id: vendor.vendor.id }, data: { suspendedAt: new Date() } });
    const now = new Date();

    expect(await deliverMessage(messageId, { trigger: "automatic", now: () => now })).toBeNull();
    expect(receiver.received).toHaveLength(0);
    const paused = await message(messageId);
    expect(paused).toMatchObject({ status: "pending", attemptCount: 0, lastError: TENANT_SUSPENDED_MESSAGE });
    expect(paused.attempts).toHaveLength(0);
    expect((await jobRunAt(messageId)).map((runAt) => runAt.getTime())).toEqual([now.getTime() + SUSPENSION_RECHECK_MS]);

    await db().vendor.update({ where: { id: vendor.vendor.id }, data: { suspendedAt: null } });
    const sent = await deliverMessage(messageId, { trigger: "automatic" });
    expect(sent?.status).toBe("delivered");
    expect(receiver.received).toHaveLength(1);
    expect(await message(messageId)).toMatchObject({ status: "delivered", attemptCount: 1 });
  });

  it("pauses messages to a suspended district's activations too", async () => {
    const messageId = await enqueue();
    await db().district.update({ where: { id: district.id }, data: { suspendedAt: new Date() } });
    expect(await deliverMessage(messageId, { trigger: "automatic" })).toBeNull();
    expect(receiver.received).toHaveLength(0);
    expect(await message(messageId)).toMatchObject({ status: "pending", attemptCount: 0 });
  });
});

describe("a vendor whose auto-provisioning capability was withdrawn", () => {
  it("gets no webhook: the waiting message fails with the reason, without an attempt", async () => {
    const messageId = await enqueue();
    await db().vendor.update({ where: { id: vendor.vendor.id }, data: { autoProvisioningAvailable: false } });

    expect(await deliverMessage(messageId, { trigger: "automatic" })).toBeNull();
    expect(receiver.received).toHaveLength(0);
    const failed = await message(messageId);
    expect(failed).toMatchObject({ status: "failed", attemptCount: 0, lastError: CAPABILITY_WITHDRAWN_MESSAGE });
    expect(failed.completedAt).toBeInstanceOf(Date);
  });

  it("is refused Test Webhook and Redeliver with what to do", async () => {
    const messageId = await enqueue();
    await db().vendor.update({ where: { id: vendor.vendor.id }, data: { autoProvisioningAvailable: false } });
    vi.mocked(getSessionUser).mockResolvedValue(vendor.admin satisfies SessionUser);
    const page = await loadProvisioningSettings(vendor.vendor.id, vendor.application.id);

    const test = await sendTestWebhookAction({ ...page!.settings, webhookUrl: receiver.url });
    expect(test).toMatchObject({ ok: false, formError: expect.stringContaining("Ask your Rollcall operator to enable auto-provisioning") });
    const redelivery = await redeliverAction({ applicationId: vendor.application.id, messageId });
    expect(redelivery).toMatchObject({ ok: false, formError: expect.stringContaining("Ask your Rollcall operator") });
    expect(receiver.received).toHaveLength(0);
    expect(await db().webhookMessage.count({ where: { applicationId: vendor.application.id, mode: "test" } })).toBe(0);
  });
});

describe("holdFor", () => {
  it("never holds a test, and puts a withdrawn capability before a suspension", () => {
    const withdrawnAndSuspended = { autoProvisioningAvailable: false, suspended: true };
    expect(holdFor(withdrawnAndSuspended, "test")).toBeNull();
    expect(holdFor(withdrawnAndSuspended, "automatic")).toBe("withdrawn");
    expect(holdFor({ autoProvisioningAvailable: true, suspended: true }, "redeliver")).toBe("suspended");
    expect(holdFor({ autoProvisioningAvailable: true, suspended: false }, "automatic")).toBeNull();
  });
});
