// The audit log's record of a district's SCIM tokens and role mapping, against a real PostgreSQL; only the session is faked.
import { describe, expect, it, vi } from "vitest";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { createScimTokenAction, revokeScimTokenAction, saveRoleMappingAction } from "@/lib/scim/actions";
import { DEFAULT_ROLE_MAPPING } from "@/lib/scim/role-mapping-schema";
import { districtWithToken, entraUser } from "@/lib/scim/test-support";
import { createDistrictAdmin } from "@/test/factories";

vi.mock("@/lib/auth/session", () => ({ getSessionUser: vi.fn() }));

const signInAs = (user: SessionUser) => vi.mocked(getSessionUser).mockResolvedValue(user);
const eventsOf = (districtId: string) => db().auditEvent.findMany({ where: { tenantType: "district", tenantId: districtId }, orderBy: { at: "asc" } });

describe("auditing SCIM tokens", () => {
  it("records creating and revoking a token as the admin, never the token itself, and nothing for another district's admin", async () => {
    const admin = await createDistrictAdmin();
    signInAs(admin);
    const created = await createScimTokenAction({ name: "Microsoft Entra ID" });
    if (!created.ok) throw new Error(created.formError);
    signInAs(await createDistrictAdmin());
    expect(await revokeScimTokenAction({ tokenId: created.data.id })).toMatchObject({ ok: false });
    signInAs(admin);
    expect(await revokeScimTokenAction({ tokenId: created.data.id })).toMatchObject({ ok: true });

    const events = await eventsOf(admin.districtId!);
    expect(events.map((event) => event.action)).toEqual(["scim_token.created", "scim_token.revoked"]);
    expect(events[0]).toMatchObject({
      summary: "SCIM token “Microsoft Entra ID” created",
      actorUserId: admin.id,
      actorEmail: admin.email,
      actorRole: "DISTRICT_ADMIN",
      after: { name: "Microsoft Entra ID", prefix: created.data.prefix, secret: "••••••" },
    });
    expect(events[1]).toMatchObject({ summary: "SCIM token “Microsoft Entra ID” revoked", before: { revokedAt: null }, after: { revokedAt: expect.any(String) } });
    expect(JSON.stringify(events)).not.toContain(created.data.token);
  });
});

describe("auditing the role mapping", () => {
  it("records the mapping before and after, and nothing for an unchanged save or bad input", async () => {
    const admin = await createDistrictAdmin();
    signInAs(admin);
    const mapping = { source: "group" as const, attribute: "", rules: [{ value: "Teachers", role: "teacher" as const }], defaultRole: "student" as const };
    expect(await saveRoleMappingAction(mapping)).toMatchObject({ ok: true });
    expect(await saveRoleMappingAction(mapping)).toMatchObject({ ok: true });
    expect(await saveRoleMappingAction({ ...mapping, rules: [{ value: "", role: "teacher" }] })).toMatchObject({ ok: false });

    const events = await eventsOf(admin.districtId!);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "scim.role_mapping_changed",
      summary: "SCIM role mapping changed: 1 rule by group, otherwise student",
      actorUserId: admin.id,
      before: DEFAULT_ROLE_MAPPING,
      after: mapping,
    });
  });

  it("records how many people's roles a new mapping changed, as the admin", async () => {
    const { scim, districtId, admin } = await districtWithToken();
    signInAs(admin);
    await scim("POST", "/Users", entraUser("ada@school.test", { userType: "Aide" }));
    await scim("POST", "/Users", entraUser("bob@school.test", { userType: "Teacher" }));
    await scim("POST", "/Users", entraUser("cy@school.test"));
    const byType = { source: "attribute" as const, attribute: "userType", rules: [{ value: "Aide", role: "aide" as const }, { value: "Teacher", role: "teacher" as const }], defaultRole: "student" as const };
    expect(await saveRoleMappingAction(byType)).toMatchObject({ ok: true });
    expect(await saveRoleMappingAction({ ...byType, rules: [] })).toMatchObject({ ok: true });

    const rederived = (await eventsOf(districtId)).filter((event) => event.action === "scim.roles_rederived");
    expect(rederived).toEqual([
      expect.objectContaining({ summary: "2 people's roles changed by the SCIM role mapping", after: { changed: 2 }, actorUserId: admin.id }),
      expect.objectContaining({ summary: "2 people's roles changed by the SCIM role mapping", after: { changed: 2 } }),
    ]);
  });
});
