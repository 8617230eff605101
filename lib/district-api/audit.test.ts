// The audit log's record of a district's API tokens and of the imports its systems send, against a real PostgreSQL.
import { describe, expect, it, vi } from "vitest";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { createDistrictApiTokenAction, revokeDistrictApiTokenAction } from "@/lib/district-api/actions";
import { districtWithToken, student } from "@/lib/district-api/test-support";
import { createDistrictAdmin } from "@/test/factories";

vi.mock("@/lib/auth/session", () => ({ getSessionUser: vi.fn() }));

const signInAs = (user: SessionUser) => vi.mocked(getSessionUser).mockResolvedValue(user);
const eventsOf = (districtId: string, action?: string) =>
  db().auditEvent.findMany({ where: { tenantType: "district", tenantId: districtId, ...(action && { action }) }, orderBy: { at: "asc" } });

describe("auditing district API tokens", () => {
  it("records creating and revoking a token as the admin, never the token itself", async () => {
    const admin = await createDistrictAdmin();
    signInAs(admin);
    const created = await createDistrictApiTokenAction({ name: "SIS nightly sync" });
    if (!created.ok) throw new Error(created.formError);
    expect(await revokeDistrictApiTokenAction({ tokenId: created.data.id })).toMatchObject({ ok: true });
    expect(await revokeDistrictApiTokenAction({ tokenId: created.data.id })).toMatchObject({ ok: true });

    const events = await eventsOf(admin.districtId!);
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({
      action: "district_api_token.created",
      summary: "API token “SIS nightly sync” created",
      actorUserId: admin.id,
      actorEmail: admin.email,
      actorRole: "DISTRICT_ADMIN",
      after: { name: "SIS nightly sync", prefix: created.data.prefix, secret: "••••••" },
    });
    expect(events[1]).toMatchObject({
      action: "district_api_token.revoked",
      summary: "API token “SIS nightly sync” revoked",
      before: { revokedAt: null },
      after: { revokedAt: expect.any(String) },
    });
    expect(JSON.stringify(events)).not.toContain(created.data.token);
  });

  it("records nothing when another district's admin tries to revoke the token", async () => {
    const { districtId, tokenId } = await districtWithToken();
    const other = await createDistrictAdmin();
    signInAs(other);
    expect(await revokeDistrictApiTokenAction({ tokenId })).toEqual({ ok: false, formError: "This token was not found." });
    expect(await eventsOf(districtId, "district_api_token.revoked")).toEqual([]);
    expect(await eventsOf(other.districtId!)).toEqual([]);
  });
});

describe("auditing imports sent to the people API", () => {
  it("records one event per request, with its counts, as the token and from the caller's address", async () => {
    const { districtId, send } = await districtWithToken("Nightly roster");
    const answer = await send({ people: [student(1), student(2), student(3, { email: "not-an-email" })] }, { "x-forwarded-for": "198.51.100.7" });
    expect(answer.status).toBe(200);

    const events = await eventsOf(districtId, "import.applied");
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      summary: "People API request import applied: 2 created, 0 updated, 1 skipped",
      actorUserId: null,
      actorEmail: "API token “Nightly roster”",
      actorRole: "district_api_token",
      ip: "198.51.100.7",
      after: { importId: answer.body.importId, channel: "api", counts: { create: 2, update: 0, error: 1 } },
    });
  });

  it("records nothing for a request refused before the import", async () => {
    const { districtId, send } = await districtWithToken();
    expect((await send("{not json")).status).toBe(400);
    expect(await eventsOf(districtId, "import.applied")).toEqual([]);
  });
});
