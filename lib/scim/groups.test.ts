// SCIM groups through the route handler, as Entra ID and Okta manage them: create with members,
// look up by displayName without members, check a membership, add and remove members (by
// value filter and by Entra's older value list), rename, delete; and tenant isolation.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { districtWithToken, entraUser, patchOp } from "@/lib/scim/test-support";

const query = (filter: string, extra = "") => `/Groups?filter=${encodeURIComponent(filter)}${extra}`;

async function districtWithPeople(count: number) {
  const district = await districtWithToken();
  const ids: string[] = [];
  for (let index = 0; index < count; index++) ids.push((await district.scim("POST", "/Users", entraUser(`person${index}@school.test`))).body.id);
  return { ...district, ids };
}

describe("SCIM groups", () => {
  it("live through Entra ID's calls: create, find, check membership, add, remove, rename, delete", async () => {
    const { scim, ids } = await districtWithPeople(4);
    const [ada, grace, alan, edsger] = ids as [string, string, string, string];
    const created = await scim("POST", "/Groups", {
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group", "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group"],
      externalId: "8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159",
      displayName: "Teachers",
      members: [{ value: ada }],
      meta: { resourceType: "Group" },
    });
    expect(created.status).toBe(201);
    const id: string = created.body.id;
    expect(created.headers.get("location")).toBe(`http://localhost:3000/scim/v2/Groups/${id}`);
    expect(created.body).toMatchObject({ displayName: "Teachers", externalId: "8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159", members: [{ value: ada, type: "User", display: "Ada Lovelace" }] });

    const byName = await scim("GET", query('displayName eq "teachers"', "&excludedAttributes=members"));
    expect(byName.body.totalResults).toBe(1);
    expect(byName.body.Resources[0]).not.toHaveProperty("members");
    expect((await scim("GET", `/Groups/${id}?excludedAttributes=members`)).body).not.toHaveProperty("members");

    const isMember = (user: string) => scim("GET", query(`id eq "${id}" and members[value eq "${user}"]`, "&excludedAttributes=members"));
    expect((await isMember(ada)).body.totalResults).toBe(1);
    expect((await isMember(grace)).body.totalResults).toBe(0);
    expect((await scim("GET", query(`id eq "${id}" and members eq "${ada}"`, "&attributes=id"))).body.totalResults).toBe(1);

    const added = await scim("PATCH", `/Groups/${id}`, patchOp({ op: "Add", path: "members", value: [{ $ref: null, value: grace }, { value: alan }, { value: edsger }] }));
    expect(added.status).toBe(204);
    expect(added.headers.get("etag")).toBe('W/"2"');
    expect((await isMember(grace)).body.totalResults).toBe(1);

    await scim("PATCH", `/Groups/${id}`, patchOp({ op: "Remove", path: `members[value eq "${grace}"]` }));
    await scim("PATCH", `/Groups/${id}`, patchOp({ op: "Remove", path: "members", value: [{ $ref: null, value: alan }] }));
    const renamed = await scim("PATCH", `/Groups/${id}?attributes=displayName,members`, patchOp({ op: "Replace", path: "displayName", value: "Faculty" }));
    expect(renamed.status).toBe(200);
    expect(renamed.body.displayName).toBe("Faculty");
    expect(renamed.body.members.map((member: { value: string }) => member.value).sort()).toEqual([ada, edsger].sort());

    expect((await scim("DELETE", `/Groups/${id}`)).status).toBe(204);
    expect((await scim("GET", `/Groups/${id}`)).status).toBe(404);
    expect((await scim("GET", `/Users/${ada}`)).status).toBe(200);
  });

  it("takes Okta's PATCH without a path and its PUT of the whole membership", async () => {
    const { scim, ids } = await districtWithPeople(3);
    const { body } = await scim("POST", "/Groups", { schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"], displayName: "Aides", members: [] });
    const renamed = await scim("PATCH", `/Groups/${body.id}`, patchOp({ op: "replace", value: { id: body.id, displayName: "Classroom aides" } }));
    expect(renamed.status).toBe(204);
    const put = await scim("PUT", `/Groups/${body.id}`, { schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"], displayName: "Classroom aides", members: [{ value: ids[0] }, { value: ids[2] }] });
    expect(put.status).toBe(200);
    expect(put.body.members.map((member: { value: string }) => member.value).sort()).toEqual([ids[0], ids[2]].sort());
    const replaced = await scim("PUT", `/Groups/${body.id}`, { schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"], displayName: "Classroom aides", members: [{ value: ids[1] }] });
    expect(replaced.body.members.map((member: { value: string }) => member.value)).toEqual([ids[1]]);
    expect(replaced.body.meta.version).toBe('W/"4"');
  });

  it("refuses members that are not the district's users, and another district's groups are not found", async () => {
    const first = await districtWithPeople(1);
    const second = await districtWithPeople(1);
    const foreign = await first.scim("POST", "/Groups", { displayName: "Staff", members: [{ value: second.ids[0] }] });
    expect(foreign.status).toBe(400);
    expect(foreign.body.scimType).toBe("invalidValue");

    const { body } = await first.scim("POST", "/Groups", { displayName: "Staff", members: [{ value: first.ids[0] }] });
    expect((await second.scim("GET", `/Groups/${body.id}`)).status).toBe(404);
    expect((await second.scim("PATCH", `/Groups/${body.id}`, patchOp({ op: "add", path: "members", value: [{ value: second.ids[0] }] }))).status).toBe(404);
    expect((await second.scim("DELETE", `/Groups/${body.id}`)).status).toBe(404);
    expect((await second.scim("GET", "/Groups")).body.totalResults).toBe(0);
    const unknown = await first.scim("PATCH", `/Groups/${body.id}`, patchOp({ op: "add", path: "members", value: [{ value: randomUUID() }] }));
    expect(unknown.status).toBe(400);
    expect((await first.scim("GET", `/Groups/${body.id}`)).body.members).toHaveLength(1);
  });

  it("leaves a group untouched by a PATCH that changes nothing", async () => {
    const { scim, ids } = await districtWithPeople(1);
    const { body } = await scim("POST", "/Groups", { displayName: "Staff", members: [{ value: ids[0] }] });
    await scim("PATCH", `/Groups/${body.id}`, patchOp({ op: "add", path: "members", value: [{ value: ids[0] }] }));
    await scim("PATCH", `/Groups/${body.id}`, patchOp({ op: "remove", path: `members[value eq "${randomUUID()}"]` }));
    expect((await scim("GET", `/Groups/${body.id}`)).body.meta.version).toBe('W/"1"');
  });
});
