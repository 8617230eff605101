// Districts activating applications, against a real PostgreSQL; only the session is faked.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { activateApplicationAction, deactivateApplicationAction } from "@/lib/activations/actions";
import { NOT_IN_GALLERY, OFFER_ENDED } from "@/lib/activations/activate";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { createDistrictAdmin, createVendorWithApplication } from "@/test/factories";

vi.mock("@/lib/auth/session", () => ({ getSessionUser: vi.fn() }));

function signInAs(user: SessionUser | null) {
  vi.mocked(getSessionUser).mockResolvedValue(user);
}

async function publishedApplication({ autoProvisioning = true, banner = true } = {}) {
  const vendor = await createVendorWithApplication(undefined, { webhookUrl: "https://hooks.vendor.test/rollcall" });
  await db().application.update({
    where: { id: vendor.application.id },
    data: {
      publishedAt: new Date(),
      provisioning: { update: { autoProvisioning, autoApprove: autoProvisioning } },
      ...(banner && {
        banner: { create: { headline: "Try it", body: "", ctaLabel: "Start trial", backgroundColor: "#ffffff", accentColor: "#1f58c2", shown: true } },
      }),
    },
  });
  return vendor;
}

const messagesOf = (applicationId: string) =>
  db().webhookMessage.findMany({ where: { applicationId }, orderBy: { id: "asc" }, select: { eventType: true, mode: true, districtGuid: true } });

async function guidOf(admin: SessionUser) {
  const district = await db().district.findUniqueOrThrow({ where: { id: admin.districtId! } });
  return district.districtGuid;
}

describe("activating an application", () => {
  let district: SessionUser;
  let vendor: Awaited<ReturnType<typeof publishedApplication>>;

  beforeEach(async () => {
    district = await createDistrictAdmin();
    vendor = await publishedApplication();
    signInAs(district);
  });

  it("activates in standard mode and queues one standard webhook with the district's GUID", async () => {
    const result = await activateApplicationAction({ applicationId: vendor.application.id, mode: "standard", idempotencyKey: randomUUID() });

    expect(result).toEqual({ ok: true, data: { outcome: "activated", webhookSent: true } });
    expect(await messagesOf(vendor.application.id)).toEqual([
      { eventType: "application.activated", mode: "standard", districtGuid: await guidOf(district) },
    ]);
    const activation = await db().activation.findFirstOrThrow({ where: { applicationId: vendor.application.id } });
    expect(activation).toMatchObject({ districtId: district.districtId, mode: "standard", origin: "district", status: "active", autoProvisioned: true });
  });

  it("makes one activation and one webhook from many concurrent clicks, in any number of tabs", async () => {
    const sameTabKey = randomUUID();
    const results = await Promise.all([
      ...Array.from({ length: 4 }, () => activateApplicationAction({ applicationId: vendor.application.id, mode: "standard", idempotencyKey: sameTabKey })),
      ...Array.from({ length: 4 }, () => activateApplicationAction({ applicationId: vendor.application.id, mode: "standard", idempotencyKey: randomUUID() })),
    ]);

    const outcomes = results.map((result) => (result.ok ? result.data.outcome : result.formError));
    expect(outcomes.filter((outcome) => outcome === "activated").length).toBeGreaterThanOrEqual(1);
    expect(outcomes.every((outcome) => outcome === "activated" || outcome === "already_active")).toBe(true);
    expect(await db().activation.count({ where: { applicationId: vendor.application.id } })).toBe(1);
    expect(await messagesOf(vendor.application.id)).toHaveLength(1);
  });

  it("answers a retried request with the outcome of its first try, without a second webhook", async () => {
    const request = { applicationId: vendor.application.id, mode: "standard" as const, idempotencyKey: randomUUID() };
    const first = await activateApplicationAction(request);
    const retry = await activateApplicationAction(request);

    expect(first).toEqual({ ok: true, data: { outcome: "activated", webhookSent: true } });
    expect(retry).toEqual(first);
    const fromAnotherTab = await activateApplicationAction({ ...request, idempotencyKey: randomUUID() });
    expect(fromAnotherTab).toEqual({ ok: true, data: { outcome: "already_active", webhookSent: false } });
    expect(await messagesOf(vendor.application.id)).toHaveLength(1);
  });

  it("starts a trial from the banner, then upgrades it to standard with a second webhook", async () => {
    const trial = await activateApplicationAction({ applicationId: vendor.application.id, mode: "trial", idempotencyKey: randomUUID() });
    const upgrade = await activateApplicationAction({ applicationId: vendor.application.id, mode: "standard", idempotencyKey: randomUUID() });
    const again = await activateApplicationAction({ applicationId: vendor.application.id, mode: "trial", idempotencyKey: randomUUID() });

    expect([trial, upgrade, again].map((result) => result.ok && result.data.outcome)).toEqual(["activated", "upgraded", "already_active"]);
    expect((await messagesOf(vendor.application.id)).map((message) => message.mode)).toEqual(["trial", "standard"]);
  });

  it("refuses a trial when the application shows no banner", async () => {
    const plain = await publishedApplication({ banner: false });
    const result = await activateApplicationAction({ applicationId: plain.application.id, mode: "trial", idempotencyKey: randomUUID() });

    expect(result).toEqual({ ok: false, formError: OFFER_ENDED });
    expect(await db().activation.count({ where: { applicationId: plain.application.id } })).toBe(0);
  });

  it("activates without a webhook while the vendor's auto-provisioning is off", async () => {
    const manual = await publishedApplication({ autoProvisioning: false, banner: false });
    const result = await activateApplicationAction({ applicationId: manual.application.id, mode: "standard", idempotencyKey: randomUUID() });

    expect(result).toEqual({ ok: true, data: { outcome: "activated", webhookSent: false } });
    expect(await messagesOf(manual.application.id)).toEqual([]);
  });

  it("treats unpublished, unknown and malformed application ids alike", async () => {
    const unpublished = await createVendorWithApplication();
    for (const applicationId of [unpublished.application.id, randomUUID()]) {
      expect(await activateApplicationAction({ applicationId, mode: "standard", idempotencyKey: randomUUID() })).toEqual({ ok: false, formError: NOT_IN_GALLERY });
    }
    const malformed = await activateApplicationAction({ applicationId: "../apps", mode: "standard", idempotencyKey: randomUUID() });
    expect(malformed.ok).toBe(false);
    expect(await db().activation.count({ where: { districtId: district.districtId! } })).toBe(0);
  });

  it("is refused to vendor admins and signed-out visitors", async () => {
    for (const user of [vendor.admin, null]) {
      signInAs(user);
      const result = await activateApplicationAction({ applicationId: vendor.application.id, mode: "standard", idempotencyKey: randomUUID() });
      expect(result.ok).toBe(false);
    }
    expect(await db().activation.count({ where: { applicationId: vendor.application.id } })).toBe(0);
  });

  it("keeps each district's activations its own", async () => {
    await activateApplicationAction({ applicationId: vendor.application.id, mode: "standard", idempotencyKey: randomUUID() });
    const other = await createDistrictAdmin();
    signInAs(other);
    const result = await activateApplicationAction({ applicationId: vendor.application.id, mode: "standard", idempotencyKey: randomUUID() });

    expect(result).toEqual({ ok: true, data: { outcome: "activated", webhookSent: true } });
    expect((await messagesOf(vendor.application.id)).map((message) => message.districtGuid)).toEqual([await guidOf(district), await guidOf(other)]);
  });
});

describe("deactivating an application", () => {
  it("deactivates once, sends application.deactivated, and can be activated again", async () => {
    const district = await createDistrictAdmin();
    const vendor = await publishedApplication();
    signInAs(district);
    const applicationId = vendor.application.id;
    await activateApplicationAction({ applicationId, mode: "trial", idempotencyKey: randomUUID() });

    const key = randomUUID();
    const [first, retry] = [await deactivateApplicationAction({ applicationId, idempotencyKey: key }), await deactivateApplicationAction({ applicationId, idempotencyKey: key })];
    const fromAnotherTab = await deactivateApplicationAction({ applicationId, idempotencyKey: randomUUID() });

    expect(first).toEqual({ ok: true, data: { outcome: "deactivated", webhookSent: true } });
    expect(retry).toEqual(first);
    expect(fromAnotherTab).toEqual({ ok: true, data: { outcome: "already_inactive", webhookSent: false } });

    const reactivated = await activateApplicationAction({ applicationId, mode: "standard", idempotencyKey: randomUUID() });
    expect(reactivated).toEqual({ ok: true, data: { outcome: "activated", webhookSent: true } });
    expect((await messagesOf(applicationId)).map(({ eventType, mode }) => `${eventType}/${mode}`)).toEqual([
      "application.activated/trial",
      "application.deactivated/trial",
      "application.activated/standard",
    ]);
  });

  it("cannot deactivate another district's activation", async () => {
    const owner = await createDistrictAdmin();
    const vendor = await publishedApplication();
    signInAs(owner);
    await activateApplicationAction({ applicationId: vendor.application.id, mode: "standard", idempotencyKey: randomUUID() });

    signInAs(await createDistrictAdmin());
    const result = await deactivateApplicationAction({ applicationId: vendor.application.id, idempotencyKey: randomUUID() });

    expect(result.ok).toBe(false);
    expect(await db().activation.findFirstOrThrow({ where: { applicationId: vendor.application.id } })).toMatchObject({ status: "active" });
  });
});

describe("an application whose vendor lost the auto-provisioning capability", () => {
  it("still activates, and sends no webhook", async () => {
    const district = await createDistrictAdmin();
    const vendor = await publishedApplication();
    await db().vendor.update({ where: { id: vendor.vendor.id }, data: { autoProvisioningAvailable: false } });
    signInAs(district);

    const result = await activateApplicationAction({ applicationId: vendor.application.id, mode: "standard", idempotencyKey: randomUUID() });
    expect(result).toMatchObject({ ok: true, data: { outcome: "activated", webhookSent: false } });
    expect(await db().activation.count({ where: { applicationId: vendor.application.id, districtId: district.districtId!, status: "active" } })).toBe(1);
    expect(await messagesOf(vendor.application.id)).toEqual([]);

    const trial = await activateApplicationAction({ applicationId: vendor.application.id, mode: "trial", idempotencyKey: randomUUID() });
    expect(trial).toMatchObject({ ok: false, formError: OFFER_ENDED });
  });
});
