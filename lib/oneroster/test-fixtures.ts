// A small, fixed roster for the Data API's tests: two schools, a school year with terms and
// grading periods, three classes, students, teachers, a guardian, enrollments (one of them
// tobedeleted) and demographics. Every district built here uses the same sourcedIds, so tests
// can show that one district's token never reaches another's rows.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { answerOneRoster } from "./router";

export async function createRosterDistrict(name = "Roster District") {
  const district = await db().district.create({ data: { name, state: "IL", districtGuid: randomUUID() } });
  await buildRoster(district.id, name);
  return district;
}

const modified = new Date("2026-08-01T12:00:00.000Z");
const later = new Date("2026-09-15T08:30:00.000Z");
const day = (value: string) => new Date(`${value}T00:00:00Z`);

export async function buildRoster(districtId: string, label: string) {
  const base = { districtId, dateLastModified: modified };
  await db().org.createMany({
    data: [
      { ...base, sourcedId: "org-district", type: "district", name: label },
      { ...base, sourcedId: "sch-1", type: "school", name: `${label} North High`, identifier: "N1", parentSourcedId: "org-district", metadata: { campus: "north" } },
      { ...base, sourcedId: "sch-2", type: "school", name: `${label} South Middle`, parentSourcedId: "org-district", status: "tobedeleted" },
    ],
  });
  const session = (sourcedId: string, type: "schoolYear" | "term" | "semester" | "gradingPeriod", title: string, start: string, end: string, parentSourcedId?: string) => ({
    ...base, sourcedId, type, title, startDate: day(start), endDate: day(end), parentSourcedId, schoolYear: "2027",
  });
  await db().academicSession.createMany({
    data: [
      session("sy-2027", "schoolYear", "2026-2027", "2026-08-20", "2027-06-10"),
      session("term-fall", "term", "Fall", "2026-08-20", "2026-12-18", "sy-2027"),
      session("term-spring", "term", "Spring", "2027-01-05", "2027-06-10", "sy-2027"),
      session("sem-1", "semester", "Semester 1", "2026-08-20", "2027-01-20", "sy-2027"),
      session("gp-1", "gradingPeriod", "Fall Q1", "2026-08-20", "2026-10-15", "term-fall"),
      session("gp-2", "gradingPeriod", "Fall Q2", "2026-10-16", "2026-12-18", "term-fall"),
      session("gp-3", "gradingPeriod", "Spring Q1", "2027-01-05", "2027-03-15", "term-spring"),
    ],
  });
  await db().course.createMany({
    data: [
      { ...base, sourcedId: "crs-math", title: "Algebra I", courseCode: "MATH1", grades: ["09", "10"], subjects: ["Math"], subjectCodes: ["02052"], orgSourcedId: "sch-1", schoolYearSourcedId: "sy-2027" },
      { ...base, sourcedId: "crs-art", title: "Studio Art", grades: ["07", "08", "09"], subjects: ["Art"], orgSourcedId: "org-district" },
    ],
  });
  await db().class.createMany({
    data: [
      { ...base, sourcedId: "cls-math-1", title: "Algebra I - P1", classCode: "ALG1-1", classType: "scheduled", location: "Room 101", grades: ["09"], subjects: ["Math"], periods: ["1"], courseSourcedId: "crs-math", schoolSourcedId: "sch-1", termSourcedIds: ["term-fall"] },
      { ...base, sourcedId: "cls-art-1", title: "Studio Art - P3", classType: "scheduled", grades: ["09"], subjects: ["Art"], periods: ["3"], courseSourcedId: "crs-art", schoolSourcedId: "sch-1", termSourcedIds: ["term-spring"], dateLastModified: later },
      { ...base, sourcedId: "cls-art-2", title: "Homeroom 7B", classType: "homeroom", grades: ["07"], courseSourcedId: "crs-art", schoolSourcedId: "sch-2", termSourcedIds: ["term-fall", "sem-1"] },
    ],
  });
  const user = (sourcedId: string, role: "student" | "teacher" | "administrator" | "guardian", givenName: string, familyName: string, orgs: string[], extra: object = {}) => ({
    ...base, sourcedId, role, givenName, familyName, username: `${sourcedId}@${label.toLowerCase().replace(/\W+/g, "-")}`, orgSourcedIds: orgs, ...extra,
  });
  await db().rosterUser.createMany({
    data: [
      user("stu-1", "student", "Ada", "Lovelace", ["sch-1"], { grades: ["09"], email: "ada@example.org", middleName: "Augusta", agentSourcedIds: ["par-1"], userIds: [{ type: "SIS", identifier: "1001" }], identifier: "1001" }),
      user("stu-2", "student", "Grace", "Hopper", ["sch-1"], { grades: ["09"], email: "grace@example.org" }),
      user("stu-3", "student", "Alan", "Turing", ["sch-1"], { grades: ["10"], enabledUser: false, dateLastModified: later }),
      user("stu-4", "student", "Katherine", "Johnson", ["sch-2"], { grades: ["07"], status: "tobedeleted" }),
      user("tch-1", "teacher", "Edsger", "Dijkstra", ["sch-1"], { email: "edsger@example.org", phone: "555-0101" }),
      user("tch-2", "teacher", "Barbara", "Liskov", ["sch-2", "sch-1"]),
      user("adm-1", "administrator", "Niklaus", "Wirth", ["org-district"]),
      user("par-1", "guardian", "Anne", "Byron", [], { sms: "555-0199" }),
    ],
  });
  const enrollment = (sourcedId: string, userSourcedId: string, classSourcedId: string, schoolSourcedId: string, role: "student" | "teacher", extra: object = {}) => ({
    ...base, sourcedId, userSourcedId, classSourcedId, schoolSourcedId, role, ...extra,
  });
  await db().enrollment.createMany({
    data: [
      enrollment("enr-1", "stu-1", "cls-math-1", "sch-1", "student", { beginDate: day("2026-08-20"), endDate: day("2026-12-18") }),
      enrollment("enr-2", "stu-2", "cls-math-1", "sch-1", "student"),
      enrollment("enr-3", "stu-3", "cls-math-1", "sch-1", "student"),
      enrollment("enr-4", "tch-1", "cls-math-1", "sch-1", "teacher", { primary: true }),
      enrollment("enr-5", "stu-1", "cls-art-1", "sch-1", "student"),
      enrollment("enr-6", "stu-2", "cls-art-1", "sch-1", "student", { status: "tobedeleted" }),
      enrollment("enr-7", "stu-4", "cls-art-2", "sch-2", "student"),
      enrollment("enr-8", "tch-2", "cls-art-2", "sch-2", "teacher", { primary: true }),
    ],
  });
  await db().demographic.createMany({
    data: [
      { ...base, sourcedId: "stu-1", birthDate: day("2011-12-10"), sex: "female", white: true, hispanicOrLatinoEthnicity: false, cityOfBirth: "London" },
      { ...base, sourcedId: "stu-2", birthDate: day("2011-12-09"), sex: "female", asian: false },
    ],
  });
}

export type Answer = { status: number; headers: Headers; body: Record<string, unknown> };

/** A GET below /ims/oneroster/v1p1 for a district already authenticated. */
export async function getAs(districtId: string, pathAndQuery: string): Promise<Answer> {
  const response = await answerOneRoster(new Request(`http://localhost:3000/ims/oneroster/v1p1${pathAndQuery}`), districtId);
  return { status: response.status, headers: response.headers, body: (await response.json()) as Answer["body"] };
}

/** The sourcedIds of a list answer, in order. */
export function idsOf(answer: Answer, key: string): string[] {
  const list = answer.body[key];
  if (!Array.isArray(list)) throw new Error(`no ${key} list in ${JSON.stringify(answer.body)}`);
  return list.map((item: { sourcedId: string }) => item.sourcedId);
}

export function codeMinorOf(answer: Answer): string | undefined {
  const set = answer.body.statusInfoSet as { imsx_CodeMinor: { imsx_codeMinorField: { imsx_codeMinorFieldValue: string }[] } }[] | undefined;
  return set?.[0]?.imsx_CodeMinor.imsx_codeMinorField[0]?.imsx_codeMinorFieldValue;
}
