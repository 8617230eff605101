// The People list and a person's detail against a real PostgreSQL: search, filters, paging in
// both directions, and only the admin's own district.
import { describe, expect, it } from "vitest";
import { listPeople, parsePeopleFilter, PEOPLE_PAGE_SIZE } from "@/lib/people/list";
import { getPersonDetail } from "@/lib/people/records";
import { createEnrollment, createPerson } from "@/lib/people/test-people";
import { createDistrictAdmin, createSchool } from "@/test/factories";

const newDistrict = async () => (await createDistrictAdmin()).districtId!;
const sourcedIdsOf = (page: { rows: { sourcedId: string }[] }) => page.rows.map((row) => row.sourcedId);

describe("the People list", () => {
  it("finds people by name, email, netid or sourcedId, and nobody of another district", async () => {
    const districtId = await newDistrict();
    const school = await createSchool(districtId, "Lincoln Elementary");
    const maria = await createPerson(districtId, { givenName: "Maria", familyName: "Garcia", email: "mgarcia@springfield.example", netid2: "S-4411", orgSourcedIds: [school.sourcedId] });
    const sam = await createPerson(districtId, { givenName: "Sam", familyName: "Lee", sourcedId: "sis-000123", role: "teacher" });
    await createPerson(await newDistrict(), { givenName: "Maria", familyName: "Garcia" });

    const search = (q: string) => listPeople(districtId, { q });
    expect(sourcedIdsOf(await search("maria garc"))).toEqual([maria.sourcedId]);
    expect(sourcedIdsOf(await search("Garcia, Maria"))).toEqual([maria.sourcedId]);
    expect(sourcedIdsOf(await search("MGARCIA@"))).toEqual([maria.sourcedId]);
    expect(sourcedIdsOf(await search("s-4411"))).toEqual([maria.sourcedId]);
    expect(sourcedIdsOf(await search("sis-000123"))).toEqual([sam.sourcedId]);
    expect(await search("100%_")).toMatchObject({ rows: [], total: 0 });

    const [row] = (await search("maria")).rows;
    expect(row).toMatchObject({ givenName: "Maria", netids: ["S-4411"], schools: ["Lincoln Elementary"], role: "student", status: "active", source: "generated" });
  });

  it("filters by role, status and way in", async () => {
    const districtId = await newDistrict();
    const teacher = await createPerson(districtId, { role: "teacher", source: "scim" });
    const retired = await createPerson(districtId, { status: "tobedeleted", source: "spreadsheet" });
    const student = await createPerson(districtId, { source: "spreadsheet" });
    expect(sourcedIdsOf(await listPeople(districtId, { role: "teacher" }))).toEqual([teacher.sourcedId]);
    expect(sourcedIdsOf(await listPeople(districtId, { status: "tobedeleted" }))).toEqual([retired.sourcedId]);
    expect(sourcedIdsOf(await listPeople(districtId, { source: "spreadsheet", status: "active" }))).toEqual([student.sourcedId]);
  });

  it("pages forward and back in sourcedId order with the total", async () => {
    const districtId = await newDistrict();
    const count = PEOPLE_PAGE_SIZE + 3;
    const id = (index: number) => `p-${String(index).padStart(3, "0")}`;
    for (let index = 0; index < count; index++) await createPerson(districtId, { sourcedId: id(index) });
    const first = await listPeople(districtId, {});
    expect(first).toMatchObject({ total: count, previous: null, next: id(PEOPLE_PAGE_SIZE - 1) });
    expect(first.rows).toHaveLength(PEOPLE_PAGE_SIZE);
    const second = await listPeople(districtId, { after: first.next! });
    expect(sourcedIdsOf(second)).toEqual([id(PEOPLE_PAGE_SIZE), id(PEOPLE_PAGE_SIZE + 1), id(PEOPLE_PAGE_SIZE + 2)]);
    expect(second).toMatchObject({ total: count, next: null, previous: id(PEOPLE_PAGE_SIZE) });
    const back = await listPeople(districtId, { before: second.previous! });
    expect(sourcedIdsOf(back)).toEqual(sourcedIdsOf(first));
    expect(back.previous).toBeNull();
  });

  it("reads only known filter values from the address", () => {
    expect(parsePeopleFilter({ q: "  Lee ", role: "wizard", status: "active", source: "scim", after: "p-1", before: "p-9" })).toEqual({
      q: "Lee",
      status: "active",
      source: "scim",
      after: "p-1",
    });
  });
});

describe("a person's detail", () => {
  it("names the way in that set each field, the enrollments, and what was merged into whom", async () => {
    const districtId = await newDistrict();
    const survivor = await createPerson(districtId, { source: "scim", fieldSources: { email: "spreadsheet" }, email: "sam@springfield.example" }, { birthDate: "2011-05-06", scimLinked: true });
    const retired = await createPerson(districtId, { mergedIntoId: survivor.id, status: "tobedeleted" });
    await createEnrollment(districtId, survivor.sourcedId, "math");
    await createEnrollment(districtId, retired.sourcedId, "art");

    const detail = await getPersonDetail(districtId, survivor.sourcedId);
    expect(detail).toMatchObject({
      source: "scim",
      scimLinked: true,
      birthDate: "2011-05-06",
      enrollments: { active: 1, tobedeleted: 0 },
      mergedInto: null,
      alsoKnownAs: [retired.sourcedId],
    });
    expect(detail?.fieldSources).toMatchObject({ email: "spreadsheet", givenName: "scim", netid: "scim" });
    expect(await getPersonDetail(districtId, retired.sourcedId)).toMatchObject({
      mergedInto: { sourcedId: survivor.sourcedId, givenName: survivor.givenName },
      alsoKnownAs: [],
    });
    expect(await getPersonDetail(await newDistrict(), survivor.sourcedId)).toBeNull();
  });
});
