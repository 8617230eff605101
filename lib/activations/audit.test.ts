// The audit log's record of a district's activations, against a real PostgreSQL; only the session is faked.
import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { activateApplicationAction, deactivateApplicationAction } from "@/lib/activations/actions";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { createDistrictAdmin, createVendorWithApplication } from "@/test/factories";

vi.mock("@/lib/auth/session", () => ({ getSessionUser: vi.fn() }));

const signInAs = (user: SessionUser) => vi.mocked(getSessionUser).mockResolvedValue(user);
const eventsOf = (districtId: string) => db().auditEvent.findMany({ where: { tenantType: "district", tenantId: districtId }, orderBy: { at: "asc" } });

async function setUp() {
  const vendor = await createVendorWithApplication(undefined, { webhookUrl: "https://hooks.vendor.test/rollcall" });
  await db().application.update({ where: { id: vendor.application.id }, data: { publishedAt: new Date(), provisioning: { update: { autoProvisioning: true } } } });
  const admin = await createDistrictAdmin();
  signInAs(admin);
  return { admin, districtId: admin.districtId!, application: vendor.application };
}

describe("auditing activations", () => {
  it("records the activation and the deactivation as the admin, once each even when retried", async () => {
    const { admin, districtId, application } = await setUp();
    const key = randomUUID();
    expect(await activateApplicationAction({ applicationId: application.id, mode: "standard", idempotencyKey: key })).toMatchObject({ ok: true });
    expect(await activateApplicationAction({ applicationId: application.id, mode: "standard", idempotencyKey: key })).toMatchObject({ ok: true });
    expect(await deactivateApplicationAction({ applicationId: application.id, idempotencyKey: randomUUID() })).toMatchObject({ ok: true });

    const [activated, removed, ...rest] = await eventsOf(districtId);
    expect(rest).toEqual([]);
    expect(activated).toMatchObject({
      action: "activation.created",
      summary: `${application.name} activated`,
      tenantName: "Test District",
      actorUserId: admin.id,
      actorEmail: admin.email,
      actorRole: "DISTRICT_ADMIN",
      before: null,
      after: { application: application.name, applicationId: application.id, status: "active", mode: "standard", autoProvisioned: true, webhookSent: true },
    });
    expect(removed).toMatchObject({
      action: "activation.removed",
      summary: `${application.name} deactivated`,
      actorUserId: admin.id,
      before: { status: "active", mode: "standard" },
      after: { status: "deactivated", webhookSent: true },
    });
  });

  it("records a reactivation with the state it came from", async () => {
    const { districtId, application } = await setUp();
    await activateApplicationAction({ applicationId: application.id, mode: "standard", idempotencyKey: randomUUID() });
    await deactivateApplicationAction({ applicationId: application.id, idempotencyKey: randomUUID() });
    await activateApplicationAction({ applicationId: application.id, mode: "standard", idempotencyKey: randomUUID() });
    const events = await eventsOf(districtId);
    expect(events.map((event) => event.action)).toEqual(["activation.created", "activation.removed", "activation.created"]);
    expect(events[2]).toMatchObject({ before: { status: "deactivated", mode: "standard" }, after: { status: "active" } });
  });

  it("records nothing for a refused activation or deactivating what is not active", async () => {
    const { districtId } = await setUp();
    const unpublished = await createVendorWithApplication();
    expect(await activateApplicationAction({ applicationId: unpublished.application.id, mode: "standard", idempotencyKey: randomUUID() })).toMatchObject({ ok: false });
    expect(await deactivateApplicationAction({ applicationId: unpublished.application.id, idempotencyKey: randomUUID() })).toMatchObject({ ok: false });
    expect(await eventsOf(districtId)).toEqual([]);
  });
});
