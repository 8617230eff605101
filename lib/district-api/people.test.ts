// POST /api/district/v1/people against a real PostgreSQL, through the route handler: the
// answers a district's system sees, and what reaches the roster.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { districtWithToken, student } from "@/lib/district-api/test-support";

const peopleOf = (districtId: string) =>
  db().rosterUser.findMany({ where: { districtId }, orderBy: { netid: "asc" }, select: { netid: true, givenName: true, status: true, graduationYear: true, source: true } });

describe("POST /api/district/v1/people: shape and size", () => {
  it("refuses a body that is not JSON, not sent as JSON, or too large, and stores nothing", async () => {
    const { districtId, send } = await districtWithToken();
    const cases: [unknown, Record<string, string>, number, string][] = [
      [student(1), { "content-type": "text/csv" }, 415, "Content-Type: application/json"],
      [JSON.stringify(student(1)), { "content-type": "" }, 415, "Content-Type: application/json"],
      ['{"email": "a@b.test",}', {}, 400, "not valid UTF-8 JSON"],
      ["", {}, 400, "not valid UTF-8 JSON"],
      [`{"people": [${JSON.stringify(student(1, { first_name: "x".repeat(3 * 1024 * 1024) }))}]}`, {}, 413, "larger than 2 MB"],
      [[student(1)], {}, 400, 'as {"people": [ … ]}'],
      ["42", {}, 400, "one person as a JSON object"],
      [{ people: [] }, {}, 400, "empty"],
      [{ people: student(1) }, {}, 400, "must be an array"],
      [{ people: [student(1)], dryRun: true }, {}, 400, "“dryRun”"],
    ];
    for (const [body, headers, status, message] of cases) {
      const answer = await send(body, headers);
      expect(answer.status, message).toBe(status);
      expect(answer.body.error.message).toContain(message);
    }
    expect(await db().rosterUser.count({ where: { districtId } })).toBe(0);
    expect(await db().rosterImport.count({ where: { districtId } })).toBe(0);
  });

  it("takes at most 1,000 people a request and says to send batches", async () => {
    const { districtId, send } = await districtWithToken();
    const answer = await send({ people: Array.from({ length: 1_001 }, (_, n) => student(n)) });
    expect(answer.status).toBe(413);
    expect(answer.body.error).toEqual({ code: "too_many_people", message: expect.stringContaining("at most 1,000 people; this one has 1,001") });
    expect(await db().rosterUser.count({ where: { districtId } })).toBe(0);

    const full = await send({ people: Array.from({ length: 1_000 }, (_, n) => student(n)) });
    expect(full.status).toBe(200);
    expect(full.body.summary).toEqual({ total: 1_000, created: 1_000, updated: 0, unchanged: 0, conflict: 0, error: 0 });
  });
});

describe("POST /api/district/v1/people: upserting", () => {
  it("creates one person sent as a bare object, and answers with its sourcedId and the import", async () => {
    const { districtId, tokenId, send } = await districtWithToken();
    const answer = await send(student(1, { graduation_year: 2031 }));
    expect(answer.status).toBe(200);
    const [person] = await db().rosterUser.findMany({ where: { districtId } });
    expect(answer.body).toEqual({
      importId: expect.any(String),
      results: [{ index: 0, outcome: "created", matchedBy: null, sourcedId: person!.sourcedId, errors: [] }],
      summary: { total: 1, created: 1, updated: 0, unchanged: 0, conflict: 0, error: 0 },
    });
    expect(person).toMatchObject({ netid: "S00001", email: "student1@district.test", givenName: "Given1", role: "student", graduationYear: 2031, source: "api" });
    expect(await db().rosterImport.findUniqueOrThrow({ where: { id: answer.body.importId } })).toMatchObject({ districtId, channel: "api", tokenId });
  });

  it("changes nothing when the same request is sent again", async () => {
    const { districtId, send } = await districtWithToken();
    const body = { people: [student(1), student(2, { grade: "5", graduation_year: "2033" }), student(3)] };
    const first = await send(body);
    expect(first.body.results.map((result: { outcome: string }) => result.outcome)).toEqual(["created", "created", "created"]);
    const before = await db().rosterUser.findMany({ where: { districtId }, orderBy: { netid: "asc" } });

    const again = await send(body);
    expect(again.status).toBe(200);
    expect(again.body.summary).toMatchObject({ total: 3, unchanged: 3 });
    expect(again.body.results).toEqual(first.body.results.map((result: object) => ({ ...result, outcome: "unchanged", matchedBy: "netid" })));
    expect(await db().rosterUser.findMany({ where: { districtId }, orderBy: { netid: "asc" } })).toEqual(before);
  });

  it("updates only the fields sent, deactivates with status inactive, and reactivates a person sent again", async () => {
    const { districtId, send } = await districtWithToken();
    await send({ people: [student(1), student(2)] });

    const answer = await send({ people: [{ email: "STUDENT1@district.test", first_name: "Ada" }, { netid: "S00002", status: "inactive" }] });
    expect(answer.body.results).toEqual([
      expect.objectContaining({ index: 0, outcome: "updated", matchedBy: "email", errors: [] }),
      expect.objectContaining({ index: 1, outcome: "updated", matchedBy: "netid", errors: [] }),
    ]);
    expect(await peopleOf(districtId)).toEqual([
      { netid: "S00001", givenName: "Ada", status: "active", graduationYear: null, source: "api" },
      { netid: "S00002", givenName: "Given2", status: "tobedeleted", graduationYear: null, source: "api" },
    ]);

    const back = await send({ netid: "S00002", graduation_year: 2030 });
    expect(back.body.results[0]).toMatchObject({ outcome: "updated", matchedBy: "netid" });
    expect((await peopleOf(districtId))[1]).toMatchObject({ status: "active", graduationYear: 2030 });
  });

  it("answers every item in request order: one item's errors do not stop the others", async () => {
    const { districtId, send } = await districtWithToken();
    const answer = await send({
      people: [
        student(1),
        student(2, { nickname: "Jo", pronouns: "they" }),
        student(3, { email: "not-an-address" }),
        "student4@district.test",
        student(5, { netid: 12345 }),
        student(6),
      ],
    });
    expect(answer.status).toBe(200);
    const [created1, unknown, badEmail, notObject, numericId, created6] = answer.body.results;
    expect(created1).toMatchObject({ index: 0, outcome: "created" });
    expect(unknown).toEqual({
      index: 1,
      outcome: "error",
      matchedBy: null,
      sourcedId: null,
      errors: [
        { field: "nickname", message: expect.stringContaining("Unknown property “nickname”") },
        { field: "pronouns", message: expect.stringContaining("Unknown property “pronouns”") },
      ],
    });
    expect(badEmail).toMatchObject({ index: 2, outcome: "error", errors: [{ field: "email", message: expect.stringContaining("not an email address") }] });
    expect(notObject).toMatchObject({ index: 3, outcome: "error", errors: [{ field: null, message: expect.stringContaining("must be a JSON object") }] });
    expect(numericId).toMatchObject({ index: 4, outcome: "error", errors: [{ field: "netid", message: expect.stringContaining("netid must be a string") }] });
    expect(created6).toMatchObject({ index: 5, outcome: "created" });
    expect(answer.body.summary).toEqual({ total: 6, created: 2, updated: 0, unchanged: 0, conflict: 0, error: 4 });
    expect((await peopleOf(districtId)).map((person) => person.netid)).toEqual(["S00001", "S00006"]);
  });

  it("records a request whose every item is refused in the import history, with the errors counted", async () => {
    const { districtId, send } = await districtWithToken();
    const answer = await send({ first_name: "Ada", nickname: "Ace" });
    expect(answer.status).toBe(200);
    expect(answer.body.results).toEqual([{ index: 0, outcome: "error", matchedBy: null, sourcedId: null, errors: [{ field: "nickname", message: expect.stringContaining("nickname") }] }]);
    const recorded = await db().rosterImport.findUniqueOrThrow({ where: { id: answer.body.importId } });
    expect(recorded).toMatchObject({ districtId, channel: "api", status: "completed", rowsTotal: 1, counts: expect.objectContaining({ error: 1, create: 0 }) });
    expect(await db().rosterUser.count({ where: { districtId } })).toBe(0);
  });
});
