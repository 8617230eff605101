// The Data API's collections and single records against a real PostgreSQL: shapes, paging
// headers, sort, fields, every filter operator, and districts kept apart.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { codeMinorOf, createRosterDistrict, getAs, idsOf } from "./test-fixtures";

const API = "http://localhost:3000/ims/oneroster/v1p1";
let districtId: string;
let otherDistrictId: string;

beforeAll(async () => {
  districtId = (await createRosterDistrict("Springfield")).id;
  otherDistrictId = (await createRosterDistrict("Shelbyville")).id;
  // A row only the other district has.
  await db().rosterUser.create({
    data: { districtId: otherDistrictId, sourcedId: "stu-only-there", role: "student", username: "x", givenName: "X", familyName: "Y" },
  });
});

describe("collections", () => {
  it.each([
    ["/academicSessions", "academicSessions", ["gp-1", "gp-2", "gp-3", "sem-1", "sy-2027", "term-fall", "term-spring"]],
    ["/terms", "academicSessions", ["sem-1", "term-fall", "term-spring"]],
    ["/gradingPeriods", "academicSessions", ["gp-1", "gp-2", "gp-3"]],
    ["/classes", "classes", ["cls-art-1", "cls-art-2", "cls-math-1"]],
    ["/courses", "courses", ["crs-art", "crs-math"]],
    ["/demographics", "demographics", ["stu-1", "stu-2"]],
    ["/enrollments", "enrollments", ["enr-1", "enr-2", "enr-3", "enr-4", "enr-5", "enr-6", "enr-7", "enr-8"]],
    ["/orgs", "orgs", ["org-district", "sch-1", "sch-2"]],
    ["/schools", "orgs", ["sch-1", "sch-2"]],
    ["/users", "users", ["adm-1", "par-1", "stu-1", "stu-2", "stu-3", "stu-4", "tch-1", "tch-2"]],
    ["/students", "users", ["stu-1", "stu-2", "stu-3", "stu-4"]],
    ["/teachers", "users", ["tch-1", "tch-2"]],
  ])("%s lists the district's rows under %j, in sourcedId order, with X-Total-Count", async (path, key, ids) => {
    const answer = await getAs(districtId, path);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toBe("application/json");
    expect(idsOf(answer, key)).toEqual(ids);
    expect(answer.headers.get("x-total-count")).toBe(String(ids.length));
  });

  it("shows a user in OneRoster 1.1's shape, with GUIDRefs and string booleans", async () => {
    const answer = await getAs(districtId, "/users/stu-1");
    expect(answer.body).toEqual({
      user: {
        sourcedId: "stu-1",
        status: "active",
        dateLastModified: "2026-08-01T12:00:00.000Z",
        username: "stu-1@springfield",
        userIds: [{ type: "SIS", identifier: "1001" }],
        enabledUser: "true",
        givenName: "Ada",
        familyName: "Lovelace",
        middleName: "Augusta",
        role: "student",
        identifier: "1001",
        email: "ada@example.org",
        agents: [{ href: `${API}/users/par-1`, sourcedId: "par-1", type: "user" }],
        orgs: [{ href: `${API}/orgs/sch-1`, sourcedId: "sch-1", type: "org" }],
        grades: ["09"],
      },
    });
  });

  it("keeps any text exact and percent-encodes sourcedIds in hrefs", async () => {
    const awkwardId = `odd id/ä€ 🙂?#&'"`;
    const awkwardName = `O'Brien "Bo" \\ back\nslash\ttab 🙂 <b>`;
    await db().rosterUser.create({
      data: { districtId, sourcedId: awkwardId, role: "guardian", username: awkwardName, givenName: awkwardName, familyName: "Ünal", orgSourcedIds: [awkwardId], metadata: { note: "a \"quoted\" value", nested: { n: null } } },
    });
    const answer = await getAs(districtId, `/users/${encodeURIComponent(awkwardId)}`);
    const user = answer.body.user as Record<string, unknown>;
    expect(user).toMatchObject({ sourcedId: awkwardId, username: awkwardName, givenName: awkwardName, familyName: "Ünal", metadata: { note: "a \"quoted\" value", nested: { n: null } } });
    expect(user.orgs).toEqual([{ href: `${API}/orgs/${encodeURIComponent(awkwardId)}`, sourcedId: awkwardId, type: "org" }]);
    // Fields come in the specification's order; those without a value are left out.
    expect(Object.keys(user)).toEqual(["sourcedId", "status", "dateLastModified", "metadata", "username", "userIds", "enabledUser", "givenName", "familyName", "role", "agents", "orgs", "grades"]);
    await db().rosterUser.delete({ where: { districtId_sourcedId: { districtId, sourcedId: awkwardId } } });
  });

  it("shows orgs with their parent, children and metadata", async () => {
    const district = await getAs(districtId, "/orgs/org-district");
    expect(district.body.org).toEqual({
      sourcedId: "org-district",
      status: "active",
      dateLastModified: "2026-08-01T12:00:00.000Z",
      name: "Springfield",
      type: "district",
      children: [
        { href: `${API}/orgs/sch-1`, sourcedId: "sch-1", type: "org" },
        { href: `${API}/orgs/sch-2`, sourcedId: "sch-2", type: "org" },
      ],
    });
    const school = await getAs(districtId, "/schools/sch-1");
    expect(school.body.org).toMatchObject({
      identifier: "N1",
      metadata: { campus: "north" },
      parent: { href: `${API}/orgs/org-district`, sourcedId: "org-district", type: "org" },
      children: [],
    });
  });

  it("shows academic sessions with YYYY-MM-DD dates, parent, children and school year", async () => {
    const answer = await getAs(districtId, "/terms/term-fall");
    expect(answer.body.academicSession).toEqual({
      sourcedId: "term-fall",
      status: "active",
      dateLastModified: "2026-08-01T12:00:00.000Z",
      title: "Fall",
      startDate: "2026-08-20",
      endDate: "2026-12-18",
      type: "term",
      parent: { href: `${API}/academicSessions/sy-2027`, sourcedId: "sy-2027", type: "academicSession" },
      children: [
        { href: `${API}/academicSessions/gp-1`, sourcedId: "gp-1", type: "academicSession" },
        { href: `${API}/academicSessions/gp-2`, sourcedId: "gp-2", type: "academicSession" },
      ],
      schoolYear: "2027",
    });
  });

  it("shows courses, classes, enrollments and demographics in their shapes", async () => {
    expect((await getAs(districtId, "/courses/crs-math")).body.course).toEqual({
      sourcedId: "crs-math",
      status: "active",
      dateLastModified: "2026-08-01T12:00:00.000Z",
      title: "Algebra I",
      schoolYear: { href: `${API}/academicSessions/sy-2027`, sourcedId: "sy-2027", type: "academicSession" },
      courseCode: "MATH1",
      grades: ["09", "10"],
      subjects: ["Math"],
      org: { href: `${API}/orgs/sch-1`, sourcedId: "sch-1", type: "org" },
      subjectCodes: ["02052"],
    });
    expect((await getAs(districtId, "/classes/cls-art-2")).body.class).toEqual({
      sourcedId: "cls-art-2",
      status: "active",
      dateLastModified: "2026-08-01T12:00:00.000Z",
      title: "Homeroom 7B",
      classType: "homeroom",
      grades: ["07"],
      subjects: [],
      course: { href: `${API}/courses/crs-art`, sourcedId: "crs-art", type: "course" },
      school: { href: `${API}/orgs/sch-2`, sourcedId: "sch-2", type: "org" },
      terms: [
        { href: `${API}/academicSessions/term-fall`, sourcedId: "term-fall", type: "academicSession" },
        { href: `${API}/academicSessions/sem-1`, sourcedId: "sem-1", type: "academicSession" },
      ],
      subjectCodes: [],
      periods: [],
    });
    expect((await getAs(districtId, "/enrollments/enr-1")).body.enrollment).toEqual({
      sourcedId: "enr-1",
      status: "active",
      dateLastModified: "2026-08-01T12:00:00.000Z",
      user: { href: `${API}/users/stu-1`, sourcedId: "stu-1", type: "user" },
      class: { href: `${API}/classes/cls-math-1`, sourcedId: "cls-math-1", type: "class" },
      school: { href: `${API}/orgs/sch-1`, sourcedId: "sch-1", type: "org" },
      role: "student",
      primary: "false",
      beginDate: "2026-08-20",
      endDate: "2026-12-18",
    });
    expect((await getAs(districtId, "/demographics/stu-1")).body.demographics).toEqual({
      sourcedId: "stu-1",
      status: "active",
      dateLastModified: "2026-08-01T12:00:00.000Z",
      birthDate: "2011-12-10",
      sex: "female",
      white: "true",
      hispanicOrLatinoEthnicity: "false",
      cityOfBirth: "London",
    });
  });
});

describe("single records that are not there", () => {
  it.each([
    ["/users/nobody", "user"],
    ["/students/tch-1", "student"],
    ["/teachers/stu-1", "teacher"],
    ["/schools/org-district", "school"],
    ["/terms/sy-2027", "term"],
    ["/gradingPeriods/term-fall", "grading period"],
    ["/classes/cls-none", "class"],
  ])("%s is 404 unknownobject", async (path, noun) => {
    const answer = await getAs(districtId, path);
    expect(answer.status).toBe(404);
    expect(codeMinorOf(answer)).toBe("unknownobject");
    expect(answer.body.statusInfoSet).toEqual([expect.objectContaining({ imsx_codeMajor: "failure", imsx_severity: "error", imsx_description: expect.stringContaining(noun) })]);
  });

  it("answers 404 for an unknown endpoint or a malformed path", async () => {
    expect((await getAs(districtId, "/lineItems")).status).toBe(404);
    expect((await getAs(districtId, "/users/stu-1/grades")).status).toBe(404);
    expect((await getAs(districtId, "/users/%E0%A4%A")).status).toBe(404);
  });
});

describe("districts are kept apart", () => {
  it("never shows another district's rows, even with the same sourcedIds", async () => {
    const mine = await getAs(districtId, "/schools/sch-1");
    const theirs = await getAs(otherDistrictId, "/schools/sch-1");
    expect(mine.body.org).toMatchObject({ name: "Springfield North High" });
    expect(theirs.body.org).toMatchObject({ name: "Shelbyville North High" });
    const users = await getAs(districtId, "/users?filter=username~'shelbyville'");
    expect(users.headers.get("x-total-count")).toBe("0");
  });

  it("answers 404 for a sourcedId only another district has", async () => {
    expect((await getAs(districtId, "/students/stu-only-there")).status).toBe(404);
    expect((await getAs(districtId, "/students/stu-only-there/classes")).status).toBe(404);
    expect(idsOf(await getAs(districtId, "/students?filter=sourcedId='stu-only-there'"), "users")).toEqual([]);
    expect((await getAs(otherDistrictId, "/students/stu-only-there")).status).toBe(200);
  });
});

describe("query parameters", () => {
  it("pages with limit and offset, with X-Total-Count and Link", async () => {
    const answer = await getAs(districtId, "/users?limit=3&offset=3&fields=sourcedId");
    expect(idsOf(answer, "users")).toEqual(["stu-2", "stu-3", "stu-4"]);
    expect(answer.headers.get("x-total-count")).toBe("8");
    const links = answer.headers.get("link")!;
    expect(links).toContain(`<${API}/users?limit=3&offset=6&fields=sourcedId>; rel="next"`);
    expect(links).toContain(`<${API}/users?limit=3&offset=0&fields=sourcedId>; rel="prev"`);
    expect(links).toContain(`<${API}/users?limit=3&offset=6&fields=sourcedId>; rel="last"`);
  });

  it("clamps a limit over 1000 and says so in the Link header", async () => {
    const answer = await getAs(districtId, "/users?limit=100000");
    expect(idsOf(answer, "users")).toHaveLength(8);
    expect(answer.headers.get("link")).toContain("limit=1000&offset=0");
  });

  it("sorts by any scalar field, either way, with sourcedId breaking ties", async () => {
    expect(idsOf(await getAs(districtId, "/students?sort=familyName"), "users")).toEqual(["stu-2", "stu-4", "stu-1", "stu-3"]);
    expect(idsOf(await getAs(districtId, "/students?sort=familyName&orderBy=desc"), "users")).toEqual(["stu-3", "stu-1", "stu-4", "stu-2"]);
    expect(idsOf(await getAs(districtId, "/students?sort=dateLastModified&orderBy=desc"), "users")).toEqual(["stu-3", "stu-1", "stu-2", "stu-4"]);
    expect(idsOf(await getAs(districtId, "/enrollments?sort=class.sourcedId&limit=3"), "enrollments")).toEqual(["enr-5", "enr-6", "enr-7"]);
  });

  it("shows only the fields asked for, in lists and single records", async () => {
    const list = await getAs(districtId, "/teachers?fields=givenName,familyName");
    expect(list.body.users).toEqual([
      { givenName: "Edsger", familyName: "Dijkstra" },
      { givenName: "Barbara", familyName: "Liskov" },
    ]);
    const one = await getAs(districtId, "/orgs/org-district?fields=children");
    expect(one.body.org).toEqual({ children: [expect.objectContaining({ sourcedId: "sch-1" }), expect.objectContaining({ sourcedId: "sch-2" })] });
  });

  it.each([
    ["familyName='Hopper'", ["stu-2"]],
    ["familyName!='Hopper'", ["stu-1", "stu-3", "stu-4"]],
    ["familyName>'J'", ["stu-1", "stu-3", "stu-4"]],
    ["familyName>='Johnson'", ["stu-1", "stu-3", "stu-4"]],
    ["familyName<'J'", ["stu-2"]],
    ["familyName<='Johnson'", ["stu-2", "stu-4"]],
    ["familyName~'OVE'", ["stu-1"]],
    ["email!='ada@example.org'", ["stu-2", "stu-3", "stu-4"]],
    ["status='tobedeleted'", ["stu-4"]],
    ["enabledUser='false'", ["stu-3"]],
    ["grades='09'", ["stu-1", "stu-2"]],
    ["orgs.sourcedId='sch-2'", ["stu-4"]],
    ["dateLastModified>'2026-08-01T12:00:00Z'", ["stu-3"]],
    ["dateLastModified>='2026-08-01T12:00:00.000Z' AND grades='09'", ["stu-1", "stu-2"]],
    ["grades='07' OR familyName='Turing'", ["stu-3", "stu-4"]],
    ["role='teacher'", []],
    ["username~'o''brien'", []],
  ])("filters students by %s", async (filter, ids) => {
    const answer = await getAs(districtId, `/students?filter=${encodeURIComponent(filter)}`);
    expect(idsOf(answer, "users")).toEqual(ids);
    expect(answer.headers.get("x-total-count")).toBe(String(ids.length));
  });

  it("filters by dates and references on other collections", async () => {
    expect(idsOf(await getAs(districtId, `/terms?filter=${encodeURIComponent("startDate>'2026-12-01'")}`), "academicSessions")).toEqual(["term-spring"]);
    expect(idsOf(await getAs(districtId, `/gradingPeriods?filter=${encodeURIComponent("parent.sourcedId='term-fall'")}`), "academicSessions")).toEqual(["gp-1", "gp-2"]);
    expect(idsOf(await getAs(districtId, `/enrollments?filter=${encodeURIComponent("primary='true'")}`), "enrollments")).toEqual(["enr-4", "enr-8"]);
    expect(idsOf(await getAs(districtId, `/classes?filter=${encodeURIComponent("terms.sourcedId='sem-1'")}`), "classes")).toEqual(["cls-art-2"]);
    expect(idsOf(await getAs(districtId, `/demographics?filter=${encodeURIComponent("birthDate<'2011-12-10'")}`), "demographics")).toEqual(["stu-2"]);
    expect(idsOf(await getAs(districtId, `/classes?filter=${encodeURIComponent("periods!='1'")}`), "classes")).toEqual(["cls-art-1", "cls-art-2"]);
  });

  it.each([
    ["/users?filter=nickname%3D'x'", "invalid_filter_field", "nickname"],
    ["/users?filter=role%3Dstudent", "invalid_filter_field", "single quotes"],
    ["/users?filter=dateLastModified%3E'soon'", "invalid_filter_field", "ISO 8601"],
    ["/users?fields=givenName,shoeSize", "invalid_selection_field", "shoeSize"],
    ["/users?sort=shoeSize", "invalid_sort_field", "shoeSize"],
    ["/users?offset=-1", "invaliddata", "offset"],
    ["/users/stu-1?fields=shoeSize", "invalid_selection_field", "shoeSize"],
  ])("answers %s with 400 %s naming the problem", async (path, codeMinor, named) => {
    const answer = await getAs(districtId, path);
    expect(answer.status).toBe(400);
    expect(codeMinorOf(answer)).toBe(codeMinor);
    expect(JSON.stringify(answer.body)).toContain(named);
  });
});
