// A generated district's roster, exported as a OneRoster CSV zip and imported into Rollcall:
// what the check predicts, what applying writes, and what importing again, bulk or delta, does.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { applyOneRosterZip, checkOneRosterZip } from "@/lib/imports/oneroster";
import { generateRoster, type RosterOptions } from "@/lib/roster/generator";
import type { RosterRows } from "@/lib/roster/types";
import { generatedOneRosterZip, headerOf, manifestCsv, zipOf } from "@/test/oneroster-zip";

type Tables = { [E in keyof RosterRows]: RosterRows[E][] };

async function newDistrict() {
  return db().district.create({ data: { name: "Import District", state: "OR", districtGuid: randomUUID() } });
}

function rosterOptions(districtGuid: string, students = 240): RosterOptions {
  return { districtGuid, districtName: "Maplewood Public Schools", state: "OR", students };
}

function collect(options: RosterOptions): Tables {
  const tables: Tables = { orgs: [], academicSessions: [], courses: [], classes: [], users: [], enrollments: [], demographics: [] };
  for (const batch of generateRoster(options)) (tables[batch.entity] as unknown[]).push(...batch.rows);
  return tables;
}

const countsIn = async (districtId: string) => ({
  orgs: await db().org.count({ where: { districtId } }),
  academicSessions: await db().academicSession.count({ where: { districtId } }),
  courses: await db().course.count({ where: { districtId } }),
  classes: await db().class.count({ where: { districtId } }),
  users: await db().rosterUser.count({ where: { districtId } }),
  enrollments: await db().enrollment.count({ where: { districtId } }),
  demographics: await db().demographic.count({ where: { districtId } }),
});

describe("importing a generated roster into an empty district", () => {
  let districtId: string;
  let tables: Tables;
  let content: Buffer;

  beforeAll(async () => {
    const district = await newDistrict();
    districtId = district.id;
    const options = rosterOptions(district.districtGuid);
    tables = collect(options);
    content = await generatedOneRosterZip(options);
  });

  it("checks every row as a create and writes nothing", async () => {
    const progress: number[] = [];
    const check = await checkOneRosterZip(districtId, content, (done) => progress.push(done));
    const total = Object.values(tables).reduce((sum, rows) => sum + rows.length, 0);
    expect(check).toMatchObject({ format: "oneroster_csv", mode: "bulk", rowsTotal: total });
    expect(check.counts).toEqual({ create: total, update: 0, unchanged: 0, deactivate: 0, conflict: 0, error: 0 });
    expect(check.countsByFile["users.csv"]!.create).toBe(tables.users.length);
    expect(check.countsByFile["enrollments.csv"]!.create).toBe(tables.enrollments.length);
    expect(check.issues.filter((issue) => issue.kind !== "warning")).toEqual([]);
    expect(progress.at(-1)).toBe(total);
    expect(await db().rosterUser.count({ where: { districtId } })).toBe(0);
  });

  it("applies the same rows the generator made", async () => {
    const result = await applyOneRosterZip(districtId, content);
    expect(result.counts.create).toBe(Object.values(tables).reduce((sum, rows) => sum + rows.length, 0));
    expect(result.counts.error).toBe(0);
    expect(await countsIn(districtId)).toEqual(Object.fromEntries(Object.entries(tables).map(([name, rows]) => [name, rows.length])));

    const student = tables.users.find((user) => user.role === "student" && user.agentSourcedIds.length > 0)!;
    const stored = await db().rosterUser.findUniqueOrThrow({ where: { districtId_sourcedId: { districtId, sourcedId: student.sourcedId } } });
    expect(stored).toMatchObject({
      username: student.username,
      givenName: student.givenName,
      familyName: student.familyName,
      email: student.email,
      role: "student",
      userIds: student.userIds,
      agentSourcedIds: student.agentSourcedIds,
      orgSourcedIds: student.orgSourcedIds,
      grades: student.grades,
      enabledUser: true,
      status: "active",
      source: "oneroster_csv",
    });
    const enrollment = tables.enrollments[tables.enrollments.length - 1]!;
    expect(await db().enrollment.findUniqueOrThrow({ where: { districtId_sourcedId: { districtId, sourcedId: enrollment.sourcedId } } })).toMatchObject({
      userSourcedId: enrollment.userSourcedId,
      classSourcedId: enrollment.classSourcedId,
      role: enrollment.role,
      primary: enrollment.primary,
      beginDate: new Date(`${enrollment.beginDate}T00:00:00Z`),
    });
    const section = tables.classes[7]!;
    expect(await db().class.findUniqueOrThrow({ where: { districtId_sourcedId: { districtId, sourcedId: section.sourcedId } } })).toMatchObject({
      title: section.title,
      classType: section.classType,
      courseSourcedId: section.courseSourcedId,
      termSourcedIds: section.termSourcedIds,
      periods: section.periods,
    });
  });

  it("finds every row unchanged when the same file comes again, and leaves the records as they were", async () => {
    const before = await db().rosterUser.findFirstOrThrow({ where: { districtId }, orderBy: { sourcedId: "asc" } });
    const check = await checkOneRosterZip(districtId, content);
    expect(check.counts).toEqual({ create: 0, update: 0, unchanged: check.rowsTotal, deactivate: 0, conflict: 0, error: 0 });
    const result = await applyOneRosterZip(districtId, content);
    expect(result.counts.unchanged).toBe(check.rowsTotal);
    const after = await db().rosterUser.findUniqueOrThrow({ where: { id: before.id } });
    expect(after.dateLastModified).toEqual(before.dateLastModified);
  });
});

describe("bulk and delta users files", () => {
  it("retires only the people earlier OneRoster files brought, and brings them back when a file has them again", async () => {
    const district = await newDistrict();
    const options = rosterOptions(district.districtGuid, 120);
    await applyOneRosterZip(district.id, await generatedOneRosterZip(options));
    const [school] = await db().org.findMany({ where: { districtId: district.id, type: "school" }, take: 1 });
    const person = (source: "scim" | "spreadsheet" | "generated", sourcedId: string) =>
      db().rosterUser.create({ data: { districtId: district.id, sourcedId, username: sourcedId, givenName: "Kept", familyName: source, role: "teacher", source, orgSourcedIds: [school!.sourcedId] } });
    await person("scim", "scim-1");
    await person("spreadsheet", "sheet-1");
    await person("generated", "generated-1");

    const dropped = collect(options).users.find((user) => user.role === "teacher")!;
    const without = await generatedOneRosterZip({ ...options, edit: { users: (user) => (user.sourcedId === dropped.sourcedId ? null : user) } });
    const check = await checkOneRosterZip(district.id, without);
    expect(check.countsByFile["users.csv"]).toMatchObject({ deactivate: 1, create: 0, update: 0, error: 0 });

    const result = await applyOneRosterZip(district.id, without);
    expect(result.countsByFile["users.csv"]!.deactivate).toBe(1);
    const statuses = await db().rosterUser.findMany({
      where: { districtId: district.id, sourcedId: { in: [dropped.sourcedId, "scim-1", "sheet-1", "generated-1"] } },
      select: { sourcedId: true, status: true },
      orderBy: { sourcedId: "asc" },
    });
    expect(Object.fromEntries(statuses.map((row) => [row.sourcedId, row.status]))).toEqual({
      [dropped.sourcedId]: "tobedeleted",
      "scim-1": "active",
      "sheet-1": "active",
      "generated-1": "active",
    });
    // Never deleted: the next file that has the person makes them active again.
    const again = await applyOneRosterZip(district.id, await generatedOneRosterZip(options));
    expect(again.countsByFile["users.csv"]).toMatchObject({ update: 1, deactivate: 0 });
    expect(await db().rosterUser.findUniqueOrThrow({ where: { districtId_sourcedId: { districtId: district.id, sourcedId: dropped.sourcedId } } })).toMatchObject({ status: "active" });
  });

  it("changes only the rows of a delta file, and notes which fields a OneRoster file changed on a person from SCIM", async () => {
    const district = await newDistrict();
    const options = rosterOptions(district.districtGuid, 120);
    await applyOneRosterZip(district.id, await generatedOneRosterZip(options));
    const school = (await db().org.findFirstOrThrow({ where: { districtId: district.id, type: "school" } })).sourcedId;
    await db().rosterUser.create({
      data: { districtId: district.id, sourcedId: "scim-7", username: "ada", givenName: "Ada", familyName: "Lovelace", role: "teacher", source: "scim", orgSourcedIds: [school] },
    });
    const [first, second] = collect(options).users;
    const untouchedBefore = await db().rosterUser.findFirstOrThrow({ where: { districtId: district.id, sourcedId: { notIn: [first!.sourcedId, second!.sourcedId, "scim-7"] } } });
    const at = "2027-01-05T08:00:00Z";
    const users = [
      headerOf("users"),
      `${first!.sourcedId},active,${at},true,${first!.orgSourcedIds[0]},${first!.role},${first!.username},,Renamed,${first!.familyName},,,${first!.email},,,,,`,
      `${second!.sourcedId},tobedeleted,${at},,,,,,,,,,,,,,,`,
      `scim-7,active,${at},true,${school},teacher,ada,,Augusta Ada,Lovelace,,,ada@maplewood.k12.example,,,,,`,
    ].join("\n");
    const delta = await zipOf({ "manifest.csv": manifestCsv({ users: "delta" }), "users.csv": users });

    const result = await applyOneRosterZip(district.id, delta);
    expect(result.counts).toEqual({ create: 0, update: 2, unchanged: 0, deactivate: 1, conflict: 0, error: 0 });
    const byId = async (sourcedId: string) => db().rosterUser.findUniqueOrThrow({ where: { districtId_sourcedId: { districtId: district.id, sourcedId } } });
    const renamed = await byId(first!.sourcedId);
    expect(renamed).toMatchObject({ givenName: "Renamed", status: "active", source: "oneroster_csv" });
    expect(renamed.fieldSources).toEqual({});
    expect(await byId(second!.sourcedId)).toMatchObject({ status: "tobedeleted" });
    const fromScim = await byId("scim-7");
    expect(fromScim).toMatchObject({ givenName: "Augusta Ada", email: "ada@maplewood.k12.example", source: "scim" });
    // Only the fields whose values changed; the others (same username, role, school) stay SCIM's.
    expect(fromScim.fieldSources).toEqual({ givenName: "oneroster_csv", email: "oneroster_csv" });
    // Everyone else stayed as they were.
    expect(await db().rosterUser.findUniqueOrThrow({ where: { id: untouchedBefore.id } })).toEqual(untouchedBefore);
    expect(await db().rosterUser.count({ where: { districtId: district.id, status: "tobedeleted" } })).toBe(1);
  });

  it("leaves a person who was merged into another retired, as a conflict", async () => {
    const district = await newDistrict();
    const school = await db().org.create({ data: { districtId: district.id, sourcedId: "s-1", type: "school", name: "Maplewood High" } });
    const survivor = await db().rosterUser.create({ data: { districtId: district.id, sourcedId: "u-9", username: "kim", givenName: "Kim", familyName: "Lee", role: "student", orgSourcedIds: [school.sourcedId] } });
    await db().rosterUser.create({
      data: { districtId: district.id, sourcedId: "u-1", username: "kim2", givenName: "Kim", familyName: "Lee", role: "student", status: "tobedeleted", mergedIntoId: survivor.id, orgSourcedIds: [school.sourcedId] },
    });
    const users = [headerOf("users"), "u-1,active,2027-01-05T08:00:00Z,true,s-1,student,kim2,,Kimberly,Lee,,,,,,,,"].join("\n");
    const result = await applyOneRosterZip(district.id, await zipOf({ "manifest.csv": manifestCsv({ users: "delta" }), "users.csv": users }));
    expect(result.counts).toMatchObject({ conflict: 1, update: 0 });
    expect(result.issues).toEqual([
      { kind: "conflict", file: "users.csv", line: 2, column: "sourcedId", message: "'u-1' was merged into another person in Rollcall, so this row was not applied." },
    ]);
    expect(await db().rosterUser.findUniqueOrThrow({ where: { districtId_sourcedId: { districtId: district.id, sourcedId: "u-1" } } })).toMatchObject({ status: "tobedeleted", givenName: "Kim" });
  });
});
