// Which schools a district has and how many students each grade of each holds. Existing
// schools are kept (their grades read from their names); otherwise schools are generated in
// typical sizes, so the number of schools grows with the district.
import { SCHOOL_NAME_STEMS } from "@/lib/roster/names";
import type { SeededRandom } from "@/lib/roster/random";
import { GRADES, type Grade } from "@/lib/roster/types";

export type SchoolInput = { sourcedId: string; name: string };

export type SchoolPlan = {
  /** 1-based position, used in the school's course and class sourcedIds. */
  ordinal: number;
  sourcedId: string;
  name: string;
  identifier: string;
  grades: Grade[];
  studentsByGrade: Map<Grade, number>;
};

const ELEMENTARY = GRADES.slice(0, 6);
const MIDDLE = GRADES.slice(6, 9);
const HIGH = GRADES.slice(9);

const LEVELS = [
  { grades: ELEMENTARY, suffix: "Elementary School", typicalStudents: 450 },
  { grades: MIDDLE, suffix: "Middle School", typicalStudents: 700 },
  { grades: HIGH, suffix: "High School", typicalStudents: 1400 },
] as const;

/** The grades a school's name suggests; a name that says nothing means K-12. */
export function gradesFromSchoolName(name: string): Grade[] {
  const lower = name.toLowerCase();
  if (/elementary|primary/.test(lower)) return [...ELEMENTARY];
  if (/middle|junior high|intermediate/.test(lower)) return [...MIDDLE];
  if (/secondary/.test(lower)) return [...MIDDLE, ...HIGH];
  if (/high/.test(lower)) return [...HIGH];
  return [...GRADES];
}

export function planSchools(students: number, existing: readonly SchoolInput[], random: SeededRandom): SchoolPlan[] {
  const schools = existing.length > 0 ? existing.map((school) => ({ ...school, grades: gradesFromSchoolName(school.name) })) : generateSchools(students, random.fork("names"));
  const plans: SchoolPlan[] = schools.map((school, index) => ({
    ordinal: index + 1,
    sourcedId: school.sourcedId,
    name: school.name,
    identifier: String(1000 + (index + 1) * 7),
    grades: school.grades,
    studentsByGrade: new Map(),
  }));

  // Grades differ a little in size; within a grade, schools differ by up to ±15%. (A stream of
  // its own, so that schools kept from an earlier run get the sizes they were generated with.)
  const sizes = random.fork("sizes");
  const taught = GRADES.filter((grade) => plans.some((plan) => plan.grades.includes(grade)));
  const perGrade = apportion(students, taught.map(() => 0.95 + sizes.next() * 0.1));
  const schoolWeight = plans.map(() => 0.85 + sizes.next() * 0.3);
  taught.forEach((grade, gradeIndex) => {
    const offering = plans.filter((plan) => plan.grades.includes(grade));
    const counts = apportion(perGrade[gradeIndex] ?? 0, offering.map((plan) => schoolWeight[plan.ordinal - 1] ?? 1));
    offering.forEach((plan, index) => plan.studentsByGrade.set(grade, counts[index] ?? 0));
  });
  return plans;
}

function generateSchools(students: number, random: SeededRandom): { sourcedId: string; name: string; grades: Grade[] }[] {
  const stems = random.shuffle([...SCHOOL_NAME_STEMS]);
  let used = 0;
  const nextStem = () => {
    const stem = stems[used % stems.length] ?? "Central";
    const round = Math.floor(used / stems.length);
    used += 1;
    return round === 0 ? stem : `${["North", "South", "East", "West"][(round - 1) % 4]} ${stem}${round > 4 ? ` ${round}` : ""}`;
  };
  const schools: { sourcedId: string; name: string; grades: Grade[] }[] = [];
  for (const level of LEVELS) {
    const levelStudents = (students * level.grades.length) / GRADES.length;
    const count = Math.max(1, Math.round(levelStudents / level.typicalStudents));
    for (let i = 0; i < count; i++) {
      schools.push({ sourcedId: `school-${schools.length + 1}`, name: `${nextStem()} ${level.suffix}`, grades: [...level.grades] });
    }
  }
  return schools;
}

/** Splits a whole number by weights (largest remainder), so the parts add up exactly. */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (weights.length === 0 || sum <= 0) return weights.map(() => 0);
  const exact = weights.map((weight) => (total * weight) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((value, index) => ({ index, remainder: value - Math.floor(value) })).sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder) {
    if (left <= 0) break;
    parts[index] = (parts[index] ?? 0) + 1;
    left -= 1;
  }
  return parts;
}
