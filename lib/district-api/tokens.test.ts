// District API tokens against a real PostgreSQL: shown once, kept only as a hash, revocable,
// and reaching only their own district; the API tokens tab's actions likewise.
import { createHash } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { createDistrictApiTokenAction, revokeDistrictApiTokenAction } from "@/lib/district-api/actions";
import { districtWithToken, peopleClient, student } from "@/lib/district-api/test-support";
import { listDistrictApiTokens, MAX_ACTIVE_TOKENS, createDistrictApiToken } from "@/lib/district-api/tokens";
import { createScimToken } from "@/lib/scim/tokens";
import { createDistrictAdmin, createVendorWithApplication } from "@/test/factories";

vi.mock("@/lib/auth/session", () => ({ getSessionUser: vi.fn() }));

const signInAs = (user: SessionUser) => vi.mocked(getSessionUser).mockResolvedValue(user);

describe("district API tokens", () => {
  it("are shown once, stored as a SHA-256 hash with a recognisable prefix, and record their last use", async () => {
    const { districtId, token, tokenId, send } = await districtWithToken();
    expect(token).toMatch(/^rc_dist_[\w-]{43}$/);

    const stored = await db().districtApiToken.findUniqueOrThrow({ where: { id: tokenId } });
    expect(stored.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(stored)).not.toContain(token.slice("rc_dist_".length));
    expect(stored.prefix).toBe(token.slice(0, 12));
    expect(stored.lastUsedAt).toBeNull();

    const [listed] = await listDistrictApiTokens(districtId);
    expect(listed).toEqual({ id: tokenId, name: "SIS nightly sync", prefix: stored.prefix, createdAt: stored.createdAt, lastUsedAt: null, revokedAt: null });

    expect((await send(student(1))).status).toBe(200);
    expect((await db().districtApiToken.findUniqueOrThrow({ where: { id: tokenId } })).lastUsedAt).toBeInstanceOf(Date);
  });

  it("stop working the moment they are revoked, while the district's other tokens go on", async () => {
    const { admin, districtId, tokenId, send } = await districtWithToken();
    const second = await createDistrictApiToken({ id: admin.id, districtId }, "Rotation");
    signInAs(admin);
    expect(await revokeDistrictApiTokenAction({ tokenId })).toMatchObject({ ok: true, data: { revokedAt: expect.any(Date) } });

    const refused = await send(student(1));
    expect(refused.status).toBe(401);
    expect(refused.headers.get("www-authenticate")).toMatch(/^Bearer /);
    expect(refused.body.error.message).toContain("Authorization: Bearer rc_dist_");
    expect(await db().rosterUser.count({ where: { districtId } })).toBe(0);

    expect((await peopleClient(second.token)(student(1))).body.results[0].outcome).toBe("created");
  });

  it("refuse a request without a token, with an unknown one, or with another kind of Rollcall token", async () => {
    const { districtId } = await districtWithToken();
    const scim = await createScimToken({ id: (await createDistrictAdmin()).id, districtId }, "Entra ID");
    for (const token of [null, "rc_dist_not-a-real-token", scim.token]) {
      const answer = await peopleClient(token)(student(1));
      expect(answer.status, String(token)).toBe(401);
      expect(answer.body.error.code).toBe("unauthorised");
    }
    expect(await db().rosterUser.count({ where: { districtId } })).toBe(0);
    expect(await db().rosterImport.count({ where: { districtId } })).toBe(0);
  });

  it("reach only their own district: the same netid elsewhere is neither matched nor changed", async () => {
    const other = await districtWithToken();
    const created = await other.send(student(1, { first_name: "Original" }));
    expect(created.body.results[0].outcome).toBe("created");

    const mine = await districtWithToken();
    const answer = await mine.send({ netid: "S00001", first_name: "Changed" });
    expect(answer.body.results[0]).toMatchObject({ outcome: "error", matchedBy: null, sourcedId: null });
    const theirs = await db().rosterUser.findFirstOrThrow({ where: { districtId: other.districtId, netid: "S00001" } });
    expect(theirs.givenName).toBe("Original");
    expect(await db().rosterUser.count({ where: { districtId: mine.districtId } })).toBe(0);
    expect(await db().rosterImport.findMany({ where: { districtId: mine.districtId }, select: { channel: true, tokenId: true } })).toEqual([
      { channel: "api", tokenId: mine.tokenId },
    ]);
  });
});

describe("API tokens tab actions", () => {
  it("create a token for the admin's own district and treat another district's token as not found", async () => {
    const owner = await createDistrictAdmin();
    signInAs(owner);
    const created = await createDistrictApiTokenAction({ name: "  SIS nightly sync " });
    if (!created.ok) throw new Error(created.formError);
    expect(created.data).toMatchObject({ name: "SIS nightly sync", token: expect.stringMatching(/^rc_dist_/), revokedAt: null });
    expect(await db().districtApiToken.findUniqueOrThrow({ where: { id: created.data.id } })).toMatchObject({ districtId: owner.districtId, createdById: owner.id });

    signInAs(await createDistrictAdmin());
    expect(await revokeDistrictApiTokenAction({ tokenId: created.data.id })).toEqual({ ok: false, formError: "This token was not found." });
    expect((await db().districtApiToken.findUniqueOrThrow({ where: { id: created.data.id } })).revokedAt).toBeNull();
  });

  it("refuse a vendor admin, a blank name, and an eleventh live token", async () => {
    signInAs((await createVendorWithApplication()).admin);
    expect(await createDistrictApiTokenAction({ name: "SIS" })).toMatchObject({ ok: false, formError: "Only district admins can change this." });

    const admin = await createDistrictAdmin();
    signInAs(admin);
    expect(await createDistrictApiTokenAction({ name: "   " })).toMatchObject({ ok: false, fieldErrors: { name: expect.stringContaining("Name the token") } });
    for (let index = 0; index < MAX_ACTIVE_TOKENS; index++) await createDistrictApiToken({ id: admin.id, districtId: admin.districtId! }, `Token ${index}`);
    expect(await createDistrictApiTokenAction({ name: "One too many" })).toMatchObject({ ok: false, formError: expect.stringContaining("Revoke one") });
    expect(await db().districtApiToken.count({ where: { districtId: admin.districtId! } })).toBe(MAX_ACTIVE_TOKENS);
  });
});
