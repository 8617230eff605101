// Generates a realistic OneRoster 1.1 roster for one district, deterministically: the same
// district and options give the same rows, in the same order, on every run. The roster comes
// as a stream of batches (one table's rows each), built one school at a time, so a district
// of 100,000 students is never held in memory whole.
import { staffMember, type Calendar, type DistrictContext } from "@/lib/roster/district-context";
import { districtDomain, UsernameRegistry } from "@/lib/roster/identity";
import { SeededRandom } from "@/lib/roster/random";
import { generateSchool } from "@/lib/roster/school-roster";
import { planSchools, type SchoolInput, type SchoolPlan } from "@/lib/roster/school-plan";
import type { AcademicSessionRow, OrgRow, RosterBatch, RosterEntity, RosterRows } from "@/lib/roster/types";

export type { SchoolInput } from "@/lib/roster/school-plan";

export type RosterOptions = {
  districtGuid: string;
  districtName: string;
  /** Two-letter state of the district (students' state of birth). */
  state: string;
  students: number;
  /** The district's existing schools, kept as they are; without them, schools are generated to fit. */
  schools?: readonly SchoolInput[];
  /** Share of households whose guardians are in the roster (default 0.7). */
  guardianShare?: number;
  /** Rows per batch (default 20,000: fewer, larger statements write faster). */
  batchSize?: number;
};

const AREA_CODES = ["217", "312", "415", "503", "512", "614", "702", "813", "919", "971"];

/** The school year 2026-2027 and its two semesters; classes run the whole year. */
export const ACADEMIC_SESSIONS: AcademicSessionRow[] = [
  { sourcedId: "as-2027", title: "2026-2027", type: "schoolYear", startDate: "2026-08-17", endDate: "2027-06-11", parentSourcedId: null, schoolYear: "2027" },
  { sourcedId: "as-2027-s1", title: "Fall 2026", type: "semester", startDate: "2026-08-17", endDate: "2027-01-15", parentSourcedId: "as-2027", schoolYear: "2027" },
  { sourcedId: "as-2027-s2", title: "Spring 2027", type: "semester", startDate: "2027-01-19", endDate: "2027-06-11", parentSourcedId: "as-2027", schoolYear: "2027" },
];

const CALENDAR: Calendar = { schoolYearSourcedId: "as-2027", termSourcedIds: ["as-2027-s1", "as-2027-s2"], beginDate: "2026-08-17", endDate: "2027-06-11" };

const DISTRICT_OFFICE_ADMINISTRATORS = 3;

/** The district's schools and their students per grade, as generateRoster will make them. */
export function planRoster(options: RosterOptions): SchoolPlan[] {
  return planSchools(options.students, options.schools ?? [], rootRandom(options).fork("schools"));
}

export function* generateRoster(options: RosterOptions): Generator<RosterBatch> {
  if (!Number.isInteger(options.students) || options.students < 0) throw new Error("students must be a whole number, 0 or more");
  const random = rootRandom(options);
  const schools = planRoster(options);
  // The district org's sourcedId is its districtGUID, the id vendors already know it by.
  const districtOrgSourcedId = options.districtGuid;
  const context: DistrictContext = {
    domain: districtDomain(options.districtName),
    state: options.state,
    areaCode: random.fork("area-code").pick(AREA_CODES),
    guardianShare: options.guardianShare ?? 0.7,
    usernames: new UsernameRegistry(),
    counters: { student: 0, guardian: 0, teacher: 0, administrator: 0, staff: 0, enrollment: 0 },
    calendar: CALENDAR,
  };
  const batches = new BatchBuffer(options.batchSize ?? 20_000);

  const orgs: OrgRow[] = [
    { sourcedId: districtOrgSourcedId, type: "district", name: options.districtName, identifier: null, parentSourcedId: null },
    ...schools.map((school): OrgRow => ({ sourcedId: school.sourcedId, type: "school", name: school.name, identifier: school.identifier, parentSourcedId: districtOrgSourcedId })),
  ];
  yield* batches.add("orgs", orgs);
  yield* batches.add("academicSessions", ACADEMIC_SESSIONS);

  const office = random.fork("district-office");
  yield* batches.add("users", Array.from({ length: DISTRICT_OFFICE_ADMINISTRATORS }, () => staffMember(context, office, "administrator", districtOrgSourcedId).row));

  for (const school of schools) {
    const rows = generateSchool(context, school, random.fork(`school:${school.sourcedId}`));
    yield* batches.add("courses", rows.courses);
    yield* batches.add("classes", rows.classes);
    yield* batches.add("users", rows.users);
    yield* batches.add("enrollments", rows.enrollments);
    yield* batches.add("demographics", rows.demographics);
  }
  yield* batches.flush();
}

/** Seeded by the district and the size asked for; the schools shape the roster, not the seed. */
function rootRandom(options: RosterOptions): SeededRandom {
  return new SeededRandom(`rollcall-roster-v1|${options.districtGuid.toLowerCase()}|${options.students}|${options.guardianShare ?? 0.7}`);
}

/** Collects rows per table and hands them out in batches of a fixed size. */
class BatchBuffer {
  private readonly pending = new Map<RosterEntity, unknown[]>();

  constructor(private readonly size: number) {}

  *add<E extends RosterEntity>(entity: E, rows: readonly RosterRows[E][]): Generator<RosterBatch> {
    const buffer = this.pending.get(entity) ?? [];
    this.pending.set(entity, buffer);
    for (const row of rows) {
      buffer.push(row);
      if (buffer.length >= this.size) yield batchOf(entity, buffer.splice(0));
    }
  }

  *flush(): Generator<RosterBatch> {
    for (const [entity, buffer] of this.pending) if (buffer.length > 0) yield batchOf(entity, buffer.splice(0));
  }
}

/** The buffer for an entity only ever receives that entity's rows (see add). */
function batchOf(entity: RosterEntity, rows: unknown[]): RosterBatch {
  return { entity, rows } as RosterBatch;
}
