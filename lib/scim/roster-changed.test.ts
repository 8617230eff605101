// The roster.changed webhook: one per district and activated application with
// auto-provisioning, at once after a quiet spell, then at most every 5 minutes while SCIM
// changes keep coming, queued through the one dispatcher.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { noteRosterChange, ROSTER_CHANGED_INTERVAL_MS } from "@/lib/scim/roster-changed";
import { districtWithToken, entraUser, patchOp } from "@/lib/scim/test-support";
import { createActivation, createVendorWithApplication, publishApplication } from "@/test/factories";

async function application({ autoProvisioning }: { autoProvisioning: boolean }) {
  const { application } = await createVendorWithApplication(undefined, { webhookUrl: "https://hooks.vendor.test/rollcall" });
  await publishApplication(application.id, { autoProvisioning });
  return application;
}

const notices = (applicationId?: string) =>
  db().webhookMessage.findMany({ where: { eventType: "roster.changed", ...(applicationId ? { applicationId } : {}) }, orderBy: { nextAttemptAt: "asc" } });

async function deliveryJobs(messageIds: string[]) {
  const rows = await db().$queryRaw<{ runAtMs: number }[]>`
    SELECT (extract(epoch FROM run_at) * 1000)::float8 AS "runAtMs" FROM graphile_worker._private_jobs
    WHERE payload->>'messageId' = ANY(${messageIds}::text[]) ORDER BY run_at`;
  return rows.map((row) => row.runAtMs);
}

describe("roster.changed webhooks", () => {
  it("reach each activated application with auto-provisioning, and no other", async () => {
    const { scim, districtId, admin } = await districtWithToken();
    const listening = await application({ autoProvisioning: true });
    const quiet = await application({ autoProvisioning: false });
    const left = await application({ autoProvisioning: true });
    await createActivation(districtId, listening.id, { mode: "trial" });
    await createActivation(districtId, quiet.id);
    await createActivation(districtId, left.id, { status: "deactivated" });

    expect((await scim("POST", "/Users", entraUser("ada@school.test"))).status).toBe(201);
    const [message, ...others] = await notices();
    expect(others).toEqual([]);
    expect(message).toMatchObject({ applicationId: listening.id, mode: "trial", status: "pending" });
    const district = await db().district.findUniqueOrThrow({ where: { id: admin.districtId! } });
    expect(JSON.parse(message!.payload)).toMatchObject({ type: "roster.changed", mode: "trial", districtGUID: district.districtGuid, applicationId: listening.id });
    expect(await deliveryJobs([message!.id])).toHaveLength(1);
  });

  it("come at most every 5 minutes while changes keep coming, and at once after a quiet spell", async () => {
    const { scim, districtId } = await districtWithToken();
    const app = await application({ autoProvisioning: true });
    await createActivation(districtId, app.id);

    const { body } = await scim("POST", "/Users", entraUser("ada@school.test"));
    await scim("PATCH", `/Users/${body.id}`, patchOp({ op: "replace", path: "title", value: "Teacher" }));
    await scim("PATCH", `/Users/${body.id}`, patchOp({ op: "replace", path: "title", value: "Principal" }));
    await scim("POST", "/Users", entraUser("bob@school.test"));

    // The first change is announced at once; the three after it share one notice, 5 minutes later.
    const [first, second, ...more] = await notices(app.id);
    expect(more).toEqual([]);
    const firstAt = first!.nextAttemptAt!.getTime();
    expect(second!.nextAttemptAt!.getTime() - firstAt).toBe(ROSTER_CHANGED_INTERVAL_MS);
    expect(JSON.parse(second!.payload).occurredAt).toBe(new Date(firstAt + ROSTER_CHANGED_INTERVAL_MS).toISOString());
    expect(await deliveryJobs([second!.id])).toEqual([firstAt + ROSTER_CHANGED_INTERVAL_MS]);

    const change = (at: number) => db().$transaction((tx) => noteRosterChange(tx, districtId, new Date(at)));
    await change(firstAt + 4 * 60_000);
    expect(await notices(app.id)).toHaveLength(2);
    // Just after the second notice was due: the next comes 5 minutes after it.
    await change(firstAt + ROSTER_CHANGED_INTERVAL_MS + 1_000);
    await change(firstAt + ROSTER_CHANGED_INTERVAL_MS + 2_000);
    const third = (await notices(app.id))[2];
    expect(third!.nextAttemptAt!.getTime()).toBe(firstAt + 2 * ROSTER_CHANGED_INTERVAL_MS);
    expect(await notices(app.id)).toHaveLength(3);
    // After an hour without changes, a change is announced when it happens.
    const later = firstAt + 60 * 60_000;
    await change(later);
    expect((await notices(app.id))[3]!.nextAttemptAt!.getTime()).toBe(later);
  });

  it("are not sent for a request that changes nothing", async () => {
    const { scim, districtId } = await districtWithToken();
    const app = await application({ autoProvisioning: true });
    const { body } = await scim("POST", "/Users", entraUser("ada@school.test"));
    await createActivation(districtId, app.id);
    await scim("PATCH", `/Users/${body.id}`, patchOp({ op: "replace", path: "userName", value: "ada@school.test" }));
    await scim("GET", `/Users/${body.id}`);
    expect(await notices(app.id)).toEqual([]);
  });
});
