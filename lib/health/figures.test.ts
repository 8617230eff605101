import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/health/route";
import { db } from "@/lib/db";
import { collectHealth } from "@/lib/health/figures";
import { checkLiveness, FIGURES_FRESH_MS } from "@/lib/health/liveness";
import { addJob } from "@/lib/jobs/enqueue";
import { newMessageId } from "@/lib/webhooks/messages";
import { createDistrictAdmin, createVendorWithApplication } from "@/test/factories";

const HOUR = 3_600_000;

async function createDistrict(name = `District ${randomUUID().slice(0, 8)}`) {
  return db().district.create({ data: { name, state: "IL", districtGuid: randomUUID() } });
}

/** A message and its one attempt, `minutesAgo` minutes ago. */
async function recordAttempt(applicationId: string, { minutesAgo, succeeded }: { minutesAgo: number; succeeded: boolean }) {
  const at = new Date(Date.now() - minutesAgo * 60_000);
  const message = await db().webhookMessage.create({
    data: {
      id: newMessageId(at.getTime()),
      applicationId,
      eventType: "application.activated",
      mode: "standard",
      districtGuid: randomUUID(),
      districtName: "Springfield",
      payload: "{}",
      status: succeeded ? "delivered" : "failed",
      maxAttempts: 1,
      attemptCount: 1,
      lastStatusCode: succeeded ? 200 : 500,
      createdAt: at,
      completedAt: at,
    },
  });
  await db().webhookAttempt.create({
    data: {
      messageId: message.id,
      number: 1,
      trigger: "automatic",
      startedAt: at,
      url: "https://hooks.example.com/secret-path?token=abc",
      requestHeaders: [],
      succeeded,
      responseStatus: succeeded ? 200 : 500,
      latencyMs: 12,
      timings: {},
    },
  });
  return at;
}

describe("collectHealth", () => {
  it("lists a failing webhook endpoint with the time it started failing, and drops it after a success", async () => {
    const { vendor, application } = await createVendorWithApplication(undefined, { webhookUrl: "https://hooks.example.com/secret-path?token=abc" });
    await recordAttempt(application.id, { minutesAgo: 90, succeeded: true });
    const firstFailure = await recordAttempt(application.id, { minutesAgo: 60, succeeded: false });
    await recordAttempt(application.id, { minutesAgo: 30, succeeded: false });

    const failing = (await collectHealth()).failingEndpoints.find((row) => row.applicationId === application.id);
    expect(failing).toMatchObject({
      vendorName: vendor.name,
      host: "hooks.example.com",
      lastStatusCode: 500,
      failingSince: firstFailure,
      href: `/operator/vendors/${vendor.id}`,
    });

    await recordAttempt(application.id, { minutesAgo: 1, succeeded: true });
    expect((await collectHealth()).failingEndpoints.map((row) => row.applicationId)).not.toContain(application.id);
  });

  it("lists file deliveries and imports that failed in the last 24 hours, not older ones", async () => {
    const recent = await createVendorWithApplication();
    const old = await createVendorWithApplication();
    const district = await createDistrict();
    const oldDistrict = await createDistrict();
    const now = new Date();
    const failedRun = (applicationId: string, finishedAt: Date) =>
      db().deliveryRun.create({ data: { applicationId, districtId: district.id, trigger: "schedule", format: "oneroster_csv", status: "failed", errorKind: "auth_refused", finishedAt } });
    await failedRun(recent.application.id, new Date(now.getTime() - 2 * HOUR));
    await failedRun(old.application.id, new Date(now.getTime() - 30 * HOUR));
    const failedImport = (districtId: string, finishedAt: Date) =>
      db().rosterImport.create({ data: { districtId, channel: "sftp", status: "failed", createdAt: finishedAt, finishedAt } });
    await failedImport(district.id, new Date(now.getTime() - 3 * HOUR));
    await failedImport(oldDistrict.id, new Date(now.getTime() - 25 * HOUR));

    const health = await collectHealth(now);
    expect(health.failedDeliveries.find((row) => row.applicationId === recent.application.id)).toMatchObject({
      failed: 1,
      lastErrorKind: "auth_refused",
      href: `/operator/vendors/${recent.vendor.id}`,
    });
    expect(health.failedDeliveries.map((row) => row.applicationId)).not.toContain(old.application.id);
    expect(health.failedImports.find((row) => row.districtId === district.id)).toMatchObject({ failed: 1, href: `/operator/districts/${district.id}` });
    expect(health.failedImports.map((row) => row.districtId)).not.toContain(oldDistrict.id);
  });

  it("lists a SCIM token most of whose recent requests failed, a revoked one still in use, and not a token whose requests succeed", async () => {
    const district = await createDistrict("Shelbyville");
    const token = (name: string, revokedAt: Date | null = null) =>
      db().scimToken.create({ data: { districtId: district.id, name, prefix: `rc_scim_${randomUUID().slice(0, 4)}`, tokenHash: randomUUID(), revokedAt } });
    const [misconfigured, healthy, revoked] = await Promise.all([token("Entra ID"), token("Okta"), token("Old Entra ID", new Date())]);
    const requests = (tokenId: string, failed: number, succeeded: number) =>
      db().scimRequest.createMany({
        data: [...Array(failed).fill(true), ...Array(succeeded).fill(false)].map((failure: boolean) => ({
          districtId: district.id,
          tokenId,
          method: "POST",
          operation: "create",
          resourceType: "User",
          status: failure ? 409 : 201,
          outcome: failure ? ("failure" as const) : ("success" as const),
          latencyMs: 5,
        })),
      });
    await requests(misconfigured.id, 8, 2);
    await requests(healthy.id, 2, 8);
    await requests(revoked.id, 6, 0);

    const noisy = (await collectHealth()).noisyScimTokens.filter((row) => row.districtId === district.id);
    expect(noisy).toEqual([
      expect.objectContaining({ tokenName: "Old Entra ID", revoked: true, requests: 6, failed: 6, failedShare: 1 }),
      expect.objectContaining({
        tokenId: misconfigured.id,
        tokenName: "Entra ID",
        tokenPrefix: misconfigured.prefix,
        revoked: false,
        districtName: "Shelbyville",
        requests: 10,
        failed: 8,
        failedShare: 0.8,
        href: `/operator/districts/${district.id}`,
      }),
    ]);
  });

  it("counts a job waiting in the queue and reports the database's size and connections", async () => {
    const before = await collectHealth();
    await db().$transaction((tx) => addJob(tx, "health-check-test", { hello: "queue" }, { runAt: new Date(Date.now() - 5 * 60_000) }));

    const after = await collectHealth();
    expect(after.queue.waiting).toBe(before.queue.waiting + 1);
    expect(after.queue.oldestWaitingSeconds).toBeGreaterThanOrEqual(5 * 60);
    expect(after.database.sizeBytes).toBeGreaterThan(0);
    expect(after.database.connections).toBeGreaterThan(0);
  });
});

describe("GET /api/health", () => {
  it("answers 200 with the figures as numbers, and names no tenant, URL, address or token", async () => {
    const { vendor, admin } = await createVendorWithApplication("Secretive Vendor", { webhookUrl: "https://hooks.example.com/hidden?token=s3cr3t" });
    const districtAdmin = await createDistrictAdmin();
    const [application] = await db().application.findMany({ where: { vendorId: vendor.id } });
    await recordAttempt(application!.id, { minutesAgo: 5, succeeded: false });

    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const text = await response.text();
    const body = JSON.parse(text);
    expect(body).toMatchObject({ status: "ok", database: "ok" });
    expect(body.figures.failingWebhookEndpoints).toBeGreaterThanOrEqual(1);
    for (const secret of ["hooks.example.com", "s3cr3t", "Secretive Vendor", admin.email, districtAdmin.email, vendor.id, application!.id]) {
      expect(text).not.toContain(secret);
    }
  });
});

describe("checkLiveness", () => {
  it("reads the figures at most once per 10 seconds, however often it is probed", async () => {
    const { application } = await createVendorWithApplication();
    const start = new Date(Date.now() + 60 * HOUR);
    const first = await checkLiveness(start);
    if (first.status !== "ok" || !first.figures) throw new Error("expected figures");

    await recordAttempt(application.id, { minutesAgo: 1, succeeded: false });
    const soon = await checkLiveness(new Date(start.getTime() + FIGURES_FRESH_MS - 1));
    expect(soon).toMatchObject({ status: "ok", figures: { failingWebhookEndpoints: first.figures.failingWebhookEndpoints } });

    const later = await checkLiveness(new Date(start.getTime() + FIGURES_FRESH_MS));
    expect(later).toMatchObject({ status: "ok", figures: { failingWebhookEndpoints: first.figures.failingWebhookEndpoints + 1 } });
  });
});
