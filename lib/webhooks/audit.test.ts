// The audit log's record of Redeliver and of the signing secret, against a real PostgreSQL;
// only the session is faked. Nothing here sends a webhook: redeliveries are only queued.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { MASKED } from "@/lib/audit/mask";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { redeliverAction, redeliverFailedAction, revealSigningSecretAction, rotateSigningSecretAction } from "@/lib/webhooks/actions";
import { newMessageId } from "@/lib/webhooks/messages";
import { createVendorWithApplication } from "@/test/factories";

vi.mock("@/lib/auth/session", () => ({ getSessionUser: vi.fn() }));
const signInAs = (user: SessionUser) => vi.mocked(getSessionUser).mockResolvedValue(user);

const springfield = "5b0e6c1e-4f7a-4c2e-9d3b-2a8f1c7e9b01";
let acme: Awaited<ReturnType<typeof createVendorWithApplication>>;
const eventsOf = (action: string) => db().auditEvent.findMany({ where: { tenantId: acme.vendor.id, action }, orderBy: { at: "asc" } });

function failedMessage(applicationId: string) {
  return db().webhookMessage.create({
    data: {
      id: newMessageId(),
      applicationId,
      eventType: "application.activated",
      mode: "standard",
      districtGuid: springfield,
      districtName: "Springfield Public Schools",
      payload: "{}",
      maxAttempts: 8,
      status: "failed",
    },
  });
}

beforeEach(async () => {
  acme = await createVendorWithApplication("Acme", { webhookUrl: "https://hooks.acme.test/rollcall" });
  signInAs(acme.admin);
});

describe("auditing Redeliver", () => {
  it("records one message's redelivery and a bulk redelivery of the failed ones", async () => {
    const applicationId = acme.application.id;
    const message = await failedMessage(applicationId);
    await failedMessage(applicationId);
    expect(await redeliverAction({ applicationId, messageId: message.id })).toEqual({ ok: true, data: { queued: true } });
    expect(await redeliverFailedAction({ applicationId, mode: "trial" })).toEqual({ ok: true, data: { queued: 0 } });
    expect(await redeliverFailedAction({ applicationId, district: springfield })).toMatchObject({ ok: true, data: { queued: 2 } });

    expect(await eventsOf("webhook.redelivered")).toEqual([
      expect.objectContaining({
        summary: `Webhook ${message.id} (application.activated) of Acme App redelivered`,
        actorUserId: acme.admin.id,
        actorRole: "VENDOR_ADMIN",
        tenantType: "vendor",
        tenantName: "Acme",
        after: { messageId: message.id, eventType: "application.activated", district: springfield },
      }),
    ]);
    expect(await eventsOf("webhook.failed_redelivered")).toEqual([
      expect.objectContaining({ summary: "2 failed webhooks of Acme App redelivered", after: { queued: 2, mode: null, district: springfield } }),
    ]);
  });

  it("records nothing for another vendor's message", async () => {
    const message = await failedMessage(acme.application.id);
    signInAs((await createVendorWithApplication()).admin);
    expect((await redeliverAction({ applicationId: acme.application.id, messageId: message.id })).ok).toBe(false);
    expect((await redeliverFailedAction({ applicationId: acme.application.id })).ok).toBe(false);
    expect(await db().auditEvent.count({ where: { tenantId: acme.vendor.id } })).toBe(0);
  });
});

describe("auditing the signing secret", () => {
  it("records who revealed and who rotated it, never the secret", async () => {
    const applicationId = acme.application.id;
    const revealed = await revealSigningSecretAction({ applicationId });
    if (!revealed.ok) throw new Error(revealed.formError);
    const rotated = await rotateSigningSecretAction({ applicationId });
    if (!rotated.ok) throw new Error(rotated.formError);

    expect(await eventsOf("signing_secret.revealed")).toEqual([
      expect.objectContaining({ summary: "Webhook signing secret of Acme App revealed", actorUserId: acme.admin.id, tenantName: "Acme", before: null, after: null }),
    ]);
    const rotations = await eventsOf("signing_secret.rotated");
    expect(rotations).toEqual([
      expect.objectContaining({
        summary: "Webhook signing secret of Acme App rotated",
        actorUserId: acme.admin.id,
        before: { signingSecret: MASKED },
        after: { signingSecret: MASKED, previousSecretExpiresAt: rotated.data.previousExpiresAt?.toISOString() },
      }),
    ]);
    const stored = JSON.stringify(await db().auditEvent.findMany({ where: { tenantId: acme.vendor.id } }));
    expect(stored).not.toContain(revealed.data.secret);
    expect(stored).not.toContain(rotated.data.secret);
    expect(stored).not.toContain(revealed.data.secret.replace(/^whsec_/, ""));
  });

  it("records nothing when another vendor asks for the secret", async () => {
    signInAs((await createVendorWithApplication()).admin);
    expect((await revealSigningSecretAction({ applicationId: acme.application.id })).ok).toBe(false);
    expect((await rotateSigningSecretAction({ applicationId: acme.application.id })).ok).toBe(false);
    expect(await db().auditEvent.count({ where: { tenantId: acme.vendor.id } })).toBe(0);
  });
});
