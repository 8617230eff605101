import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createVendorWithApplication } from "@/test/factories";
import { newMessageId } from "@/lib/webhooks/messages";
import { pruneWebhookLog } from "@/lib/webhooks/retention";
import type { DeliveryStatus } from "@/generated/prisma/enums";

const DAY = 24 * 3_600_000;
const now = new Date("2026-11-26T12:00:00Z");
let applicationId: string;

beforeEach(async () => {
  applicationId = (await createVendorWithApplication()).application.id;
});

async function message(status: DeliveryStatus, ageDays: number) {
  const createdAt = new Date(now.getTime() - ageDays * DAY);
  return db().webhookMessage.create({
    data: {
      id: newMessageId(createdAt.getTime()),
      applicationId,
      eventType: "application.activated",
      mode: "standard",
      districtGuid: "5b0e6c1e-4f7a-4c2e-9d3b-2a8f1c7e9b01",
      districtName: "Springfield Public Schools",
      payload: "{}",
      maxAttempts: 8,
      status,
      createdAt,
      attempts: { create: { number: 1, trigger: "automatic", startedAt: createdAt, url: "https://hooks.test", requestHeaders: [], succeeded: status === "delivered", latencyMs: 5, timings: {} } },
    },
  });
}

describe("pruneWebhookLog", () => {
  it("deletes settled messages older than the retention period with their attempts, and keeps the rest", async () => {
    const oldDelivered = await message("delivered", 91);
    const oldFailed = await message("failed", 120);
    const oldRetrying = await message("retrying", 91);
    const recent = await message("failed", 89);

    expect(await pruneWebhookLog(90, now)).toBe(2);
    const left = await db().webhookMessage.findMany({ where: { applicationId }, select: { id: true } });
    expect(left.map((row) => row.id).sort()).toEqual([oldRetrying.id, recent.id].sort());
    expect(await db().webhookAttempt.count({ where: { messageId: { in: [oldDelivered.id, oldFailed.id] } } })).toBe(0);
  });
});
