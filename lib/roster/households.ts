// A school's students, grouped into households of one to three siblings who share a family
// name and, for a share of households, one or two guardians linked both ways
// (student.agentSourcedIds ↔ guardian.agentSourcedIds).
import { nextNumber, type DistrictContext } from "@/lib/roster/district-context";
import { sourcedId } from "@/lib/roster/identity";
import { familyName, familyProfile, givenName, studentDemographic, type FamilyProfile, type Sex } from "@/lib/roster/people";
import type { SeededRandom } from "@/lib/roster/random";
import type { SchoolPlan } from "@/lib/roster/school-plan";
import { GRADES, type DemographicRow, type Grade, type RosterUserRow } from "@/lib/roster/types";

export type Student = { row: RosterUserRow; grade: Grade };
export type Households = { students: Student[]; guardians: RosterUserRow[]; demographics: DemographicRow[] };

export function generateHouseholds(context: DistrictContext, school: SchoolPlan, random: SeededRandom): Households {
  const gradeSlots: Grade[] = [];
  for (const [grade, count] of school.studentsByGrade) for (let i = 0; i < count; i++) gradeSlots.push(grade);
  random.shuffle(gradeSlots);

  const result: Households = { students: [], guardians: [], demographics: [] };
  for (let next = 0; next < gradeSlots.length; ) {
    const size = Math.min(random.weighted([[1, 62], [2, 28], [3, 10]]), gradeSlots.length - next);
    const family = familyProfile(random);
    const surname = familyName(random, family.names);
    const children = gradeSlots.slice(next, next + size).map((grade) => newStudent(context, school, random, family, surname, grade, result));
    next += size;

    if (!random.chance(context.guardianShare)) continue;
    const guardianCount = random.chance(0.62) ? 2 : 1;
    const firstSex: Sex = random.chance(0.7) ? "female" : "male";
    for (let g = 0; g < guardianCount; g++) {
      const sex: Sex = g === 0 ? firstSex : random.chance(0.9) ? (firstSex === "female" ? "male" : "female") : firstSex;
      const guardianSurname = g === 0 || random.chance(0.75) ? surname : familyName(random, family.names);
      const guardian = newGuardian(context, school, random, family, guardianSurname, sex, children);
      result.guardians.push(guardian);
      for (const child of children) child.row.agentSourcedIds.push(guardian.sourcedId);
    }
  }
  return result;
}

function newStudent(context: DistrictContext, school: SchoolPlan, random: SeededRandom, family: FamilyProfile, surname: string, grade: Grade, result: Households): Student {
  const sex: Sex = random.chance(0.51) ? "male" : "female";
  const given = givenName(random, family.names, sex);
  const middle = random.chance(0.45) ? givenName(random, "general", sex) : null;
  const number = nextNumber(context, "student");
  const id = sourcedId("stu", number, 6);
  const studentNumber = String(100000 + number);
  // Usernames carry the two digits of the class year: a kindergartner of 2026-27 graduates in 2039.
  const classYear = String((2039 - GRADES.indexOf(grade)) % 100).padStart(2, "0");
  const username = context.usernames.claim(given, surname, classYear);
  const row: RosterUserRow = {
    sourcedId: id,
    username,
    userIds: [{ type: "SIS", identifier: studentNumber }],
    givenName: given,
    familyName: surname,
    middleName: middle,
    role: "student",
    identifier: studentNumber,
    email: `${username}@${context.domain}`,
    sms: null,
    phone: null,
    agentSourcedIds: [],
    orgSourcedIds: [school.sourcedId],
    grades: [grade],
  };
  const student = { row, grade };
  result.students.push(student);
  result.demographics.push(studentDemographic(random, { sourcedId: id, sex, grade, family }, context.state));
  return student;
}

function newGuardian(context: DistrictContext, school: SchoolPlan, random: SeededRandom, family: FamilyProfile, surname: string, sex: Sex, children: Student[]): RosterUserRow {
  const given = givenName(random, family.names, sex);
  const number = nextNumber(context, "guardian");
  const contactId = `P${String(number).padStart(6, "0")}`;
  const username = context.usernames.claim(given, surname);
  const phone = `(${context.areaCode}) 555-01${String(random.int(0, 99)).padStart(2, "0")}`;
  return {
    sourcedId: sourcedId("gdn", number, 6),
    username,
    userIds: [{ type: "SIS", identifier: contactId }],
    givenName: given,
    familyName: surname,
    middleName: null,
    role: "guardian",
    identifier: contactId,
    email: `${username}@${context.domain}`,
    sms: random.chance(0.55) ? phone : null,
    phone,
    agentSourcedIds: children.map((child) => child.row.sourcedId),
    orgSourcedIds: [school.sourcedId],
    grades: [],
  };
}
