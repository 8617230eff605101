// The OneRoster 1.1 CSV files Rollcall writes: each file's columns in the specification's order
// (the order the import reads, lib/imports/oneroster/entities.ts) and the SQL that gives each
// cell as text. PostgreSQL formats every cell, so a batch crosses into Node as one JSON array
// of strings per row.

export const ONEROSTER_FILES = ["orgs", "academicSessions", "courses", "classes", "users", "enrollments", "demographics"] as const;
export type OneRosterFile = (typeof ONEROSTER_FILES)[number];

/** Every file of OneRoster 1.1 CSV, in the order manifest.csv lists them. */
export const MANIFEST_FILES = [
  "academicSessions",
  "categories",
  "classes",
  "classResources",
  "courses",
  "courseResources",
  "demographics",
  "enrollments",
  "lineItems",
  "orgs",
  "resources",
  "results",
  "users",
] as const;

type Column = [header: string, sql: string];

const col = (name: string) => `t."${name}"`;
const text = (name: string): Column => [name, `COALESCE(${col(name)}, '')`];
const enumText = (name: string): Column => [name, `${col(name)}::text`];
const list = (name: string): Column => [name, `array_to_string(${col(name)}, ',')`];
const date = (name: string): Column => [name, `COALESCE(to_char(${col(name)}, 'YYYY-MM-DD'), '')`];
const bool = (name: string): Column => [name, `CASE WHEN ${col(name)} THEN 'true' WHEN NOT ${col(name)} THEN 'false' ELSE '' END`];
const blank = (name: string): Column => [name, `''`];

// Prisma stores DateTime as a timestamp without time zone holding UTC.
const BASE: Column[] = [
  ["sourcedId", col("sourcedId")],
  ["status", `${col("status")}::text`],
  ["dateLastModified", `to_char(${col("dateLastModified")}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`],
];

/** OneRoster 1.1's userIds: "{LDAP:jsmith},{SIS:12345}" from the stored [{ type, identifier }]. */
const USER_IDS: Column = [
  "userIds",
  `CASE WHEN ${col("userIds")} = '[]'::jsonb THEN '' ELSE (SELECT string_agg('{' || (id.value->>'type') || ':' || (id.value->>'identifier') || '}', ',' ORDER BY id.position)
    FROM jsonb_array_elements(${col("userIds")}) WITH ORDINALITY AS id(value, position)) END`,
];

export const ONEROSTER_TABLES: Record<OneRosterFile, { table: string; columns: Column[] }> = {
  orgs: { table: "Org", columns: [...BASE, text("name"), enumText("type"), text("identifier"), text("parentSourcedId")] },
  academicSessions: {
    table: "AcademicSession",
    columns: [...BASE, text("title"), enumText("type"), date("startDate"), date("endDate"), text("parentSourcedId"), text("schoolYear")],
  },
  courses: {
    table: "Course",
    columns: [...BASE, text("schoolYearSourcedId"), text("title"), text("courseCode"), list("grades"), text("orgSourcedId"), list("subjects"), list("subjectCodes")],
  },
  classes: {
    table: "Class",
    columns: [
      ...BASE, text("title"), list("grades"), text("courseSourcedId"), text("classCode"), enumText("classType"), text("location"), text("schoolSourcedId"),
      list("termSourcedIds"), list("subjects"), list("subjectCodes"), list("periods"),
    ],
  },
  users: {
    table: "RosterUser",
    columns: [
      ...BASE, bool("enabledUser"), list("orgSourcedIds"), enumText("role"), text("username"), USER_IDS, text("givenName"), text("familyName"), text("middleName"),
      text("identifier"), text("email"), text("sms"), text("phone"), list("agentSourcedIds"), list("grades"), blank("password"),
    ],
  },
  enrollments: {
    table: "Enrollment",
    columns: [...BASE, text("classSourcedId"), text("schoolSourcedId"), text("userSourcedId"), enumText("role"), bool("primary"), date("beginDate"), date("endDate")],
  },
  demographics: {
    table: "Demographic",
    columns: [
      ...BASE, date("birthDate"), text("sex"),
      ...["americanIndianOrAlaskaNative", "asian", "blackOrAfricanAmerican", "nativeHawaiianOrOtherPacificIslander", "white", "demographicRaceTwoOrMoreRaces", "hispanicOrLatinoEthnicity"].map(bool),
      text("countryOfBirthCode"), text("stateOfBirthAbbreviation"), text("cityOfBirth"), text("publicSchoolResidenceStatus"),
    ],
  },
};

export function headerOf(file: OneRosterFile): string[] {
  return ONEROSTER_TABLES[file].columns.map(([header]) => header);
}

/** One row's cells as a JSON array of strings (json_build_array takes at most 100 arguments; files have at most 24). */
export function cellsSql(file: OneRosterFile): string {
  return `json_build_array(${ONEROSTER_TABLES[file].columns.map(([, sql]) => sql).join(", ")})`;
}
