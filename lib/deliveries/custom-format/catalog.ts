// The fields a custom CSV format can put in its columns, per entity: every OneRoster 1.1 CSV
// field of the entity, plus related ones read from another record (a user's school name, a
// class's teacher email). Browser-safe: the column editor lists it; the export maps each
// field to SQL in lib/deliveries/export/custom-columns.ts.
import type { RosterRole } from "@/generated/prisma/enums";
import type { FormatEntity, FormatFilters } from "@/lib/deliveries/types";

export type CatalogField = { field: string; label: string; entity: FormatEntity; kind: "text" | "date" | "list" | "boolean" | "number"; related: boolean };

type Kind = CatalogField["kind"];
type Entry = [field: string, label: string, kind: Kind];

const BASE: Entry[] = [
  ["sourcedId", "Sourced ID", "text"],
  ["status", "Status", "text"],
  ["dateLastModified", "Date last modified", "date"],
];

const OWN: Record<FormatEntity, Entry[]> = {
  users: [
    ["enabledUser", "Enabled", "boolean"],
    ["orgSourcedIds", "Org sourced IDs", "list"],
    ["role", "Role", "text"],
    ["username", "Username", "text"],
    ["userIds", "User IDs", "list"],
    ["givenName", "Given name", "text"],
    ["familyName", "Family name", "text"],
    ["middleName", "Middle name", "text"],
    ["identifier", "Identifier", "text"],
    ["email", "Email", "text"],
    ["sms", "SMS", "text"],
    ["phone", "Phone", "text"],
    ["agentSourcedIds", "Agent sourced IDs", "list"],
    ["grades", "Grades", "list"],
  ],
  classes: [
    ["title", "Title", "text"],
    ["grades", "Grades", "list"],
    ["courseSourcedId", "Course sourced ID", "text"],
    ["classCode", "Class code", "text"],
    ["classType", "Class type", "text"],
    ["location", "Location", "text"],
    ["schoolSourcedId", "School sourced ID", "text"],
    ["termSourcedIds", "Term sourced IDs", "list"],
    ["subjects", "Subjects", "list"],
    ["subjectCodes", "Subject codes", "list"],
    ["periods", "Periods", "list"],
  ],
  enrollments: [
    ["classSourcedId", "Class sourced ID", "text"],
    ["schoolSourcedId", "School sourced ID", "text"],
    ["userSourcedId", "User sourced ID", "text"],
    ["role", "Role", "text"],
    ["primary", "Primary", "boolean"],
    ["beginDate", "Begin date", "date"],
    ["endDate", "End date", "date"],
  ],
  orgs: [
    ["name", "Name", "text"],
    ["type", "Type", "text"],
    ["identifier", "Identifier", "text"],
    ["parentSourcedId", "Parent sourced ID", "text"],
  ],
  courses: [
    ["schoolYearSourcedId", "School year sourced ID", "text"],
    ["title", "Title", "text"],
    ["courseCode", "Course code", "text"],
    ["grades", "Grades", "list"],
    ["orgSourcedId", "Org sourced ID", "text"],
    ["subjects", "Subjects", "list"],
    ["subjectCodes", "Subject codes", "list"],
  ],
  academicSessions: [
    ["title", "Title", "text"],
    ["type", "Type", "text"],
    ["startDate", "Start date", "date"],
    ["endDate", "End date", "date"],
    ["parentSourcedId", "Parent sourced ID", "text"],
    ["schoolYear", "School year", "text"],
  ],
  demographics: [
    ["birthDate", "Birth date", "date"],
    ["sex", "Sex", "text"],
    ["americanIndianOrAlaskaNative", "American Indian or Alaska Native", "boolean"],
    ["asian", "Asian", "boolean"],
    ["blackOrAfricanAmerican", "Black or African American", "boolean"],
    ["nativeHawaiianOrOtherPacificIslander", "Native Hawaiian or Other Pacific Islander", "boolean"],
    ["white", "White", "boolean"],
    ["demographicRaceTwoOrMoreRaces", "Two or more races", "boolean"],
    ["hispanicOrLatinoEthnicity", "Hispanic or Latino", "boolean"],
    ["countryOfBirthCode", "Country of birth code", "text"],
    ["stateOfBirthAbbreviation", "State of birth", "text"],
    ["cityOfBirth", "City of birth", "text"],
    ["publicSchoolResidenceStatus", "Public school residence status", "text"],
  ],
};

const RELATED: Record<FormatEntity, Entry[]> = {
  users: [
    ["school.sourcedId", "School sourced ID (first school)", "text"],
    ["school.name", "School name (first school)", "text"],
    ["school.identifier", "School identifier (first school)", "text"],
  ],
  classes: [
    ["course.title", "Course title", "text"],
    ["course.courseCode", "Course code", "text"],
    ["school.name", "School name", "text"],
    ["school.identifier", "School identifier", "text"],
    ["teacher.sourcedId", "Teacher sourced ID (primary teacher)", "text"],
    ["teacher.email", "Teacher email (primary teacher)", "text"],
    ["teacher.name", "Teacher name (primary teacher)", "text"],
    ["teacher.username", "Teacher username (primary teacher)", "text"],
    ["term.title", "Term title (first term)", "text"],
  ],
  enrollments: [
    ["user.email", "User email", "text"],
    ["user.givenName", "User given name", "text"],
    ["user.familyName", "User family name", "text"],
    ["user.username", "User username", "text"],
    ["user.identifier", "User identifier", "text"],
    ["class.title", "Class title", "text"],
    ["class.classCode", "Class code", "text"],
    ["school.name", "School name", "text"],
  ],
  orgs: [["parent.name", "Parent org name", "text"]],
  courses: [
    ["school.name", "School name", "text"],
    ["schoolYear.title", "School year title", "text"],
  ],
  academicSessions: [["parent.title", "Parent session title", "text"]],
  demographics: [
    ["user.givenName", "User given name", "text"],
    ["user.familyName", "User family name", "text"],
    ["user.email", "User email", "text"],
    ["user.username", "User username", "text"],
  ],
};

const entries = (entity: FormatEntity, list: Entry[], related: boolean): CatalogField[] =>
  list.map(([field, label, kind]) => ({ field, label, entity, kind, related }));

export const FIELD_CATALOG: Record<FormatEntity, CatalogField[]> = Object.fromEntries(
  (Object.keys(OWN) as FormatEntity[]).map((entity) => [entity, [...entries(entity, [...BASE, ...OWN[entity]], false), ...entries(entity, RELATED[entity], true)]]),
) as Record<FormatEntity, CatalogField[]>;

export function catalogField(entity: FormatEntity, field: string): CatalogField | undefined {
  return FIELD_CATALOG[entity]?.find((candidate) => candidate.field === field);
}

export const ENTITY_LABELS: Record<FormatEntity, string> = {
  users: "Users",
  classes: "Classes",
  enrollments: "Enrollments",
  orgs: "Orgs (district and schools)",
  courses: "Courses",
  academicSessions: "Academic sessions",
  demographics: "Demographics",
};

/**
 * The filters that mean something for each entity (statuses apply to all). Enrollments are
 * filtered by grade through their class's grades, demographics through their user's.
 */
export const APPLICABLE_FILTERS: Record<FormatEntity, (keyof FormatFilters)[]> = {
  users: ["roles", "statuses", "schoolNames", "grades"],
  classes: ["statuses", "schoolNames", "grades"],
  enrollments: ["roles", "statuses", "schoolNames", "grades"],
  orgs: ["statuses", "schoolNames"],
  courses: ["statuses", "schoolNames", "grades"],
  academicSessions: ["statuses"],
  demographics: ["statuses", "schoolNames", "grades"],
};

/** CEDS grade levels, as OneRoster 1.1 lists them. */
/** The CEDS grade codes, youngest first (as the editor lists them). */
export const GRADE_CODES = ["IT", "PR", "PK", "TK", "KG", "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "PS", "UG", "Other"] as const;

export const ROSTER_ROLES = ["administrator", "aide", "guardian", "parent", "proctor", "relative", "student", "teacher"] as const satisfies readonly RosterRole[];
