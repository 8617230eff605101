// The generated roster on its own (no database): deterministic, in plausible proportions,
// with every reference resolving and every identifier unique.
import { describe, expect, it } from "vitest";
import { generateRoster, type RosterOptions } from "@/lib/roster/generator";
import { districtDomain } from "@/lib/roster/identity";
import { GRADES, ROSTER_ENTITIES, type RosterRows } from "@/lib/roster/types";

type Tables = { [E in keyof RosterRows]: RosterRows[E][] };

function collect(options: RosterOptions): Tables {
  const tables: Tables = { orgs: [], academicSessions: [], courses: [], classes: [], users: [], enrollments: [], demographics: [] };
  for (const batch of generateRoster(options)) (tables[batch.entity] as unknown[]).push(...batch.rows);
  return tables;
}

const OPTIONS: RosterOptions = { districtGuid: "7d1e2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b", districtName: "Maplewood Public Schools", state: "OR", students: 1500, batchSize: 700 };

describe("generateRoster", () => {
  const roster = collect(OPTIONS);
  const byId = <T extends { sourcedId: string }>(rows: T[]) => new Map(rows.map((row) => [row.sourcedId, row]));
  const users = byId(roster.users);
  const classes = byId(roster.classes);
  const orgs = byId(roster.orgs);
  const students = roster.users.filter((user) => user.role === "student");
  const teachers = roster.users.filter((user) => user.role === "teacher");
  const guardians = roster.users.filter((user) => user.role === "guardian");

  it("is deterministic: the same district and options give the same rows, another district others", () => {
    expect(collect(OPTIONS)).toEqual(roster);
    // Run again on the schools the first run made (as the seed script does): the same roster.
    const schools = roster.orgs.filter((org) => org.type === "school").map(({ sourcedId, name }) => ({ sourcedId, name }));
    expect(collect({ ...OPTIONS, schools })).toEqual(roster);
    const other = collect({ ...OPTIONS, districtGuid: "0f9e8d7c-6b5a-4493-8281-706f5e4d3c2b" });
    expect(other.users.map((user) => user.username)).not.toEqual(roster.users.map((user) => user.username));
  });

  it("makes a district org, schools for K-5, 6-8 and 9-12, and the 2026-2027 school year with two semesters", () => {
    const [district, ...schools] = roster.orgs;
    expect(district).toMatchObject({ type: "district", sourcedId: OPTIONS.districtGuid, name: OPTIONS.districtName, parentSourcedId: null });
    const levels = schools.map((school) => /(Elementary|Middle|High) School$/.exec(school.name)?.[1]);
    expect(new Set(levels)).toEqual(new Set(["Elementary", "Middle", "High"]));
    expect(new Set(schools.map((school) => school.name)).size).toBe(schools.length);
    expect(schools.every((school) => school.type === "school" && school.parentSourcedId === OPTIONS.districtGuid)).toBe(true);
    expect(roster.academicSessions).toEqual([
      expect.objectContaining({ sourcedId: "as-2027", type: "schoolYear", title: "2026-2027", parentSourcedId: null }),
      expect.objectContaining({ type: "semester", parentSourcedId: "as-2027", startDate: "2026-08-17" }),
      expect.objectContaining({ type: "semester", parentSourcedId: "as-2027", endDate: "2027-06-11" }),
    ]);
  });

  it("has the students asked for, about one teacher per 16 of them and a few administrators per school", () => {
    expect(students).toHaveLength(1500);
    expect(students.length / teachers.length).toBeGreaterThan(12);
    expect(students.length / teachers.length).toBeLessThan(20);
    for (const school of roster.orgs.filter((org) => org.type === "school")) {
      const administrators = roster.users.filter((user) => user.role === "administrator" && user.orgSourcedIds.includes(school.sourcedId));
      expect(administrators.length).toBeGreaterThanOrEqual(1);
      expect(administrators.length).toBeLessThanOrEqual(5);
    }
    expect(new Set(students.map((student) => student.grades[0]))).toEqual(new Set(GRADES));
    expect(roster.demographics.map((row) => row.sourcedId).sort()).toEqual(students.map((student) => student.sourcedId).sort());
  });

  it("enrols elementary students in one homeroom and secondary students in six or seven sections", () => {
    const classesOf = new Map<string, string[]>();
    for (const enrollment of roster.enrollments.filter((row) => row.role === "student")) {
      classesOf.set(enrollment.userSourcedId, [...(classesOf.get(enrollment.userSourcedId) ?? []), enrollment.classSourcedId]);
    }
    for (const student of students) {
      const enrolled = (classesOf.get(student.sourcedId) ?? []).map((id) => classes.get(id)!);
      const grade = student.grades[0]!;
      if (GRADES.indexOf(grade as (typeof GRADES)[number]) <= 5) {
        expect(enrolled.map((row) => row.classType)).toEqual(["homeroom"]);
      } else {
        expect(enrolled.length).toBeGreaterThanOrEqual(6);
        expect(enrolled.length).toBeLessThanOrEqual(7);
        expect(new Set(enrolled.map((row) => row.periods[0])).size).toBe(enrolled.length);
      }
    }
  });

  it("gives every class exactly one primary teacher, and no teacher two classes in one period", () => {
    const teacherRows = roster.enrollments.filter((row) => row.role === "teacher");
    for (const row of roster.classes) {
      const primary = teacherRows.filter((enrollment) => enrollment.classSourcedId === row.sourcedId && enrollment.primary);
      expect(primary).toHaveLength(1);
      expect(users.get(primary[0]!.userSourcedId)?.role).toBe("teacher");
    }
    const slots = teacherRows.map((row) => classes.get(row.classSourcedId)!).map((row, index) => `${teacherRows[index]!.userSourcedId}|${row.periods[0] ?? row.sourcedId}`);
    expect(new Set(slots).size).toBe(slots.length);
  });

  it("resolves every reference between entities", () => {
    const courses = byId(roster.courses);
    const sessions = byId(roster.academicSessions);
    for (const enrollment of roster.enrollments) {
      const row = classes.get(enrollment.classSourcedId);
      expect(users.has(enrollment.userSourcedId)).toBe(true);
      expect(row?.schoolSourcedId).toBe(enrollment.schoolSourcedId);
      expect(orgs.get(enrollment.schoolSourcedId)?.type).toBe("school");
    }
    for (const row of roster.classes) {
      expect(courses.get(row.courseSourcedId)?.orgSourcedId).toBe(row.schoolSourcedId);
      expect(row.termSourcedIds.every((term) => sessions.get(term)?.type === "semester")).toBe(true);
    }
    for (const course of roster.courses) expect(sessions.get(course.schoolYearSourcedId)?.type).toBe("schoolYear");
    for (const user of roster.users) expect(user.orgSourcedIds.every((org) => orgs.has(org))).toBe(true);
  });

  it("links guardians and students both ways, for a share of students", () => {
    for (const guardian of guardians) {
      expect(guardian.agentSourcedIds.length).toBeGreaterThanOrEqual(1);
      for (const id of guardian.agentSourcedIds) expect(users.get(id)?.agentSourcedIds).toContain(guardian.sourcedId);
    }
    for (const student of students) {
      for (const id of student.agentSourcedIds) {
        expect(users.get(id)).toMatchObject({ role: "guardian", agentSourcedIds: expect.arrayContaining([student.sourcedId]) });
      }
    }
    const withGuardians = students.filter((student) => student.agentSourcedIds.length > 0).length / students.length;
    expect(withGuardians).toBeGreaterThan(0.55);
    expect(withGuardians).toBeLessThan(0.85);
  });

  it("keeps sourcedIds, usernames and emails unique, on the district's domain", () => {
    for (const entity of ROSTER_ENTITIES) {
      const ids = (roster[entity] as { sourcedId: string }[]).map((row) => row.sourcedId);
      expect(new Set(ids).size, entity).toBe(ids.length);
    }
    expect(new Set(roster.users.map((user) => user.username)).size).toBe(roster.users.length);
    expect(new Set(roster.users.map((user) => user.email)).size).toBe(roster.users.length);
    expect(roster.users.every((user) => user.email.endsWith("@maplewood.k12.example"))).toBe(true);
    expect(students[0]).toMatchObject({ sourcedId: expect.stringMatching(/^stu-\d{6}$/), userIds: [{ type: "SIS", identifier: expect.any(String) }] });
    expect(teachers[0]?.sourcedId).toMatch(/^tch-\d{4}$/);
  });

  it("keeps a district's existing schools, reading their grades from their names", () => {
    const schools = [
      { sourcedId: "school-1", name: "Lincoln Elementary School" },
      { sourcedId: "school-2", name: "Jefferson Middle School" },
      { sourcedId: "school-3", name: "Springfield High School" },
    ];
    const reused = collect({ ...OPTIONS, students: 400, schools });
    expect(reused.orgs.filter((org) => org.type === "school").map(({ sourcedId, name }) => ({ sourcedId, name }))).toEqual(schools);
    const elementary = reused.users.filter((user) => user.role === "student" && user.orgSourcedIds[0] === "school-1");
    expect(elementary.length).toBeGreaterThan(0);
    expect(elementary.every((student) => ["KG", "01", "02", "03", "04", "05"].includes(student.grades[0]!))).toBe(true);
  });
});

describe("districtDomain", () => {
  it("keeps what names the district and drops what says it is one", () => {
    expect(districtDomain("Springfield Public Schools")).toBe("springfield.k12.example");
    expect(districtDomain("Riverside Unified School District")).toBe("riverside.k12.example");
    expect(districtDomain("Benchmark District 1a2b3c4d")).toBe("benchmark-1a2b3c4d.k12.example");
  });
});
