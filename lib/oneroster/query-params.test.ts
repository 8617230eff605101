// Query parameters to a query plan, without a database: limits, sorting, field selection, and
// filters turned into Prisma `where` objects (or refused) by the field's type.
import { describe, expect, it } from "vitest";
import { OneRosterError } from "./errors";
import { ENTITY_FIELDS, type Fields } from "./fields";
import { parseFilter } from "./filter";
import { MAX_LIMIT, parseListQuery } from "./query-params";
import { filterToSql } from "./where";

const users: Fields = ENTITY_FIELDS.user;
const plan = (query: string, fields = users) => parseListQuery(new URLSearchParams(query), fields);
const where = (filter: string, fields = users) => {
  const condition = filterToSql(parseFilter(filter), fields);
  return { text: condition.text, values: condition.values };
};

function refusal(run: () => unknown): { status: number; codeMinor: string; description: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof OneRosterError) return { status: error.status, codeMinor: error.codeMinor, description: error.description };
    throw error;
  }
  throw new Error("no error");
}

describe("limit and offset", () => {
  it("defaults to the first 100 rows in sourcedId order", () => {
    expect(plan("")).toEqual({ limit: 100, offset: 0, orderBy: [{ column: "sourcedId", direction: "asc" }], fields: null, where: null });
    expect(plan("filter=").where).toBeNull();
  });

  it("clamps a limit above the maximum", () => {
    expect(plan("limit=5000").limit).toBe(MAX_LIMIT);
    expect(plan("limit=1000&offset=2000")).toMatchObject({ limit: 1000, offset: 2000 });
    expect(plan(`limit=${"9".repeat(400)}`).limit).toBe(MAX_LIMIT);
  });

  it.each(["limit=0", "limit=-1", "limit=ten", "limit=1.5", "offset=-5", "offset=x", `offset=${"9".repeat(20)}`])("refuses %s as invaliddata", (query) => {
    expect(refusal(() => plan(query))).toMatchObject({ status: 400, codeMinor: "invaliddata" });
  });
});

describe("sort and orderBy", () => {
  it("sorts by the field's column, then by sourcedId so that pages are stable", () => {
    expect(plan("sort=familyName&orderBy=desc").orderBy).toEqual([
      { column: "familyName", direction: "desc" },
      { column: "sourcedId", direction: "asc" },
    ]);
    expect(plan("sort=dateLastModified").orderBy[0]).toEqual({ column: "dateLastModified", direction: "asc" });
    expect(plan("sort=school.sourcedId", ENTITY_FIELDS.enrollment).orderBy[0]).toEqual({ column: "schoolSourcedId", direction: "asc" });
    expect(plan("orderBy=DESC").orderBy).toEqual([{ column: "sourcedId", direction: "desc" }]);
  });

  it.each(["sort=nickname", "sort=grades", "sort=metadata", "sort=orgs", "sort=userIds", "orderBy=up"])("refuses %s as invalid_sort_field", (query) => {
    const answer = refusal(() => plan(query));
    expect(answer).toMatchObject({ status: 400, codeMinor: "invalid_sort_field" });
    expect(answer.description).toMatch(/nickname|grades|metadata|orgs|userIds|up/);
  });
});

describe("fields", () => {
  it("keeps the listed fields, trimmed and without repeats", () => {
    expect(plan("fields=givenName, familyName,givenName,").fields).toEqual(["givenName", "familyName"]);
    expect(plan("fields=").fields).toBeNull();
  });

  it("refuses unknown fields by name as invalid_selection_field", () => {
    const answer = refusal(() => plan("fields=givenName,nickname,password"));
    expect(answer).toMatchObject({ status: 400, codeMinor: "invalid_selection_field" });
    expect(answer.description).toContain("'nickname', 'password'");
  });
});

describe("filters to SQL conditions with bound values", () => {
  it("compares text fields with every operator; ~ is a case-insensitive contains", () => {
    expect(where("familyName='Hopper'")).toEqual({ text: '"familyName" = $1', values: ["Hopper"] });
    expect(where("familyName!='Hopper'")).toEqual({ text: '"familyName" IS DISTINCT FROM $1', values: ["Hopper"] });
    expect(where("familyName>'H'").text).toBe('"familyName" > $1');
    expect(where("familyName>='H'").text).toBe('"familyName" >= $1');
    expect(where("familyName<'H'").text).toBe('"familyName" < $1');
    expect(where("familyName<='H'").text).toBe('"familyName" <= $1');
    expect(where("familyName~'50%_off\\'")).toEqual({ text: '"familyName" ILIKE $1', values: ["%50\\%\\_off\\\\%"] });
  });

  it("never puts a value into the SQL text", () => {
    const hostile = where(`familyName='x"; DROP TABLE "RosterUser"; --' OR givenName~'x'' OR ''1''=''1'`);
    expect(hostile.text).toBe('("familyName" = $1 OR "givenName" ILIKE $2)');
    expect(hostile.values).toEqual(['x"; DROP TABLE "RosterUser"; --', "%x' OR '1'='1%"]);
  });

  it("decides enum predicates itself and sends the matching values, so a bad value is no database error", () => {
    expect(where("role='student'")).toEqual({ text: '"role" IN (CAST($1 AS "RosterRole"))', values: ["student"] });
    expect(where("role='pupil'")).toEqual({ text: "FALSE", values: [] });
    expect(where("status!='active'").values).toEqual(["tobedeleted"]);
    expect(where("role~'TEACH'").values).toEqual(["teacher"]);
    expect(where("role>'s'").values).toEqual(["student", "teacher"]);
  });

  it("reads dates and date-times as UTC, and refuses anything else", () => {
    expect(where("dateLastModified>'2026-08-01T12:00:00Z'")).toEqual({ text: '"dateLastModified" > CAST($1 AS timestamp)', values: ["2026-08-01T12:00:00.000"] });
    expect(where("dateLastModified>='2026-08-01'").values).toEqual(["2026-08-01T00:00:00.000"]);
    expect(where("dateLastModified<'2026-08-01T14:00:00+02:00'").values).toEqual(["2026-08-01T12:00:00.000"]);
    expect(where("startDate<='2026-09-01'", ENTITY_FIELDS.academicSession)).toEqual({ text: '"startDate" <= CAST($1 AS date)', values: ["2026-09-01"] });
    for (const bad of ["dateLastModified>'yesterday'", "dateLastModified>'2026-13-01'", "dateLastModified>'2026-08-01T12:00:00'", "dateLastModified>'2026-02-30T12:00:00Z'", "startDate='2026-02-30'"]) {
      expect(refusal(() => where(bad, ENTITY_FIELDS.academicSession))).toMatchObject({ status: 400, codeMinor: "invalid_filter_field" });
    }
    expect(refusal(() => where("dateLastModified~'2026'")).description).toContain("~");
  });

  it("reads true/false fields", () => {
    expect(where("enabledUser='false'")).toEqual({ text: '"enabledUser" = $1', values: [false] });
    expect(where("enabledUser!='true'")).toEqual({ text: '"enabledUser" IS DISTINCT FROM $1', values: [true] });
    expect(refusal(() => where("enabledUser='yes'")).description).toContain("'true' or 'false'");
    expect(refusal(() => where("enabledUser>'false'")).description).toContain("Only = and !=");
  });

  it("treats = on a list as 'contains this element', including references' sourcedIds", () => {
    expect(where("grades='09'")).toEqual({ text: '$1 = ANY("grades")', values: ["09"] });
    expect(where("orgs.sourcedId='sch-1'")).toEqual({ text: '$1 = ANY("orgSourcedIds")', values: ["sch-1"] });
    expect(where("grades!='09'").text).toBe('($1 = ANY("grades")) IS NOT TRUE');
    expect(refusal(() => where("grades~'0'")).description).toContain("list field");
    expect(where("school.sourcedId='sch-1'", ENTITY_FIELDS.enrollment)).toEqual({ text: '"schoolSourcedId" = $1', values: ["sch-1"] });
  });

  it("combines predicates with AND inside OR", () => {
    expect(where("role='student' AND grades='09' OR familyName='Dijkstra'").text).toBe(
      '(("role" IN (CAST($1 AS "RosterRole")) AND $2 = ANY("grades")) OR "familyName" = $3)',
    );
  });

  it("refuses unknown and unfilterable fields by name", () => {
    expect(refusal(() => where("nickname='x'"))).toEqual({ status: 400, codeMinor: "invalid_filter_field", description: "Unknown filter field 'nickname'." });
    expect(refusal(() => where("orgs='sch-1'")).description).toContain("use orgs.sourcedId");
    expect(refusal(() => where("orgs.name='x'")).description).toContain("'orgs.name'");
    expect(refusal(() => where("metadata='x'")).description).toContain("cannot be filtered");
    expect(refusal(() => where("constructor='x'")).description).toContain("Unknown filter field");
  });
});
