// One school's roster: its households, its sections and the teachers who teach them, a few
// administrators, and every enrollment.
import type { CourseDefinition } from "@/lib/roster/catalog";
import { nextNumber, staffMember, type DistrictContext } from "@/lib/roster/district-context";
import { generateHouseholds, type Student } from "@/lib/roster/households";
import { sourcedId } from "@/lib/roster/identity";
import type { SeededRandom } from "@/lib/roster/random";
import type { SchoolPlan } from "@/lib/roster/school-plan";
import { homerooms, secondarySections, type Section } from "@/lib/roster/sections";
import { addSupportTeachers, assignTeachers, StaffRoom } from "@/lib/roster/staffing";
import { GRADES, type ClassRow, type CourseRow, type DemographicRow, type EnrollmentRow, type Grade, type RosterUserRow } from "@/lib/roster/types";

const STUDENTS_PER_ASSISTANT_PRINCIPAL = 600;

export type SchoolRows = {
  courses: CourseRow[];
  classes: ClassRow[];
  users: RosterUserRow[];
  enrollments: EnrollmentRow[];
  demographics: DemographicRow[];
};

export function generateSchool(context: DistrictContext, school: SchoolPlan, random: SeededRandom): SchoolRows {
  const households = generateHouseholds(context, school, random);
  const byGrade = new Map<Grade, Student[]>(GRADES.map((grade) => [grade, []]));
  for (const student of households.students) byGrade.get(student.grade)?.push(student);

  const staff = new StaffRoom(context, school, random);
  const sections = [...homerooms(byGrade, staff, random), ...secondarySections(byGrade, random)];
  assignTeachers(sections.filter((section) => section.type === "scheduled"), staff);
  addSupportTeachers(sections, staff, random);

  const administratorCount = 1 + Math.floor(households.students.length / STUDENTS_PER_ASSISTANT_PRINCIPAL);
  const administrators = Array.from({ length: administratorCount }, () => staffMember(context, random, "administrator", school.sourcedId).row);

  const { courses, classes, enrollments } = classesAndEnrollments(context, school, sections);
  for (const teacher of staff.teachers) teacher.row.grades = GRADES.filter((grade) => teacher.grades.has(grade));
  return {
    courses,
    classes,
    users: [...households.students.map((student) => student.row), ...households.guardians, ...staff.teachers.map((teacher) => teacher.row), ...administrators],
    enrollments,
    demographics: households.demographics,
  };
}

function classesAndEnrollments(context: DistrictContext, school: SchoolPlan, sections: Section[]) {
  const school3 = String(school.ordinal).padStart(3, "0");
  const courses = new Map<string, { definition: CourseDefinition; grades: Set<Grade> }>();
  const classes: ClassRow[] = [];
  const enrollments: EnrollmentRow[] = [];
  const codeCounts = new Map<string, number>();
  const { calendar } = context;

  sections.forEach((section, index) => {
    const { course, teacher } = section;
    if (!teacher || section.students.length === 0) return;
    const grades = GRADES.filter((grade) => section.students.some((student) => student.grade === grade));
    const entry = courses.get(course.code) ?? { definition: course, grades: new Set<Grade>() };
    grades.forEach((grade) => entry.grades.add(grade));
    courses.set(course.code, entry);

    const codeBase = section.type === "homeroom" ? `${course.code}-${section.label}` : `${course.code}-P${section.period}`;
    const codeCount = (codeCounts.get(codeBase) ?? 0) + 1;
    codeCounts.set(codeBase, codeCount);
    const classSourcedId = `cls-${school3}-${String(index + 1).padStart(4, "0")}`;
    classes.push({
      sourcedId: classSourcedId,
      title: section.type === "homeroom" ? `${course.title} - ${teacher.honorific} ${teacher.row.familyName}` : `${course.title} - Period ${section.period}`,
      classCode: section.type === "homeroom" ? codeBase : `${codeBase}-${codeCount}`,
      classType: section.type,
      location: `Room ${teacher.room}`,
      grades,
      subjects: course.subjects,
      periods: section.period === null ? [] : [String(section.period)],
      courseSourcedId: courseSourcedId(school3, course),
      schoolSourcedId: school.sourcedId,
      termSourcedIds: calendar.termSourcedIds,
    });

    const enroll = (userSourcedId: string, role: "student" | "teacher", primary: boolean) =>
      enrollments.push({
        sourcedId: sourcedId("enr", nextNumber(context, "enrollment"), 7),
        userSourcedId,
        classSourcedId,
        schoolSourcedId: school.sourcedId,
        role,
        primary,
        beginDate: calendar.beginDate,
        endDate: calendar.endDate,
      });
    for (const member of [teacher, ...section.coTeachers]) grades.forEach((grade) => member.grades.add(grade));
    enroll(teacher.row.sourcedId, "teacher", true);
    for (const coTeacher of section.coTeachers) enroll(coTeacher.row.sourcedId, "teacher", false);
    for (const student of section.students) enroll(student.row.sourcedId, "student", false);
  });

  const courseRows: CourseRow[] = [...courses.values()].map(({ definition, grades }) => ({
    sourcedId: courseSourcedId(school3, definition),
    title: definition.title,
    schoolYearSourcedId: calendar.schoolYearSourcedId,
    courseCode: definition.code,
    grades: GRADES.filter((grade) => grades.has(grade)),
    subjects: definition.subjects,
    orgSourcedId: school.sourcedId,
  }));
  return { courses: courseRows, classes, enrollments };
}

function courseSourcedId(school3: string, course: CourseDefinition): string {
  return `crs-${school3}-${course.code.toLowerCase()}`;
}
