// The deliveries log's reads: filters, paging, tenant scoping, and the failing-endpoint flag.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createVendorWithApplication } from "@/test/factories";
import { endpointFailingSince, getDelivery, listDeliveries, PAGE_SIZE, parseDeliveryFilter } from "@/lib/webhooks/deliveries";
import { newMessageId } from "@/lib/webhooks/messages";
import type { DeliveryStatus, WebhookMode } from "@/generated/prisma/enums";

let acme: Awaited<ReturnType<typeof createVendorWithApplication>>;
const DAY = 24 * 3_600_000;

beforeEach(async () => {
  acme = await createVendorWithApplication("Acme");
});

async function message(options: { mode?: WebhookMode; status?: DeliveryStatus; at?: Date; attempts?: { at: Date; succeeded: boolean }[] } = {}) {
  const at = options.at ?? new Date();
  return db().webhookMessage.create({
    data: {
      id: newMessageId(at.getTime()),
      applicationId: acme.application.id,
      eventType: "application.activated",
      mode: options.mode ?? "standard",
      districtGuid: "5b0e6c1e-4f7a-4c2e-9d3b-2a8f1c7e9b01",
      districtName: "Springfield Public Schools",
      payload: "{}",
      maxAttempts: 8,
      status: options.status ?? "delivered",
      createdAt: at,
      attempts: {
        create: (options.attempts ?? []).map((attempt, index) => ({
          number: index + 1,
          trigger: "automatic",
          startedAt: attempt.at,
          url: "https://hooks.acme.test",
          requestHeaders: [],
          succeeded: attempt.succeeded,
          latencyMs: 10,
          timings: {},
        })),
      },
    },
  });
}

describe("listDeliveries", () => {
  it("filters by status and mode", async () => {
    await message({ mode: "test", status: "delivered" });
    await message({ mode: "standard", status: "failed" });
    await message({ mode: "trial", status: "retrying" });
    const list = (filter: Parameters<typeof listDeliveries>[2]) => listDeliveries(acme.vendor.id, acme.application.id, filter);

    expect((await list({}))!.rows).toHaveLength(3);
    expect((await list({ status: "failed" }))!.rows.map((row) => row.mode)).toEqual(["standard"]);
    expect((await list({ mode: "trial" }))!.rows.map((row) => row.status)).toEqual(["retrying"]);
    expect((await list({ mode: "test", status: "failed" }))!.rows).toEqual([]);
  });

  it("pages newest first without gaps or repeats", async () => {
    const start = Date.now() - 1000 * 60;
    for (let index = 0; index < PAGE_SIZE + 5; index++) await message({ at: new Date(start + index * 1000) });
    const first = (await listDeliveries(acme.vendor.id, acme.application.id, {}))!;
    const second = (await listDeliveries(acme.vendor.id, acme.application.id, { before: first.nextBefore! }))!;
    expect(first.rows).toHaveLength(PAGE_SIZE);
    expect(second.rows).toHaveLength(5);
    expect(second.nextBefore).toBeNull();
    const times = [...first.rows, ...second.rows].map((row) => row.createdAt);
    expect(times).toEqual([...times].sort().reverse());
    expect(new Set([...first.rows, ...second.rows].map((row) => row.id)).size).toBe(PAGE_SIZE + 5);
  });

  it("shows nothing of another vendor's application", async () => {
    const sent = await message();
    const other = await createVendorWithApplication("Other");
    expect(await listDeliveries(other.vendor.id, acme.application.id, {})).toBeNull();
    expect(await getDelivery(other.vendor.id, acme.application.id, sent.id)).toBeNull();
    expect(await getDelivery(other.vendor.id, other.application.id, sent.id)).toBeNull();
    expect(await getDelivery(acme.vendor.id, "not-a-uuid", sent.id)).toBeNull();
    expect(await getDelivery(acme.vendor.id, acme.application.id, sent.id)).toMatchObject({ id: sent.id });
  });

  it("ignores filter values it does not know", () => {
    const filter = parseDeliveryFilter(new URLSearchParams("status=bogus&mode=trial&before=';drop"));
    expect(filter).toEqual({ status: undefined, mode: "trial", before: undefined });
  });
});

describe("endpointFailingSince", () => {
  const now = new Date("2026-11-26T12:00:00Z");

  it("flags an endpoint whose attempts have all failed for three days", async () => {
    const since = new Date(now.getTime() - 3 * DAY - 60_000);
    await message({ status: "failed", attempts: [{ at: new Date(since.getTime() - DAY), succeeded: true }, { at: since, succeeded: false }] });
    await message({ status: "retrying", attempts: [{ at: new Date(now.getTime() - DAY), succeeded: false }] });
    expect(await endpointFailingSince(acme.application.id, now)).toEqual(since);
  });

  it("does not flag failures younger than three days, or any after a success", async () => {
    await message({ status: "failed", attempts: [{ at: new Date(now.getTime() - 2 * DAY), succeeded: false }] });
    expect(await endpointFailingSince(acme.application.id, now)).toBeNull();
    await message({ attempts: [{ at: new Date(now.getTime() - 5 * DAY), succeeded: false }, { at: new Date(now.getTime() - 4 * DAY), succeeded: true }] });
    expect(await endpointFailingSince(acme.application.id, now)).toBeNull();
  });

  it("ignores test deliveries", async () => {
    await message({ mode: "test", status: "failed", attempts: [{ at: new Date(now.getTime() - 4 * DAY), succeeded: false }] });
    expect(await endpointFailingSince(acme.application.id, now)).toBeNull();
  });
});
