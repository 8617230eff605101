// A district roster made by Rollcall's roster generator, read back through the Data API: every
// collection pages out whole, every GUIDRef's href resolves, and the nested endpoints agree
// with the enrollments.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { replaceRoster } from "@/lib/roster/bulk-insert";
import { generateRoster } from "@/lib/roster/generator";
import { getAs, idsOf, type Answer } from "./test-fixtures";

const API = "http://localhost:3000/ims/oneroster/v1p1";
let districtId: string;

beforeAll(async () => {
  const districtGuid = randomUUID();
  const district = await db().district.create({ data: { name: "Maplewood Public Schools", state: "OR", districtGuid } });
  districtId = district.id;
  await replaceRoster(districtId, generateRoster({ districtGuid, districtName: district.name, state: "OR", students: 400 }));
}, 60_000);

async function everything(path: string, key: string): Promise<Record<string, unknown>[]> {
  const records: Record<string, unknown>[] = [];
  for (let offset = 0; ; offset += 1000) {
    const answer = await getAs(districtId, `${path}?limit=1000&offset=${offset}`);
    expect(answer.status).toBe(200);
    records.push(...(answer.body[key] as Record<string, unknown>[]));
    if (!answer.headers.get("link")!.includes('rel="next"')) return records;
  }
}

function hrefsIn(value: unknown, into: Set<string>): Set<string> {
  if (Array.isArray(value)) value.forEach((item) => hrefsIn(item, into));
  else if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    if (typeof record.href === "string") into.add(record.href);
    else Object.values(record).forEach((item) => hrefsIn(item, into));
  }
  return into;
}

describe("a generated district through the Data API", () => {
  it("pages out every collection whole, and every reference in it resolves", async () => {
    const collections = [
      ["/orgs", "orgs", db().org.count({ where: { districtId } })],
      ["/academicSessions", "academicSessions", db().academicSession.count({ where: { districtId } })],
      ["/courses", "courses", db().course.count({ where: { districtId } })],
      ["/classes", "classes", db().class.count({ where: { districtId } })],
      ["/users", "users", db().rosterUser.count({ where: { districtId } })],
      ["/enrollments", "enrollments", db().enrollment.count({ where: { districtId } })],
      ["/demographics", "demographics", db().demographic.count({ where: { districtId } })],
    ] as const;
    const hrefs = new Set<string>();
    for (const [path, key, count] of collections) {
      const records = await everything(path, key);
      expect(records.length, path).toBe(await count);
      expect(records.length, path).toBeGreaterThan(0);
      hrefsIn(records, hrefs);
    }
    const unresolved: string[] = [];
    for (const href of hrefs) {
      const answer: Answer = await getAs(districtId, href.slice(API.length));
      if (answer.status !== 200) unresolved.push(href);
    }
    expect(unresolved).toEqual([]);
    expect(hrefs.size).toBeGreaterThan(400);
  }, 120_000);

  it("lists each school's terms, students and classes, and each class's students as its enrollments say", async () => {
    const schools = await everything("/schools", "orgs");
    expect(schools.length).toBeGreaterThan(0);
    for (const { sourcedId } of schools as { sourcedId: string }[]) {
      expect(idsOf(await getAs(districtId, `/schools/${sourcedId}/terms`), "academicSessions").length).toBeGreaterThan(0);
      const students = await getAs(districtId, `/schools/${sourcedId}/students?limit=1`);
      const expected = await db().rosterUser.count({ where: { districtId, role: "student", orgSourcedIds: { has: sourcedId } } });
      expect(Number(students.headers.get("x-total-count"))).toBe(expected);
    }
    const classes = await db().class.findMany({ where: { districtId }, select: { sourcedId: true, schoolSourcedId: true }, take: 20 });
    for (const { sourcedId, schoolSourcedId } of classes) {
      const enrolled = await db().enrollment.findMany({ where: { districtId, classSourcedId: sourcedId, role: "student", status: "active" }, select: { userSourcedId: true } });
      const listed = idsOf(await getAs(districtId, `/schools/${schoolSourcedId}/classes/${sourcedId}/students?limit=1000`), "users");
      expect(listed).toEqual(enrolled.map((row) => row.userSourcedId).sort());
    }
  }, 120_000);
});
