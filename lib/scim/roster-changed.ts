// `roster.changed` webhooks: when SCIM changes a district's people, each application the
// district activated with auto-provisioning hears about it, at most once every 5 minutes while
// changes keep coming. The first change after a quiet spell is announced at once; a change made
// while an announcement is still to come is covered by it; a change made after the latest one
// was due schedules the next, 5 minutes after it. The messages go through the one dispatcher,
// written in the transaction of the change that causes them.
import type { Prisma } from "@/generated/prisma/client";
import { createMessage, scheduleDelivery } from "@/lib/webhooks/messages";
import { MAX_ATTEMPTS } from "@/lib/webhooks/retry-schedule";

export const ROSTER_CHANGED_INTERVAL_MS = 5 * 60_000;

/** The latest notifyAt this process has read (committed) per district: it only ever moves later. */
const knownNotices = new Map<string, number>();

function remember(districtId: string, notifyAtMs: number): void {
  if (knownNotices.size >= 10_000) knownNotices.clear();
  if ((knownNotices.get(districtId) ?? 0) < notifyAtMs) knownNotices.set(districtId, notifyAtMs);
}

/**
 * Whether a notice still to come is known to cover a change made now (with a second to spare
 * for the change to commit), so that the change need not look: the common case in a burst.
 */
export function rosterNoticePending(districtId: string, now = new Date()): boolean {
  return (knownNotices.get(districtId) ?? 0) - now.getTime() > 1_000;
}

/** Called in the transaction of every change to a district's SCIM people or groups. */
export async function noteRosterChange(tx: Prisma.TransactionClient, districtId: string, now = new Date()): Promise<void> {
  const at = now.toISOString();
  // The common case, a change while the next notice is still to come, reads one row and locks nothing.
  const [state] = await tx.$queryRaw<{ due: boolean; notifyAtMs: number }[]>`
    SELECT "notifyAt" < (${at}::timestamptz AT TIME ZONE 'UTC') AS due, (extract(epoch FROM "notifyAt") * 1000)::float8 AS "notifyAtMs"
    FROM "RosterChangeNotice" WHERE "districtId" = ${districtId}::uuid`;
  if (state) remember(districtId, state.notifyAtMs);
  if (state && !state.due) return;
  // Of racing changes only one moves notifyAt: the others wait for its row lock, then see it moved.
  const [scheduled] = await tx.$queryRaw<{ notifyAtMs: number }[]>`
    INSERT INTO "RosterChangeNotice" AS notice ("districtId", "notifyAt") VALUES (${districtId}::uuid, (${at}::timestamptz AT TIME ZONE 'UTC'))
    ON CONFLICT ("districtId") DO UPDATE
      SET "notifyAt" = greatest(EXCLUDED."notifyAt", notice."notifyAt" + make_interval(secs => ${ROSTER_CHANGED_INTERVAL_MS / 1000}::int))
      WHERE notice."notifyAt" < EXCLUDED."notifyAt"
    RETURNING (extract(epoch FROM "notifyAt") * 1000)::float8 AS "notifyAtMs"`;
  if (!scheduled) return;
  await announce(tx, districtId, new Date(scheduled.notifyAtMs));
}

async function announce(tx: Prisma.TransactionClient, districtId: string, notifyAt: Date): Promise<void> {
  const targets = await tx.$queryRaw<{ applicationId: string; mode: "trial" | "standard"; districtGuid: string; name: string; state: string }[]>`
    SELECT a."applicationId"::text AS "applicationId", a.mode::text AS mode, d."districtGuid"::text AS "districtGuid", d.name, d.state
    FROM "Activation" a
    JOIN "ProvisioningConfig" p ON p."applicationId" = a."applicationId"
    JOIN "District" d ON d.id = a."districtId"
    JOIN "Application" app ON app.id = a."applicationId"
    JOIN "Vendor" v ON v.id = app."vendorId"
    WHERE a."districtId" = ${districtId}::uuid AND a.status = 'active' AND a."autoProvisioned"
      AND p."autoProvisioning" AND coalesce(p."webhookUrl", '') <> '' AND v."autoProvisioningAvailable"
    ORDER BY a."applicationId"`;
  for (const target of targets) {
    const message = await createMessage(
      tx,
      {
        type: "roster.changed",
        mode: target.mode,
        applicationId: target.applicationId,
        district: { guid: target.districtGuid, name: target.name, state: target.state },
        occurredAt: notifyAt,
      },
      MAX_ATTEMPTS,
    );
    await scheduleDelivery(tx, message.id, "automatic", notifyAt);
  }
}
