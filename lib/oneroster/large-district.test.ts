// Paging a district of thousands of users beside another one: a full export in pages of 1000
// returns every student exactly once; paging in order neither repeats nor skips a row while
// the roster changes; the first page always counts afresh. Speed is measured by
// bench/oneroster.ts, not here.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { answerOneRoster } from "./router";
import { getAs, idsOf, type Answer } from "./test-fixtures";

const STUDENTS = 5_000;
const USERS = Math.ceil((STUDENTS * 21) / 20);
let districtId: string;

async function insertUsers(id: string, count: number) {
  // Every 21st user is a teacher, the rest students; ids are zero-padded so that they sort as numbers.
  await db().$executeRaw`
    INSERT INTO "RosterUser" (id, "districtId", "sourcedId", username, "givenName", "familyName", role, "orgSourcedIds", grades, "userIds", email)
    SELECT gen_random_uuid(), ${id}::uuid, 'u-' || lpad(i::text, 7, '0'), 'user' || i, 'Given' || i, 'Family' || (i % 997),
      (CASE WHEN i % 21 = 0 THEN 'teacher' ELSE 'student' END)::"RosterRole", ARRAY['sch-' || (i % 20)], ARRAY['09'],
      '[{"type":"SIS","identifier":"x"}]'::jsonb, 'user' || i || '@example.org'
    FROM generate_series(1, ${count}::int) AS i`;
}

beforeAll(async () => {
  const district = await db().district.create({ data: { name: "Large", state: "IL", districtGuid: randomUUID() } });
  const neighbour = await db().district.create({ data: { name: "Neighbour", state: "IL", districtGuid: randomUUID() } });
  districtId = district.id;
  await insertUsers(districtId, USERS);
  await insertUsers(neighbour.id, 2_000);
  await db().org.createMany({ data: Array.from({ length: 20 }, (_, index) => ({ districtId, sourcedId: `sch-${index}`, type: "school" as const, name: `School ${index}` })) });
  await db().$executeRawUnsafe(`VACUUM ANALYZE "RosterUser"`);
}, 120_000);

async function answer(path: string): Promise<Answer> {
  const response = await answerOneRoster(new Request(`http://localhost:3000/ims/oneroster/v1p1${path}`), districtId);
  return { status: response.status, headers: response.headers, body: (await response.json()) as Answer["body"] };
}

const userId = (number: number) => `u-${String(number).padStart(7, "0")}`;

describe("paging a district of thousands of users", () => {
  it("exports every student exactly once in pages of 1000", async () => {
    const seen = new Set<string>();
    for (let offset = 0; ; offset += 1000) {
      const page = await answer(`/students?limit=1000&offset=${offset}`);
      expect(page.headers.get("x-total-count")).toBe(String(STUDENTS));
      for (const id of idsOf(page, "users")) seen.add(id);
      if (!page.headers.get("link")!.includes('rel="next"')) break;
    }
    expect(seen.size).toBe(STUDENTS);
  }, 60_000);

  it("lists one school's students page by page, without repeats", async () => {
    let expected = 0;
    for (let number = 1; number <= USERS; number++) if (number % 20 === 7 && number % 21 !== 0) expected++;
    const seen = new Set<string>();
    for (let offset = 0; offset < expected; offset += 100) {
      const page = await answer(`/schools/sch-7/students?offset=${offset}`);
      expect(page.headers.get("x-total-count")).toBe(String(expected));
      for (const id of idsOf(page, "users")) seen.add(id);
    }
    expect(seen.size).toBe(expected);
  });

  it("pages on after the last row served, so a row deleted meanwhile makes it neither repeat nor skip one", async () => {
    const firstPage = idsOf(await getAs(districtId, "/students?limit=50&orderBy=desc"), "users");
    // The last user is a teacher (every 21st is), so the last student is the one before.
    expect(firstPage[0]).toBe(userId(USERS - 1));
    await db().rosterUser.deleteMany({ where: { districtId, sourcedId: firstPage[10] } });
    const secondPage = idsOf(await getAs(districtId, "/students?limit=50&offset=50&orderBy=desc"), "users");
    const expected: string[] = [];
    for (let number = Number(firstPage.at(-1)!.slice(2)) - 1; expected.length < 50; number--) {
      if (number % 21 !== 0) expected.push(`u-${String(number).padStart(7, "0")}`);
    }
    expect(secondPage).toEqual(expected);
  });

  it("counts the first page afresh", async () => {
    const before = Number((await getAs(districtId, "/students?limit=1")).headers.get("x-total-count"));
    await db().rosterUser.create({ data: { districtId, sourcedId: `u-new-${randomUUID()}`, role: "student", username: "n", givenName: "N", familyName: "N" } });
    expect(Number((await getAs(districtId, "/students?limit=1")).headers.get("x-total-count"))).toBe(before + 1);
  });
});
