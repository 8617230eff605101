// The deliveries log's reads: filters, paging, tenant scoping, and the failing-endpoint flag.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createVendorWithApplication } from "@/test/factories";
import { endpointFailingSince, getDelivery, listDeliveries, listDeliveryDistricts, PAGE_SIZE, parseDeliveryFilter } from "@/lib/webhooks/deliveries";
import { newMessageId } from "@/lib/webhooks/messages";
import type { DeliveryStatus, WebhookMode } from "@/generated/prisma/enums";

let acme: Awaited<ReturnType<typeof createVendorWithApplication>>;
const DAY = 24 * 3_600_000;
const SPRINGFIELD = { guid: "5b0e6c1e-4f7a-4c2e-9d3b-2a8f1c7e9b01", name: "Springfield Public Schools" };
const RIVERSIDE = { guid: "a3d1f9c4-8e2b-4b6a-b7c5-0f9e4d2a6c12", name: "Riverside Unified" };
const ASHFORD = { guid: "e7c2b8a5-1d4f-4e9b-8a6c-3b5d7f9e1a23", name: "Ashford County Schools" };

beforeEach(async () => {
  acme = await createVendorWithApplication("Acme");
});

type MessageOptions = {
  mode?: WebhookMode;
  status?: DeliveryStatus;
  at?: Date;
  district?: { guid: string; name: string };
  applicationId?: string;
  attempts?: { at: Date; succeeded: boolean }[];
};

async function message(options: MessageOptions = {}) {
  const at = options.at ?? new Date();
  const district = options.district ?? SPRINGFIELD;
  return db().webhookMessage.create({
    data: {
      id: newMessageId(at.getTime()),
      applicationId: options.applicationId ?? acme.application.id,
      eventType: "application.activated",
      mode: options.mode ?? "standard",
      districtGuid: district.guid,
      districtName: district.name,
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

  it("filters by district, together with the other filters", async () => {
    await message({ status: "failed" });
    await message({ status: "failed", district: RIVERSIDE });
    await message({ status: "delivered", district: RIVERSIDE });
    const list = (filter: Parameters<typeof listDeliveries>[2]) => listDeliveries(acme.vendor.id, acme.application.id, filter);

    expect((await list({ district: RIVERSIDE.guid }))!.rows.map((row) => row.districtName)).toEqual([RIVERSIDE.name, RIVERSIDE.name]);
    expect((await list({ district: RIVERSIDE.guid, status: "failed" }))!.rows).toMatchObject([{ districtGuid: RIVERSIDE.guid, status: "failed" }]);
    expect((await list({ district: ASHFORD.guid }))!.rows).toEqual([]);
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
    const filter = parseDeliveryFilter(new URLSearchParams("status=bogus&mode=trial&district=springfield&before=';drop"));
    expect(filter).toEqual({ status: undefined, mode: "trial", district: undefined, before: undefined });
    expect(parseDeliveryFilter(new URLSearchParams(`district=${SPRINGFIELD.guid.toUpperCase()}`)).district).toBe(SPRINGFIELD.guid);
  });
});

describe("listDeliveryDistricts", () => {
  it("lists each district of the application's messages once, by name", async () => {
    await message({ district: SPRINGFIELD });
    await message({ district: RIVERSIDE, status: "failed" });
    await message({ district: SPRINGFIELD, mode: "test" });
    await message({ district: ASHFORD });
    const other = await createVendorWithApplication("Other");
    await message({ district: { guid: "0d6f3a2b-9c1e-4f5a-8b7d-6e4c2a1f3b90", name: "Elsewhere District" }, applicationId: other.application.id });

    expect(await listDeliveryDistricts(acme.vendor.id, acme.application.id)).toEqual([ASHFORD, RIVERSIDE, SPRINGFIELD]);
  });

  it("names a renamed district by the name of its latest message", async () => {
    const start = Date.now() - 60_000;
    await message({ district: { ...RIVERSIDE, name: "Riverside School District" }, at: new Date(start) });
    await message({ district: RIVERSIDE, at: new Date(start + 1000) });
    expect(await listDeliveryDistricts(acme.vendor.id, acme.application.id)).toEqual([RIVERSIDE]);
  });

  it("shows nothing of another vendor's application", async () => {
    await message();
    const other = await createVendorWithApplication("Other");
    expect(await listDeliveryDistricts(other.vendor.id, acme.application.id)).toBeNull();
    expect(await listDeliveryDistricts(acme.vendor.id, "not-a-uuid")).toBeNull();
    expect(await listDeliveryDistricts(other.vendor.id, other.application.id)).toEqual([]);
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
