// The Identity sync page's server actions against a real PostgreSQL: each reaches only the
// signed-in admin's own district.
import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { createScimTokenAction, revokeScimTokenAction, saveRoleMappingAction } from "@/lib/scim/actions";
import { createDistrictAdmin, createVendorWithApplication } from "@/test/factories";

vi.mock("@/lib/auth/session", () => ({ getSessionUser: vi.fn() }));

function signInAs(user: SessionUser) {
  vi.mocked(getSessionUser).mockResolvedValue(user);
}

async function scimPerson(districtId: string, attributes: Record<string, string>) {
  const id = randomUUID();
  const userName = `${id}@district.test`;
  await db().rosterUser.create({
    data: { id, districtId, sourcedId: id, username: userName, givenName: "Sam", familyName: "Lee", role: "student" },
  });
  await db().scimUser.create({ data: { id, districtId, rosterUserId: id, userName, userNameKey: userName, attributes } });
  return id;
}

const roleOf = async (rosterUserId: string) => (await db().rosterUser.findUniqueOrThrow({ where: { id: rosterUserId } })).role;

describe("SCIM token actions", () => {
  it("create a token for the admin's district and refuse another district's revoke as not found", async () => {
    const owner = await createDistrictAdmin();
    signInAs(owner);
    const created = await createScimTokenAction({ name: "Microsoft Entra ID" });
    if (!created.ok) throw new Error(created.formError);
    expect(created.data).toMatchObject({ name: "Microsoft Entra ID", token: expect.stringMatching(/^rc_scim_/), revokedAt: null });

    signInAs(await createDistrictAdmin());
    expect(await revokeScimTokenAction({ tokenId: created.data.id })).toEqual({ ok: false, formError: "This token was not found." });
    expect((await db().scimToken.findUniqueOrThrow({ where: { id: created.data.id } })).revokedAt).toBeNull();

    signInAs(owner);
    expect(await revokeScimTokenAction({ tokenId: created.data.id })).toMatchObject({ ok: true, data: { revokedAt: expect.any(Date) } });
  });

  it("refuse a vendor admin and a blank name", async () => {
    signInAs((await createVendorWithApplication()).admin);
    expect(await createScimTokenAction({ name: "Okta" })).toMatchObject({ ok: false, formError: "Only district admins can change this." });
    signInAs(await createDistrictAdmin());
    expect(await createScimTokenAction({ name: "   " })).toMatchObject({ ok: false, fieldErrors: { name: expect.stringContaining("Name the token") } });
  });
});

describe("saving the role mapping", () => {
  it("re-derives the roles of the district's people and says how many changed", async () => {
    const admin = await createDistrictAdmin();
    const teacher = await scimPerson(admin.districtId!, { userType: "Teacher" });
    const student = await scimPerson(admin.districtId!, { userType: "Student" });
    const other = await createDistrictAdmin();
    const elsewhere = await scimPerson(other.districtId!, { userType: "Teacher" });

    signInAs(admin);
    const saved = await saveRoleMappingAction({ source: "attribute", attribute: "userType", rules: [{ value: "teacher", role: "teacher" }], defaultRole: "student" });
    expect(saved).toMatchObject({ ok: true, data: { changed: 1, mapping: { source: "attribute", attribute: "userType" } } });
    expect([await roleOf(teacher), await roleOf(student), await roleOf(elsewhere)]).toEqual(["teacher", "student", "student"]);
  });

  it("refuses a mapping from an attribute without naming it", async () => {
    signInAs(await createDistrictAdmin());
    expect(await saveRoleMappingAction({ source: "attribute", attribute: "", rules: [], defaultRole: "student" })).toMatchObject({
      ok: false,
      fieldErrors: { attribute: expect.any(String) },
    });
  });
});
