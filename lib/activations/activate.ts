// Districts activating and deactivating applications. Safe to repeat: the
// (district, application) pair is unique, every change is a conditional update that only
// one of two racing requests can win, and a retried request (same idempotency key) gets
// the outcome of its first try instead of acting again.
import { randomUUID } from "node:crypto";
import { UserFacingError } from "@/lib/actions/result";
import { sendsWebhooks, notifyVendor } from "@/lib/activations/webhook";
import { districtTenant, recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import type { Prisma } from "@/generated/prisma/client";

export type DistrictActor = { id: string; districtId: string };
export type ActivationMode = "trial" | "standard";

export type ActivateRequest = { applicationId: string; mode: ActivationMode; idempotencyKey: string };
export type ActivateOutcome = { outcome: "activated" | "upgraded" | "already_active"; webhookSent: boolean };

export type DeactivateRequest = { applicationId: string; idempotencyKey: string };
export type DeactivateOutcome = { outcome: "deactivated" | "already_inactive"; webhookSent: boolean };

export const NOT_IN_GALLERY = "This application is not in the Application Gallery. It may have been withdrawn by its vendor.";
export const OFFER_ENDED = "This offer has ended. Open the application's page to activate it instead.";
export const NOT_ACTIVATED = "This application is not activated for your district.";

export async function activateApplication(actor: DistrictActor, request: ActivateRequest, now = new Date()): Promise<ActivateOutcome> {
  const key = scopedKey(actor, request.idempotencyKey);
  return db().$transaction(async (tx) => {
    const replay = await replayedOutcome(tx, key);
    if (replay) return replay;

    const application = await tx.application.findFirst({
      where: { id: request.applicationId, publishedAt: { not: null } },
      select: {
        id: true,
        name: true,
        vendor: { select: { autoProvisioningAvailable: true } },
        provisioning: { select: { autoProvisioning: true, webhookUrl: true } },
        banner: { select: { shown: true } },
      },
    });
    if (!application) throw new UserFacingError(NOT_IN_GALLERY);
    // Without the operator's capability the vendor is not auto-provisioned: the activation stands, no webhook goes.
    const autoProvisioned = sendsWebhooks(application.provisioning, application.vendor);
    // A trial comes only from a banner's call-to-action, so only while that banner is live.
    if (request.mode === "trial" && !(application.banner?.shown && autoProvisioned)) throw new UserFacingError(OFFER_ENDED);

    const pair = { districtId: actor.districtId, applicationId: application.id };
    const fresh = { mode: request.mode, origin: "district", autoProvisioned, status: "active", activatedAt: now, deactivatedAt: null } as const;
    const created = await tx.activation.createMany({ data: [{ id: randomUUID(), ...pair, ...fresh }], skipDuplicates: true });

    let kind: "activated" | "upgraded" | null = created.count === 1 ? "activated" : null;
    let before: { status: "deactivated" | "active"; mode: string | null } | null = null;
    if (!kind) {
      // Another request for the pair may have committed while this one waited: it may be our own first try.
      const concurrentReplay = await replayedOutcome(tx, key);
      if (concurrentReplay) return concurrentReplay;
      const previous = await tx.activation.findUnique({ where: { districtId_applicationId: pair }, select: { mode: true } });
      const reactivated = await tx.activation.updateMany({ where: { ...pair, status: "deactivated" }, data: fresh });
      if (reactivated.count === 1) {
        kind = "activated";
        before = { status: "deactivated", mode: previous?.mode ?? null };
      }
    }
    if (!kind && request.mode === "standard") {
      const upgraded = await tx.activation.updateMany({ where: { ...pair, status: "active", mode: "trial" }, data: { mode: "standard" } });
      if (upgraded.count === 1) {
        kind = "upgraded";
        before = { status: "active", mode: "trial" };
      }
    }
    if (!kind) return { outcome: "already_active", webhookSent: false };

    const activation = await tx.activation.findUniqueOrThrow({
      where: { districtId_applicationId: pair },
      select: { id: true, autoProvisioned: true, district: { select: { districtGuid: true, name: true, state: true } } },
    });
    const webhookMessageId =
      activation.autoProvisioned && autoProvisioned
        ? await notifyVendor(tx, { type: "application.activated", mode: request.mode, applicationId: application.id, district: activation.district, occurredAt: now })
        : null;
    await tx.activationEvent.create({
      data: { activationId: activation.id, kind, mode: request.mode, actorId: actor.id, idempotencyKey: key, webhookMessageId, createdAt: now },
    });
    await recordAudit(tx, {
      ...(await districtTenant(tx, actor.districtId)),
      action: kind === "upgraded" ? "activation.upgraded" : "activation.created",
      summary:
        kind === "upgraded"
          ? `${application.name} upgraded from a trial`
          : `${application.name} activated${request.mode === "trial" ? " as a trial" : ""}`,
      before,
      after: { application: application.name, applicationId: application.id, status: "active", mode: request.mode, autoProvisioned, webhookSent: webhookMessageId !== null },
    });
    return { outcome: kind, webhookSent: webhookMessageId !== null };
  });
}

export async function deactivateApplication(actor: DistrictActor, request: DeactivateRequest, now = new Date()): Promise<DeactivateOutcome> {
  const key = scopedKey(actor, request.idempotencyKey);
  return db().$transaction(async (tx) => {
    const replay = await replayedOutcome(tx, key);
    if (replay) return { outcome: "deactivated", webhookSent: replay.webhookSent };

    const activation = await tx.activation.findUnique({
      where: { districtId_applicationId: { districtId: actor.districtId, applicationId: request.applicationId } },
      select: {
        id: true,
        mode: true,
        autoProvisioned: true,
        applicationId: true,
        district: { select: { districtGuid: true, name: true, state: true } },
        application: {
          select: { name: true, vendor: { select: { autoProvisioningAvailable: true } }, provisioning: { select: { autoProvisioning: true, webhookUrl: true } } },
        },
      },
    });
    if (!activation) throw new UserFacingError(NOT_ACTIVATED);

    const deactivated = await tx.activation.updateMany({
      where: { id: activation.id, status: "active" },
      data: { status: "deactivated", deactivatedAt: now },
    });
    if (deactivated.count === 0) return { outcome: "already_inactive", webhookSent: false };

    const webhookMessageId =
      activation.autoProvisioned && sendsWebhooks(activation.application.provisioning, activation.application.vendor)
        ? await notifyVendor(tx, {
            type: "application.deactivated",
            mode: activation.mode,
            applicationId: activation.applicationId,
            district: activation.district,
            occurredAt: now,
          })
        : null;
    await tx.activationEvent.create({
      data: { activationId: activation.id, kind: "deactivated", mode: activation.mode, actorId: actor.id, idempotencyKey: key, webhookMessageId, createdAt: now },
    });
    const name = activation.application.name;
    await recordAudit(tx, {
      ...(await districtTenant(tx, actor.districtId)),
      action: "activation.removed",
      summary: `${name} deactivated`,
      before: { application: name, applicationId: activation.applicationId, status: "active", mode: activation.mode },
      after: { application: name, applicationId: activation.applicationId, status: "deactivated", webhookSent: webhookMessageId !== null },
    });
    return { outcome: "deactivated", webhookSent: webhookMessageId !== null };
  });
}

/** Keys are the client's; scoping them by district means one district can never replay another's. */
function scopedKey(actor: DistrictActor, idempotencyKey: string): string {
  return `${actor.districtId}:${idempotencyKey}`;
}

async function replayedOutcome(tx: Prisma.TransactionClient, key: string): Promise<ActivateOutcome | null> {
  const event = await tx.activationEvent.findUnique({ where: { idempotencyKey: key }, select: { kind: true, webhookMessageId: true } });
  if (!event) return null;
  const outcome = event.kind === "upgraded" ? "upgraded" : event.kind === "activated" ? "activated" : "already_active";
  return { outcome, webhookSent: event.webhookMessageId !== null };
}
