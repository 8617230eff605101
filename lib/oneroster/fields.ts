// The fields of each OneRoster 1.1 entity as the Data API shows them, and the database column
// behind each. One table serves serialising, `fields` selection, `sort` and `filter`, so a
// field name a client sends is only ever looked up here, never passed on.

export type RefType = "academicSession" | "org" | "course" | "class" | "user";

export type FieldSpec =
  | { kind: "string"; column: string; optional?: true }
  /** `pgType`: the PostgreSQL enum type, so comparisons can use the column's index. */
  | { kind: "enum"; column: string; pgType: string; values: readonly string[] }
  | { kind: "datetime"; column: string }
  | { kind: "date"; column: string; optional?: true }
  /** Shown as "true" / "false", as OneRoster 1.1's JSON binding has it. */
  | { kind: "boolean"; column: string; optional?: true }
  | { kind: "strings"; column: string }
  | { kind: "json"; column: string; optional?: true }
  /** A GUIDRef to one entity whose sourcedId is in `column`; filtered as `<field>.sourcedId`. */
  | { kind: "ref"; column: string; ref: RefType; optional?: true }
  | { kind: "refs"; column: string; ref: RefType }
  /** GUIDRefs to the rows whose parentSourcedId is this row's sourcedId (a second query). */
  | { kind: "children"; ref: RefType };

export type Fields = Readonly<Record<string, FieldSpec>>;

export const REF_PATHS: Record<RefType, string> = {
  academicSession: "academicSessions",
  org: "orgs",
  course: "courses",
  class: "classes",
  user: "users",
};

const base = {
  sourcedId: { kind: "string", column: "sourcedId" },
  status: { kind: "enum", column: "status", pgType: "RosterStatus", values: ["active", "tobedeleted"] },
  dateLastModified: { kind: "datetime", column: "dateLastModified" },
  metadata: { kind: "json", column: "metadata", optional: true },
} as const satisfies Fields;

const optionalString = (column: string) => ({ kind: "string", column, optional: true }) as const;
const strings = (column: string) => ({ kind: "strings", column }) as const;

export const ENTITY_FIELDS = {
  academicSession: {
    ...base,
    title: { kind: "string", column: "title" },
    startDate: { kind: "date", column: "startDate" },
    endDate: { kind: "date", column: "endDate" },
    type: { kind: "enum", column: "type", pgType: "AcademicSessionType", values: ["calendarYear", "gradingPeriod", "schoolYear", "semester", "term"] },
    parent: { kind: "ref", column: "parentSourcedId", ref: "academicSession", optional: true },
    children: { kind: "children", ref: "academicSession" },
    schoolYear: { kind: "string", column: "schoolYear" },
  },
  org: {
    ...base,
    name: { kind: "string", column: "name" },
    type: { kind: "enum", column: "type", pgType: "OrgType", values: ["district", "school"] },
    identifier: optionalString("identifier"),
    parent: { kind: "ref", column: "parentSourcedId", ref: "org", optional: true },
    children: { kind: "children", ref: "org" },
  },
  course: {
    ...base,
    title: { kind: "string", column: "title" },
    schoolYear: { kind: "ref", column: "schoolYearSourcedId", ref: "academicSession", optional: true },
    courseCode: optionalString("courseCode"),
    grades: strings("grades"),
    subjects: strings("subjects"),
    org: { kind: "ref", column: "orgSourcedId", ref: "org" },
    subjectCodes: strings("subjectCodes"),
  },
  class: {
    ...base,
    title: { kind: "string", column: "title" },
    classCode: optionalString("classCode"),
    classType: { kind: "enum", column: "classType", pgType: "ClassType", values: ["homeroom", "scheduled"] },
    location: optionalString("location"),
    grades: strings("grades"),
    subjects: strings("subjects"),
    course: { kind: "ref", column: "courseSourcedId", ref: "course" },
    school: { kind: "ref", column: "schoolSourcedId", ref: "org" },
    terms: { kind: "refs", column: "termSourcedIds", ref: "academicSession" },
    subjectCodes: strings("subjectCodes"),
    periods: strings("periods"),
  },
  user: {
    ...base,
    username: { kind: "string", column: "username" },
    userIds: { kind: "json", column: "userIds" },
    enabledUser: { kind: "boolean", column: "enabledUser" },
    givenName: { kind: "string", column: "givenName" },
    familyName: { kind: "string", column: "familyName" },
    middleName: optionalString("middleName"),
    role: {
      kind: "enum",
      column: "role",
      pgType: "RosterRole",
      values: ["administrator", "aide", "guardian", "parent", "proctor", "relative", "student", "teacher"],
    },
    identifier: optionalString("identifier"),
    email: optionalString("email"),
    sms: optionalString("sms"),
    phone: optionalString("phone"),
    agents: { kind: "refs", column: "agentSourcedIds", ref: "user" },
    orgs: { kind: "refs", column: "orgSourcedIds", ref: "org" },
    grades: strings("grades"),
  },
  enrollment: {
    ...base,
    user: { kind: "ref", column: "userSourcedId", ref: "user" },
    class: { kind: "ref", column: "classSourcedId", ref: "class" },
    school: { kind: "ref", column: "schoolSourcedId", ref: "org" },
    role: { kind: "enum", column: "role", pgType: "EnrollmentRole", values: ["administrator", "proctor", "student", "teacher"] },
    primary: { kind: "boolean", column: "primary" },
    beginDate: { kind: "date", column: "beginDate", optional: true },
    endDate: { kind: "date", column: "endDate", optional: true },
  },
  demographics: {
    ...base,
    birthDate: { kind: "date", column: "birthDate", optional: true },
    sex: optionalString("sex"),
    ...Object.fromEntries(
      [
        "americanIndianOrAlaskaNative",
        "asian",
        "blackOrAfricanAmerican",
        "nativeHawaiianOrOtherPacificIslander",
        "white",
        "demographicRaceTwoOrMoreRaces",
        "hispanicOrLatinoEthnicity",
      ].map((name) => [name, { kind: "boolean", column: name, optional: true } as const]),
    ),
    countryOfBirthCode: optionalString("countryOfBirthCode"),
    stateOfBirthAbbreviation: optionalString("stateOfBirthAbbreviation"),
    cityOfBirth: optionalString("cityOfBirth"),
    publicSchoolResidenceStatus: optionalString("publicSchoolResidenceStatus"),
  },
} as const satisfies Record<string, Fields>;

export type EntityName = keyof typeof ENTITY_FIELDS;

/** The field a `filter` or `sort` names: a plain field, or `<reference>.sourcedId`. */
export function fieldForQuery(fields: Fields, name: string): FieldSpec | undefined {
  const [head = "", tail, ...rest] = name.split(".");
  if (rest.length > 0 || !Object.hasOwn(fields, head)) return undefined;
  const spec = fields[head]!;
  const isReference = spec.kind === "ref" || spec.kind === "refs";
  if (tail === undefined) return isReference ? undefined : spec;
  return isReference && tail === "sourcedId" ? spec : undefined;
}
