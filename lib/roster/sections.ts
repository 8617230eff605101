// A school's classes before anyone teaches them: homerooms of about 22 for elementary grades;
// for middle and high school grades, cohorts of about 26 that rotate through seven periods
// (five core courses, then one or two electives chosen per student).
import { bandOf, coreCourses, ELECTIVES, homeroomCourse, type CourseDefinition, type Elective } from "@/lib/roster/catalog";
import type { Student } from "@/lib/roster/households";
import type { SeededRandom } from "@/lib/roster/random";
import type { StaffRoom, Teacher } from "@/lib/roster/staffing";
import { GRADES, type Grade } from "@/lib/roster/types";

const HOMEROOM_SIZE = 22;
/** Secondary students move between classes as cohorts of about this size. */
const COHORT_SIZE = 26;
const ELECTIVE_SECTION_MAX = 30;
const PERIODS = 7;
/** Elementary specials teachers are hired until the school has one teacher per this many students. */
const STUDENTS_PER_TEACHER = 16;
/** High school students with a second elective (7 sections rather than 6); middle schoolers all have two. */
const SECOND_ELECTIVE_SHARE = 0.55;

export type Section = {
  course: CourseDefinition;
  type: "homeroom" | "scheduled";
  core: boolean;
  /** Homerooms have no period, only a letter ("3B"). */
  period: number | null;
  label: string;
  students: Student[];
  teacher: Teacher | null;
  coTeachers: Teacher[];
};

export function homerooms(byGrade: Map<Grade, Student[]>, staff: StaffRoom, random: SeededRandom): Section[] {
  const sections: Section[] = [];
  let students = 0;
  for (const [grade, gradeStudents] of byGrade) {
    if (bandOf(grade) !== "elementary" || gradeStudents.length === 0) continue;
    students += gradeStudents.length;
    const rooms = deal(random.shuffle([...gradeStudents]), Math.ceil(gradeStudents.length / HOMEROOM_SIZE));
    rooms.forEach((roomStudents, index) => {
      const label = String.fromCharCode(65 + (index % 26)) + (index >= 26 ? String(Math.floor(index / 26)) : "");
      sections.push({ course: homeroomCourse(grade), type: "homeroom", core: true, period: null, label, students: roomStudents, teacher: staff.hire(), coTeachers: [] });
    });
  }
  if (sections.length === 0) return sections;
  // Art, music, PE, library, … teachers: each co-teaches a share of the homerooms.
  const specialists = Array.from({ length: Math.max(1, Math.round(students / STUDENTS_PER_TEACHER) - sections.length) }, () => staff.hire());
  sections.forEach((section, index) => section.coTeachers.push(specialists[index % specialists.length]!));
  return sections;
}

export function secondarySections(byGrade: Map<Grade, Student[]>, random: SeededRandom): Section[] {
  const sections: Section[] = [];
  const electiveGroups = new Map<string, { course: Elective; period: number; students: Student[] }>();
  const bandSize = { middle: 0, high: 0 };
  for (const [grade, students] of byGrade) {
    const band = bandOf(grade);
    if (band !== "elementary") bandSize[band] += students.length;
  }

  for (const [grade, students] of byGrade) {
    const band = bandOf(grade);
    if (band === "elementary" || students.length === 0) continue;
    // Smaller schools offer fewer electives, so that elective sections are not tiny.
    const offered = ELECTIVES[band].slice(0, Math.max(3, Math.round(bandSize[band] / 80)));
    const offset = GRADES.indexOf(grade);
    const cohorts = deal(random.shuffle([...students]), Math.ceil(students.length / COHORT_SIZE));
    cohorts.forEach((cohort, cohortIndex) => {
      // Each cohort rotates through the periods: slot k meets in period (cohort + k + grade) mod 7.
      const periodOf = (slot: number) => ((cohortIndex + slot + offset) % PERIODS) + 1;
      coreCourses(grade).forEach((course, slot) => {
        sections.push({ course, type: "scheduled", core: true, period: periodOf(slot), label: "", students: cohort, teacher: null, coTeachers: [] });
      });
      for (const student of cohort) {
        const first = random.weighted(offered.map((course) => [course, course.weight] as const));
        joinElective(electiveGroups, first, periodOf(5), student);
        const others = offered.filter((course) => course !== first);
        if (others.length > 0 && (band === "middle" || random.chance(SECOND_ELECTIVE_SHARE))) {
          joinElective(electiveGroups, random.weighted(others.map((course) => [course, course.weight] as const)), periodOf(6), student);
        }
      }
    });
  }

  for (const group of electiveGroups.values()) {
    for (const students of deal(group.students, Math.ceil(group.students.length / ELECTIVE_SECTION_MAX))) {
      sections.push({ course: group.course, type: "scheduled", core: false, period: group.period, label: "", students, teacher: null, coTeachers: [] });
    }
  }
  return sections;
}

function joinElective(groups: Map<string, { course: Elective; period: number; students: Student[] }>, course: Elective, period: number, student: Student) {
  const key = `${course.code}|${period}`;
  const group = groups.get(key) ?? { course, period, students: [] };
  group.students.push(student);
  groups.set(key, group);
}

/** Deals items round-robin into `count` groups (at least one). */
function deal<T>(items: readonly T[], count: number): T[][] {
  const groups: T[][] = Array.from({ length: Math.max(1, count) }, () => []);
  items.forEach((item, index) => groups[index % groups.length]!.push(item));
  return groups;
}
