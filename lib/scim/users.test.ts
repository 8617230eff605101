// SCIM users through the route handler, against a real PostgreSQL: Entra ID's Test Connection,
// the whole life of a person, the errors a provisioning client must be told, and what the
// district's provisioning log keeps.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { districtWithToken, entraUser, patchOp, scimClient } from "@/lib/scim/test-support";
import { flushScimLog } from "@/lib/scim/request-log";
import { revokeScimToken } from "@/lib/scim/tokens";

const rosterUserOf = (sourcedId: string) => db().rosterUser.findFirstOrThrow({ where: { sourcedId } });
/** The district's provisioning log, newest first, as the Identity sync page reads it (after the rows still being batched). */
async function logOf(districtId: string) {
  await flushScimLog();
  return db().scimRequest.findMany({ where: { districtId }, orderBy: [{ at: "desc" }, { id: "desc" }], include: { token: { select: { name: true } } } });
}

describe("SCIM users", () => {
  it("answers Entra ID's Test Connection, a filter on a random userName, with 200 and an empty list", async () => {
    const { scim } = await districtWithToken();
    const answer = await scim("GET", `/Users?filter=${encodeURIComponent(`userName eq "${randomUUID()}"`)}`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toMatch(/^application\/scim\+json/);
    expect(answer.body).toEqual({ schemas: ["urn:ietf:params:scim:api:messages:2.0:ListResponse"], totalResults: 0, itemsPerPage: 0, startIndex: 1, Resources: [] });
  });

  it("creates, finds, updates, deactivates and deletes a person, keeping OneRoster in step", async () => {
    const { scim } = await districtWithToken();
    const created = await scim("POST", "/Users", entraUser("ada@school.test", { "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": { employeeNumber: "E-1" } }));
    expect(created.status).toBe(201);
    const id: string = created.body.id;
    expect(created.headers.get("location")).toBe(`http://localhost:3000/scim/v2/Users/${id}`);
    expect(created.headers.get("etag")).toBe('W/"1"');
    expect(created.body).toMatchObject({
      id,
      userName: "ada@school.test",
      externalId: "ext-ada@school.test",
      active: true,
      name: { givenName: "Ada", familyName: "Lovelace" },
      meta: { resourceType: "User", location: `http://localhost:3000/scim/v2/Users/${id}`, version: 'W/"1"' },
    });
    expect(created.body.schemas).toContain("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User");
    expect(await rosterUserOf(id)).toMatchObject({ username: "ada@school.test", givenName: "Ada", familyName: "Lovelace", email: "ada@school.test", identifier: "E-1", status: "active", enabledUser: true, role: "student" });

    const found = await scim("GET", `/Users?filter=${encodeURIComponent('userName eq "ADA@School.test"')}`);
    expect(found.body.totalResults).toBe(1);
    expect(found.body.Resources[0].id).toBe(id);

    const before = (await rosterUserOf(id)).dateLastModified;
    const patched = await scim(
      "PATCH",
      `/Users/${id}`,
      patchOp({ op: "Replace", path: 'emails[type eq "work"].value', value: "ada.lovelace@school.test" }, { op: "Replace", path: "name.familyName", value: "King" }),
    );
    expect(patched.status).toBe(200);
    expect(patched.body.meta.version).toBe('W/"2"');
    expect(patched.body.emails).toEqual([{ primary: true, type: "work", value: "ada.lovelace@school.test" }]);
    const afterPatch = await rosterUserOf(id);
    expect(afterPatch).toMatchObject({ email: "ada.lovelace@school.test", familyName: "King" });
    expect(afterPatch.dateLastModified.getTime()).toBeGreaterThanOrEqual(before.getTime());

    const replaced = await scim("PUT", `/Users/${id}`, entraUser("ada@school.test", { name: { givenName: "Augusta", familyName: "King" } }));
    expect(replaced.status).toBe(200);
    expect(replaced.body.name).toEqual({ givenName: "Augusta", familyName: "King" });
    expect(replaced.body["urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"]).toBeUndefined();
    expect(await rosterUserOf(id)).toMatchObject({ givenName: "Augusta", identifier: null });

    const deactivated = await scim("PATCH", `/Users/${id}`, patchOp({ op: "Replace", path: "active", value: "False" }));
    expect(deactivated.body.active).toBe(false);
    expect(await rosterUserOf(id)).toMatchObject({ status: "tobedeleted", enabledUser: false });
    expect((await scim("GET", `/Users/${id}`)).body.active).toBe(false);

    expect((await scim("DELETE", `/Users/${id}`)).status).toBe(204);
    const gone = await scim("GET", `/Users/${id}`);
    expect(gone.status).toBe(404);
    expect(gone.body).toMatchObject({ schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"], status: "404" });
    expect(await rosterUserOf(id)).toMatchObject({ status: "tobedeleted", enabledUser: false, username: "ada@school.test" });
  });

  it("refuses a second person with the same userName, whatever its case, with 409 uniqueness", async () => {
    const { scim } = await districtWithToken();
    expect((await scim("POST", "/Users", entraUser("grace@school.test"))).status).toBe(201);
    const duplicate = await scim("POST", "/Users", entraUser("Grace@School.TEST"));
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toEqual({ schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"], status: "409", scimType: "uniqueness", detail: expect.stringContaining("Grace@School.TEST") });
    expect(await db().rosterUser.count({ where: { username: { equals: "grace@school.test", mode: "insensitive" } } })).toBe(1);

    const other = await scim("POST", "/Users", entraUser("other@school.test"));
    const renamed = await scim("PATCH", `/Users/${other.body.id}`, patchOp({ op: "replace", path: "userName", value: "GRACE@school.test" }));
    expect(renamed.status).toBe(409);
    expect(renamed.body.scimType).toBe("uniqueness");
  });

  it("answers malformed requests with the RFC's errors, never a 500", async () => {
    const { scim } = await districtWithToken();
    const cases: [string, Promise<{ status: number; body: any }>, number, string | undefined][] = [
      ["broken JSON", scim("POST", "/Users", '{"userName": '), 400, "invalidSyntax"],
      ["no userName", scim("POST", "/Users", { schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"], displayName: "Nobody" }), 400, "invalidValue"],
      ["a list for a body", scim("POST", "/Users", "[]"), 400, "invalidSyntax"],
      ["active that is not a boolean", scim("POST", "/Users", entraUser("x@school.test", { active: "maybe" })), 400, "invalidValue"],
      ["a filter that cannot be read", scim("GET", `/Users?filter=${encodeURIComponent('userName eq "x" and')}`), 400, "invalidFilter"],
      ["an unknown id", scim("GET", `/Users/${randomUUID()}`), 404, undefined],
      ["an id that is no uuid", scim("PATCH", "/Users/not-an-id", patchOp({ op: "replace", path: "active", value: false })), 404, undefined],
      ["an unknown endpoint", scim("GET", "/Widgets"), 404, undefined],
      ["a body over 1 MB", scim("POST", "/Users", entraUser("big@school.test", { displayName: "x".repeat(1_100_000) })), 413, undefined],
      ["a form body", scim("POST", "/Users", "userName=x", { "content-type": "application/x-www-form-urlencoded" }), 415, undefined],
      ["DELETE on the collection", scim("DELETE", "/Users"), 405, undefined],
    ];
    for (const [name, answer, status, scimType] of cases) {
      const { status: actual, body } = await answer;
      expect({ name, status: actual, scimType: body?.scimType, statusText: body?.status }).toEqual({ name, status, scimType, statusText: String(status) });
    }
  });

  it("applies If-Match and If-None-Match with the resource's version", async () => {
    const { scim } = await districtWithToken();
    const { body } = await scim("POST", "/Users", entraUser("etag@school.test"));
    expect((await scim("GET", `/Users/${body.id}`, undefined, { "if-none-match": 'W/"1"' })).status).toBe(304);
    const stale = await scim("PATCH", `/Users/${body.id}`, patchOp({ op: "replace", path: "title", value: "Teacher" }), { "if-match": 'W/"7"' });
    expect(stale.status).toBe(412);
    const current = await scim("PATCH", `/Users/${body.id}`, patchOp({ op: "replace", path: "title", value: "Teacher" }), { "if-match": 'W/"1"' });
    expect(current.status).toBe(200);
    expect(current.headers.get("etag")).toBe('W/"2"');
  });

  it("pages with startIndex and count and trims resources to the attributes asked for", async () => {
    const { scim } = await districtWithToken();
    for (const name of ["c", "a", "e", "b", "d"]) await scim("POST", "/Users", entraUser(`${name}@school.test`));
    const page = await scim("GET", "/Users?startIndex=2&count=2&attributes=userName");
    expect(page.body.totalResults).toBe(5);
    expect(page.body.itemsPerPage).toBe(2);
    expect(page.body.startIndex).toBe(2);
    expect(page.body.Resources).toEqual([
      { schemas: expect.any(Array), id: expect.any(String), userName: "b@school.test" },
      { schemas: expect.any(Array), id: expect.any(String), userName: "c@school.test" },
    ]);
    const trimmed = await scim("GET", `/Users?filter=${encodeURIComponent('userName eq "a@school.test"')}&excludedAttributes=emails,name.givenName`);
    expect(trimmed.body.Resources[0].emails).toBeUndefined();
    expect(trimmed.body.Resources[0].name).toEqual({ formatted: "Ada Lovelace", familyName: "Lovelace" });
    expect((await scim("GET", "/Users?count=0")).body).toMatchObject({ totalResults: 5, Resources: [] });

    const pages = [];
    for (let startIndex = 1; startIndex <= 5; startIndex += 2) pages.push((await scim("GET", `/Users?startIndex=${startIndex}&count=2&attributes=userName`)).body);
    expect(pages.flatMap((one) => one.Resources.map((user: { userName: string }) => user.userName))).toEqual(["a", "b", "c", "d", "e"].map((name) => `${name}@school.test`));
    expect(pages.map((one) => one.totalResults)).toEqual([5, 5, 5]);
  });

  it("answers a page at any startIndex of a large district with the people at that position", async () => {
    const { scim, districtId } = await districtWithToken();
    // Written straight into the tables, as an identity provider's first sync would have made them.
    await db().$executeRaw`
      WITH people AS MATERIALIZED (
        SELECT n, gen_random_uuid() AS id, gen_random_uuid() AS "rosterId", 'person' || lpad(n::text, 5, '0') || '@school.test' AS "userName" FROM generate_series(1, 2500) AS n
      ), roster AS (
        INSERT INTO "RosterUser" (id, "districtId", "sourcedId", username, "givenName", "familyName", role, email, "agentSourcedIds", "orgSourcedIds", grades)
        SELECT "rosterId", ${districtId}::uuid, id::text, "userName", 'Given', 'Family', 'student', "userName", '{}', '{}', '{}' FROM people
      )
      INSERT INTO "ScimUser" (id, "districtId", "rosterUserId", "userName", "userNameKey", active, attributes, "updatedAt")
      SELECT id, ${districtId}::uuid, "rosterId", "userName", "userName", TRUE, jsonb_build_object('userName', "userName", 'active', TRUE), now() AT TIME ZONE 'UTC' FROM people`;
    const userNamesAt = async (startIndex: number, count = 3) => {
      const page = await scim("GET", `/Users?startIndex=${startIndex}&count=${count}&attributes=userName`);
      expect(page.body).toMatchObject({ totalResults: 2500, startIndex });
      return page.body.Resources.map((user: { userName: string }) => user.userName);
    };
    const person = (n: number) => `person${String(n).padStart(5, "0")}@school.test`;

    for (const startIndex of [2101, 999, 1000, 1001, 2000, 2001, 17, 2499]) {
      const count = startIndex === 2499 ? 2 : 3;
      expect(await userNamesAt(startIndex, count)).toEqual(Array.from({ length: count }, (_, index) => person(startIndex + index)));
    }
    // A person created after the district's first pages were served is found at their place.
    await scim("POST", "/Users", entraUser("person01500x@school.test"));
    expect((await scim("GET", "/Users?startIndex=1501&count=2&attributes=userName")).body.Resources.map((user: { userName: string }) => user.userName)).toEqual([
      "person01500x@school.test",
      person(1501),
    ]);
  });

  it("lets exactly one of two simultaneous creates of the same userName succeed", async () => {
    const { scim, districtId } = await districtWithToken();
    const answers = await Promise.all([scim("POST", "/Users", entraUser("twin@school.test")), scim("POST", "/Users", entraUser("TWIN@school.test"))]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
    expect(await db().rosterUser.count({ where: { districtId } })).toBe(1);
  });

  it("keeps each district's people to itself", async () => {
    const first = await districtWithToken();
    const second = await districtWithToken();
    const { body } = await first.scim("POST", "/Users", entraUser("shared@school.test"));
    expect((await second.scim("GET", `/Users/${body.id}`)).status).toBe(404);
    expect((await second.scim("PATCH", `/Users/${body.id}`, patchOp({ op: "replace", path: "active", value: false }))).status).toBe(404);
    expect((await second.scim("DELETE", `/Users/${body.id}`)).status).toBe(404);
    expect((await second.scim("GET", "/Users")).body.totalResults).toBe(0);
    // The same userName is free in another district.
    expect((await second.scim("POST", "/Users", entraUser("shared@school.test"))).status).toBe(201);
    expect((await first.scim("GET", `/Users/${body.id}`)).body.active).toBe(true);
  });

  it("refuses a revoked token on the next request, and logs it for the token's district without the token", async () => {
    const { scim, districtId, tokenId, token } = await districtWithToken();
    expect((await scim("GET", "/Users")).status).toBe(200);
    await revokeScimToken(districtId, tokenId);
    const refused = await scim("GET", "/Users");
    expect(refused.status).toBe(401);
    expect(refused.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(refused.body).toMatchObject({ status: "401" });
    expect((await scimClient(null)("GET", "/Users")).status).toBe(401);
    expect((await scimClient("rc_scim_unknown")("GET", "/Users")).status).toBe(401);

    const log = await logOf(districtId);
    expect(log.map((row) => [row.operation, row.status, row.token?.name])).toEqual([
      ["list", 401, "Entra ID"],
      ["list", 200, "Entra ID"],
    ]);
    const stored = JSON.stringify(log, (_key, value) => (typeof value === "bigint" ? String(value) : value));
    expect(stored).not.toContain(token);
  });

  it("logs every request with its outcome, the person it was about and the reason of a failure", async () => {
    const { scim, districtId } = await districtWithToken();
    const { body } = await scim("POST", "/Users", entraUser("log@school.test"));
    await scim("POST", "/Users", entraUser("LOG@school.test"));
    await scim("PATCH", `/Users/${body.id}`, patchOp({ op: "replace", path: "active", value: false }));
    await scim("DELETE", `/Users/${body.id}`);

    const rows = await logOf(districtId);
    expect(rows.map(({ operation, resourceType, userName, status, outcome, effect }) => ({ operation, resourceType, userName, status, outcome, effect }))).toEqual([
      { operation: "delete", resourceType: "User", userName: "log@school.test", status: 204, outcome: "success", effect: "deleted" },
      { operation: "update", resourceType: "User", userName: "log@school.test", status: 200, outcome: "success", effect: "deactivated" },
      { operation: "create", resourceType: "User", userName: "LOG@school.test", status: 409, outcome: "failure", effect: null },
      { operation: "create", resourceType: "User", userName: "log@school.test", status: 201, outcome: "success", effect: "created" },
    ]);
    expect(rows[2]!.error).toMatch(/^uniqueness: /);
    expect(rows[3]!.externalId).toBe("ext-log@school.test");
    expect(rows.every((row) => row.latencyMs >= 0 && row.tokenId !== null)).toBe(true);
  });
});
