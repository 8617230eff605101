// Writing generated rosters to PostgreSQL: every row arrives as generated, a replaced roster
// leaves none of the old rows, and a failed write leaves the old roster whole.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { replaceRoster, writeRoster } from "@/lib/roster/bulk-insert";
import { generateRoster, type RosterOptions } from "@/lib/roster/generator";
import type { RosterBatch, RosterUserRow } from "@/lib/roster/types";
import { createVendorWithApplication } from "@/test/factories";

async function newDistrict() {
  const districtGuid = randomUUID();
  const district = await db().district.create({ data: { districtGuid, name: `Test District ${districtGuid.slice(0, 8)}`, state: "WA" } });
  const options: RosterOptions = { districtGuid, districtName: district.name, state: "WA", students: 300, batchSize: 500 };
  return { district, options };
}

async function tableCounts(districtId: string) {
  const where = { districtId };
  const [orgs, academicSessions, courses, classes, users, enrollments, demographics] = await Promise.all([
    db().org.count({ where }),
    db().academicSession.count({ where }),
    db().course.count({ where }),
    db().class.count({ where }),
    db().rosterUser.count({ where }),
    db().enrollment.count({ where }),
    db().demographic.count({ where }),
  ]);
  return { orgs, academicSessions, courses, classes, users, enrollments, demographics };
}

describe("replaceRoster", () => {
  it("writes every generated row, values intact", async () => {
    const { district, options } = await newDistrict();
    const counts = await replaceRoster(district.id, generateRoster(options));

    expect(await tableCounts(district.id)).toEqual(counts);
    expect(counts.demographics).toBe(300);
    const generated = [...generateRoster(options)].flatMap((batch) => (batch.entity === "users" ? batch.rows : []));
    const guardian = generated.find((user) => user.role === "guardian")!;
    const stored = await db().rosterUser.findUniqueOrThrow({ where: { districtId_sourcedId: { districtId: district.id, sourcedId: guardian.sourcedId } } });
    expect(stored).toMatchObject({ ...guardian, status: "active", enabledUser: true });
    const klass = await db().class.findFirstOrThrow({ where: { districtId: district.id, classType: "scheduled" } });
    expect(klass).toMatchObject({ periods: [expect.stringMatching(/^[1-7]$/)], termSourcedIds: ["as-2027-s1", "as-2027-s2"] });
    const session = await db().academicSession.findFirstOrThrow({ where: { districtId: district.id, sourcedId: "as-2027" } });
    expect(session.startDate.toISOString().slice(0, 10)).toBe("2026-08-17");
  });

  it("carries quotes, backslashes, commas, braces, blanks and NULLs through the array parameters unchanged", async () => {
    const { district } = await newDistrict();
    const awkward: RosterUserRow = {
      sourcedId: 'usr-"1"', username: "o'brien\\x", userIds: [{ type: "SIS", identifier: 'a"b' }], givenName: "Zoë, {Jr}", familyName: "O'Brien",
      middleName: " spaced out ", role: "teacher", identifier: "NULL", email: "o'brien@example.test", sms: null, phone: "", agentSourcedIds: ['x"y', "a,b", "{c}", "d\\e", "null", "", "tab\there"],
      orgSourcedIds: [], grades: ["NULL"],
    };
    const batches: RosterBatch[] = [{ entity: "users", rows: [awkward] }];
    await replaceRoster(district.id, batches);
    const stored = await db().rosterUser.findFirstOrThrow({ where: { districtId: district.id } });
    expect(stored).toMatchObject(awkward);
  });

  it("replaces a roster: none of the old rows remain, kept schools keep their rows (dropped ones go), other districts are untouched", async () => {
    const { district, options } = await newDistrict();
    const other = await newDistrict();
    await replaceRoster(district.id, generateRoster(options));
    const otherCounts = await replaceRoster(other.district.id, generateRoster(other.options));
    const school = await db().org.findFirstOrThrow({ where: { districtId: district.id, sourcedId: "school-1" } });

    const smaller = { ...options, students: 120, guardianShare: 0.5, schools: [{ sourcedId: "school-1", name: "Maple Elementary School" }] };
    const counts = await replaceRoster(district.id, generateRoster(smaller));

    expect(await tableCounts(district.id)).toEqual(counts);
    expect(counts.demographics).toBe(120);
    const newIds = new Set([...generateRoster(smaller)].flatMap((batch) => (batch.entity === "users" ? batch.rows.map((user) => user.sourcedId) : [])));
    const storedIds = (await db().rosterUser.findMany({ where: { districtId: district.id }, select: { sourcedId: true } })).map((user) => user.sourcedId);
    expect(new Set(storedIds)).toEqual(newIds);
    const orgs = await db().org.findMany({ where: { districtId: district.id }, orderBy: { type: "asc" } });
    expect(orgs.map(({ id, type, name }) => ({ id, type, name }))).toEqual([
      { id: expect.any(String), type: "district", name: district.name },
      { id: school.id, type: "school", name: "Maple Elementary School" },
    ]);
    expect(await tableCounts(other.district.id)).toEqual(otherCounts);
  });

  it("still cascades from a dropped school to its access requests, and refuses a district that does not exist", async () => {
    const { district, options } = await newDistrict();
    await replaceRoster(district.id, generateRoster(options));
    const { application } = await createVendorWithApplication();
    const school = await db().org.findFirstOrThrow({ where: { districtId: district.id, sourcedId: "school-2" } });
    await db().accessRequest.create({ data: { kind: "revoke_school", applicationId: application.id, districtId: district.id, orgId: school.id } });

    await replaceRoster(district.id, generateRoster({ ...options, schools: [{ sourcedId: "school-1", name: "Maple Elementary School" }] }));
    expect(await db().accessRequest.count({ where: { districtId: district.id } })).toBe(0);
    // Later writes of the same transaction have their foreign keys checked again.
    const orphan = `INSERT INTO "Org" (id, "districtId", "sourcedId", type, name) VALUES (gen_random_uuid(), $1::uuid, 'x', 'school', 'x')`;
    await expect(
      db().$transaction(async (tx) => {
        await writeRoster(tx, district.id, generateRoster(options));
        await tx.$executeRawUnsafe(orphan, randomUUID());
      }),
    ).rejects.toThrow(/foreign key/i);

    await expect(replaceRoster(randomUUID(), generateRoster(options))).rejects.toThrow(/No district/);
  });

  it("leaves the old roster whole when writing the new one fails", async () => {
    const { district, options } = await newDistrict();
    const counts = await replaceRoster(district.id, generateRoster(options));
    function* failing(): Generator<RosterBatch> {
      let sent = 0;
      for (const batch of generateRoster({ ...options, students: 200 })) {
        yield batch;
        if (++sent === 4) throw new Error("generator failed");
      }
    }
    await expect(replaceRoster(district.id, failing())).rejects.toThrow("generator failed");
    expect(await tableCounts(district.id)).toEqual(counts);
  });
});
