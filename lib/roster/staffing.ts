// Who teaches a school's sections: per department, each section goes to a teacher with a
// free period (at most six sections each, never two in one period); special education and
// English-learner teachers co-teach core sections beside them.
import { staffMember, type DistrictContext, type StaffMember } from "@/lib/roster/district-context";
import type { SeededRandom } from "@/lib/roster/random";
import type { SchoolPlan } from "@/lib/roster/school-plan";
import type { Section } from "@/lib/roster/sections";
import type { Grade } from "@/lib/roster/types";

const SECTIONS_PER_TEACHER = 6;
/** Special education and English-learner teachers, who co-teach core sections. */
const STUDENTS_PER_SUPPORT_TEACHER = 150;

export type Teacher = StaffMember & { room: number; periods: Set<number>; sections: number; grades: Set<Grade> };

export class StaffRoom {
  readonly teachers: Teacher[] = [];

  constructor(
    private readonly context: DistrictContext,
    private readonly school: SchoolPlan,
    private readonly random: SeededRandom,
  ) {}

  hire(): Teacher {
    const index = this.teachers.length;
    const teacher: Teacher = {
      ...staffMember(this.context, this.random, "teacher", this.school.sourcedId),
      room: 100 * (1 + Math.floor(index / 30)) + (index % 30) + 1,
      periods: new Set(),
      sections: 0,
      grades: new Set(),
    };
    this.teachers.push(teacher);
    return teacher;
  }
}

/** Per department, each section goes to the first teacher with a free period and fewer than six sections. */
export function assignTeachers(sections: Section[], staff: StaffRoom) {
  const byDepartment = new Map<string, Section[]>();
  for (const section of sections) {
    const list = byDepartment.get(section.course.department) ?? [];
    list.push(section);
    byDepartment.set(section.course.department, list);
  }
  for (const list of byDepartment.values()) {
    list.sort((a, b) => (a.course.code < b.course.code ? -1 : a.course.code > b.course.code ? 1 : (a.period ?? 0) - (b.period ?? 0)));
    const teachers: Teacher[] = [];
    for (const section of list) {
      const period = section.period ?? 0;
      let teacher = teachers.find((candidate) => candidate.sections < SECTIONS_PER_TEACHER && !candidate.periods.has(period));
      if (!teacher) {
        teacher = staff.hire();
        teachers.push(teacher);
      }
      teacher.sections += 1;
      teacher.periods.add(period);
      section.teacher = teacher;
    }
  }
}

export function addSupportTeachers(sections: Section[], staff: StaffRoom, random: SeededRandom) {
  const core = sections.filter((section) => section.type === "scheduled" && section.core);
  const secondaryStudents = new Set(core.flatMap((section) => section.students)).size;
  const count = Math.round(secondaryStudents / STUDENTS_PER_SUPPORT_TEACHER);
  for (let i = 0; i < count; i++) {
    const teacher = staff.hire();
    for (const section of random.shuffle([...core])) {
      const period = section.period ?? 0;
      if (teacher.periods.has(period)) continue;
      teacher.periods.add(period);
      section.coTeachers.push(teacher);
      if (teacher.periods.size === SECTIONS_PER_TEACHER) break;
    }
  }
}
