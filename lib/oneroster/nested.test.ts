// The nested endpoints of the rostering service against a real PostgreSQL: which rows each
// lists, 404 for parents that are missing, of the wrong kind or another district's, and the
// same paging, filtering and headers as the plain collections.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ENDPOINTS } from "./endpoints";
import { codeMinorOf, createRosterDistrict, getAs, idsOf } from "./test-fixtures";

let districtId: string;

beforeAll(async () => {
  districtId = (await createRosterDistrict("Springfield")).id;
  const other = await createRosterDistrict("Shelbyville");
  // Rows that exist only in the other district, some under sourcedIds this district also uses.
  const base = { districtId: other.id, status: "active" as const };
  await db().org.create({ data: { ...base, sourcedId: "sch-9", type: "school", name: "Elsewhere" } });
  await db().enrollment.create({
    data: { ...base, sourcedId: "enr-9", userSourcedId: "stu-3", classSourcedId: "cls-art-1", schoolSourcedId: "sch-1", role: "student" },
  });
});

describe("nested endpoints", () => {
  it.each([
    ["/schools/sch-1/classes", "classes", ["cls-art-1", "cls-math-1"]],
    ["/schools/sch-2/classes", "classes", ["cls-art-2"]],
    ["/schools/sch-1/students", "users", ["stu-1", "stu-2", "stu-3"]],
    ["/schools/sch-1/teachers", "users", ["tch-1", "tch-2"]],
    ["/schools/sch-2/teachers", "users", ["tch-2"]],
    ["/schools/sch-1/enrollments", "enrollments", ["enr-1", "enr-2", "enr-3", "enr-4", "enr-5", "enr-6"]],
    ["/schools/sch-1/courses", "courses", ["crs-art", "crs-math"]],
    ["/schools/sch-2/courses", "courses", ["crs-art"]],
    ["/schools/sch-1/terms", "academicSessions", ["term-fall", "term-spring"]],
    ["/schools/sch-2/terms", "academicSessions", ["sem-1", "term-fall"]],
    ["/schools/sch-1/classes/cls-math-1/enrollments", "enrollments", ["enr-1", "enr-2", "enr-3", "enr-4"]],
    ["/schools/sch-1/classes/cls-math-1/students", "users", ["stu-1", "stu-2", "stu-3"]],
    ["/schools/sch-1/classes/cls-math-1/teachers", "users", ["tch-1"]],
    ["/classes/cls-math-1/students", "users", ["stu-1", "stu-2", "stu-3"]],
    ["/classes/cls-art-1/students", "users", ["stu-1"]],
    ["/classes/cls-art-2/teachers", "users", ["tch-2"]],
    ["/classes/cls-art-1/teachers", "users", []],
    ["/terms/term-fall/classes", "classes", ["cls-art-2", "cls-math-1"]],
    ["/terms/sem-1/classes", "classes", ["cls-art-2"]],
    ["/terms/term-fall/gradingPeriods", "academicSessions", ["gp-1", "gp-2"]],
    ["/courses/crs-art/classes", "classes", ["cls-art-1", "cls-art-2"]],
    ["/students/stu-1/classes", "classes", ["cls-art-1", "cls-math-1"]],
    ["/students/stu-2/classes", "classes", ["cls-math-1"]],
    ["/teachers/tch-2/classes", "classes", ["cls-art-2"]],
    ["/users/tch-1/classes", "classes", ["cls-math-1"]],
    ["/users/par-1/classes", "classes", []],
  ])("%s lists %s %j", async (path, key, ids) => {
    const answer = await getAs(districtId, path);
    expect(answer.status).toBe(200);
    expect(idsOf(answer, key)).toEqual(ids);
    expect(answer.headers.get("x-total-count")).toBe(String(ids.length));
  });

  it("covers every nested endpoint in the table", () => {
    const nested = ENDPOINTS.filter((endpoint) => endpoint.within).map((endpoint) => endpoint.operationId);
    expect(nested).toHaveLength(17);
  });

  it("leaves out enrollments that are tobedeleted when linking users and classes", async () => {
    expect(idsOf(await getAs(districtId, "/classes/cls-art-1/students"), "users")).not.toContain("stu-2");
    expect(idsOf(await getAs(districtId, "/schools/sch-1/classes/cls-art-1/enrollments"), "enrollments")).toEqual(["enr-5", "enr-6"]);
  });

  it("pages, sorts, filters and selects fields like the plain collections", async () => {
    const answer = await getAs(districtId, `/schools/sch-1/students?filter=${encodeURIComponent("grades='09'")}&sort=givenName&limit=1&fields=givenName`);
    expect(answer.body).toEqual({ users: [{ givenName: "Ada" }] });
    expect(answer.headers.get("x-total-count")).toBe("2");
    expect(answer.headers.get("link")).toContain('/ims/oneroster/v1p1/schools/sch-1/students?filter=grades%3D%2709%27&sort=givenName&limit=1&fields=givenName&offset=1>; rel="next"');
  });

  it("checks the query before looking up the parent, and answers 400 for a bad one", async () => {
    const answer = await getAs(districtId, "/schools/nowhere/students?filter=shoeSize%3D'9'");
    expect(answer.status).toBe(400);
    expect(codeMinorOf(answer)).toBe("invalid_filter_field");
  });
});

describe("parents that are not there", () => {
  it.each([
    ["/schools/nowhere/classes", "school"],
    ["/schools/org-district/students", "school"],
    ["/schools/sch-9/teachers", "school"],
    ["/schools/sch-2/classes/cls-math-1/students", "in school 'sch-2'"],
    ["/schools/sch-1/classes/cls-none/enrollments", "class"],
    ["/classes/cls-none/students", "class"],
    ["/terms/sy-2027/classes", "term"],
    ["/terms/gp-1/gradingPeriods", "term"],
    ["/courses/crs-none/classes", "course"],
    ["/students/tch-1/classes", "student"],
    ["/teachers/stu-1/classes", "teacher"],
    ["/users/nobody/classes", "user"],
  ])("%s is 404 unknownobject naming the %s", async (path, named) => {
    const answer = await getAs(districtId, path);
    expect(answer.status).toBe(404);
    expect(codeMinorOf(answer)).toBe("unknownobject");
    expect(JSON.stringify(answer.body)).toContain(named);
  });

  it("never counts another district's enrollments", async () => {
    expect(idsOf(await getAs(districtId, "/classes/cls-art-1/students"), "users")).toEqual(["stu-1"]);
    expect(idsOf(await getAs(districtId, "/students/stu-3/classes"), "classes")).toEqual(["cls-math-1"]);
  });
});
