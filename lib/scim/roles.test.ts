// Roles of SCIM people: the rules as a table, the mapping form's schema, and end to end: a
// person created over SCIM appears in the OneRoster Data API with the mapped role, leaves its
// active results when deactivated, and changes role when their groups or the mapping change.
import { describe, expect, it } from "vitest";
import { answerOneRoster } from "@/lib/oneroster/router";
import { roleMappingSchema, type RoleMapping } from "@/lib/scim/role-mapping-schema";
import { deriveRole, getRoleMapping, rederiveRoles, saveRoleMapping } from "@/lib/scim/roles";
import { districtWithToken, entraUser, patchOp } from "@/lib/scim/test-support";

const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
const byGroup: RoleMapping = { source: "group", attribute: "", rules: [{ value: "Teachers", role: "teacher" }, { value: "Office", role: "administrator" }], defaultRole: "student" };
const byType = (attribute: string): RoleMapping => ({ source: "attribute", attribute, rules: [{ value: "Staff", role: "teacher" }, { value: "Aide", role: "aide" }], defaultRole: "student" });

describe("deriveRole", () => {
  it.each<[string, RoleMapping, Record<string, unknown>, string[], string]>([
    ["a group named by a rule, in another case", byGroup, {}, ["teachers"], "teacher"],
    ["the first rule matching one of several groups", byGroup, {}, ["Office", "Teachers"], "teacher"],
    ["no matching group: the default", byGroup, {}, ["Chess club"], "student"],
    ["a core attribute", byType("userType"), { userType: "staff" }, [], "teacher"],
    ["an enterprise attribute by full name", byType(`${ENTERPRISE}:employeeType`), { [ENTERPRISE]: { employeeType: "Aide" } }, [], "aide"],
    ["an extension attribute by its short name", byType("employeeType"), { [ENTERPRISE]: { employeeType: "Aide" } }, [], "aide"],
    ["Entra's app roles", byType("roles"), { roles: [{ primary: true, type: "WindowsAzureActiveDirectoryRole", value: "Staff" }] }, [], "teacher"],
    ["an attribute the person lacks", byType("userType"), {}, ["Teachers"], "student"],
  ])("%s", (_name, mapping, attributes, groupNames, role) => {
    expect(deriveRole(mapping, { attributes, groupNames })).toBe(role);
  });
});

describe("roleMappingSchema", () => {
  it("needs an attribute for attribute-based roles and refuses the same value twice", () => {
    const result = roleMappingSchema.safeParse({ source: "attribute", attribute: "", rules: [{ value: "Staff", role: "teacher" }, { value: "staff", role: "aide" }], defaultRole: "student" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toEqual(["attribute", "rules.1.value"]);
    expect(roleMappingSchema.safeParse({ source: "attribute", attribute: "not an attribute!", rules: [], defaultRole: "student" }).success).toBe(false);
    expect(roleMappingSchema.safeParse({ source: "group", attribute: "", rules: [{ value: "Teachers", role: "principal" }], defaultRole: "student" }).success).toBe(false);
  });
});

async function oneRosterUsers(districtId: string, query = "") {
  const response = await answerOneRoster(new Request(`http://localhost:3000/ims/oneroster/v1p1/users${query}`), districtId);
  return ((await response.json()) as { users: { sourcedId: string; role: string; status: string; enabledUser: string; dateLastModified: string }[] }).users;
}

describe("roles in the Data API", () => {
  it("shows a SCIM person with the mapped role, and only among all users once deactivated", async () => {
    const { scim, districtId } = await districtWithToken();
    const before = (await scim("POST", "/Users", entraUser("before@school.test", { userType: "Staff" }))).body.id;
    await saveRoleMapping(districtId, byType("userType"));
    const { body } = await scim("POST", "/Users", entraUser("teacher@school.test", { userType: "Staff" }));
    const activeOnly = `?filter=${encodeURIComponent("status='active'")}`;

    // The first was created under the default mapping; the mapping's change reaches new people at once.
    expect(Object.fromEntries((await oneRosterUsers(districtId, activeOnly)).map((user) => [user.sourcedId, [user.role, user.status, user.enabledUser]]))).toEqual({
      [before]: ["student", "active", "true"],
      [body.id]: ["teacher", "active", "true"],
    });

    await scim("PATCH", `/Users/${body.id}`, patchOp({ op: "Replace", path: "active", value: "False" }));
    expect((await oneRosterUsers(districtId, activeOnly)).map((user) => user.sourcedId)).toEqual([before]);
    expect(await oneRosterUsers(districtId)).toContainEqual(expect.objectContaining({ sourcedId: body.id, status: "tobedeleted", enabledUser: "false" }));
  });

  it("follows group membership, and re-derives everyone's role after a mapping change", async () => {
    const { scim, districtId } = await districtWithToken();
    await saveRoleMapping(districtId, byGroup);
    const ada = (await scim("POST", "/Users", entraUser("ada@school.test", { userType: "Aide" }))).body.id;
    const bob = (await scim("POST", "/Users", entraUser("bob@school.test"))).body.id;
    const group = (await scim("POST", "/Groups", { displayName: "Teachers", members: [{ value: ada }] })).body.id;
    const roles = async () => Object.fromEntries((await oneRosterUsers(districtId)).map((user) => [user.sourcedId, user.role]));
    expect(await roles()).toEqual({ [ada]: "teacher", [bob]: "student" });

    await scim("PATCH", `/Groups/${group}`, patchOp({ op: "Add", path: "members", value: [{ value: bob }] }));
    expect(await roles()).toEqual({ [ada]: "teacher", [bob]: "teacher" });
    await scim("PATCH", `/Groups/${group}`, patchOp({ op: "Replace", path: "displayName", value: "Office" }));
    expect(await roles()).toEqual({ [ada]: "administrator", [bob]: "administrator" });
    await scim("PATCH", `/Groups/${group}`, patchOp({ op: "Remove", path: `members[value eq "${bob}"]` }));
    expect(await roles()).toEqual({ [ada]: "administrator", [bob]: "student" });

    const before = (await oneRosterUsers(districtId)).find((user) => user.sourcedId === ada)!.dateLastModified;
    await saveRoleMapping(districtId, { ...byType("userType"), defaultRole: "guardian" });
    expect(await getRoleMapping(districtId)).toMatchObject({ source: "attribute", attribute: "userType", defaultRole: "guardian" });
    expect(await rederiveRoles(districtId)).toEqual({ changed: 2 });
    expect(await roles()).toEqual({ [ada]: "aide", [bob]: "guardian" });
    expect((await oneRosterUsers(districtId)).find((user) => user.sourcedId === ada)!.dateLastModified >= before).toBe(true);
    expect(await rederiveRoles(districtId)).toEqual({ changed: 0 });

    await scim("DELETE", `/Groups/${group}`);
    expect(await roles()).toEqual({ [ada]: "aide", [bob]: "guardian" });
  });
});
