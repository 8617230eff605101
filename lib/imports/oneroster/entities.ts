// The OneRoster 1.1 CSV files Rollcall reads, their columns, and the table each one fills. A
// column has the name of the database column it fills; `ref` names the file (or roster table)
// its sourcedIds must point into.

export const ENTITY_NAMES = ["orgs", "academicSessions", "courses", "classes", "users", "enrollments", "demographics"] as const;
export type EntityName = (typeof ENTITY_NAMES)[number];

/** OneRoster 1.1 files Rollcall does not keep: read past with a warning. */
export const IGNORED_FILES: Record<string, string> = {
  "categories.csv": "gradebook categories",
  "classResources.csv": "class resources",
  "courseResources.csv": "course resources",
  "lineItems.csv": "gradebook line items",
  "resources.csv": "resources",
  "results.csv": "gradebook results",
};

export type FieldKind =
  | { type: "text" }
  | { type: "email" }
  | { type: "year" }
  | { type: "date" }
  | { type: "boolean" }
  | { type: "list" }
  | { type: "grades" }
  | { type: "userIds" }
  | { type: "enum"; values: readonly string[]; pgType: string; what: string };

export type Field = {
  name: string;
  kind: FieldKind;
  /** The column must be in the header and hold a value on every row (except rows being deleted). */
  required?: true;
  /** The value of a blank cell when not null (NOT NULL columns with a default). */
  blank?: boolean;
  /** The entity the sourcedId(s) in this column point at. */
  ref?: EntityName;
};

export type Entity = {
  name: EntityName;
  file: string;
  table: string;
  /** One row, for messages: "user", "class". */
  noun: string;
  fields: readonly Field[];
  /** Columns of the specification that Rollcall reads past. */
  unused?: readonly string[];
};

const text = (name: string, extra: Partial<Field> = {}): Field => ({ name, kind: { type: "text" }, ...extra });
const list = (name: string, extra: Partial<Field> = {}): Field => ({ name, kind: { type: "list" }, ...extra });
const date = (name: string, extra: Partial<Field> = {}): Field => ({ name, kind: { type: "date" }, ...extra });
const bool = (name: string, extra: Partial<Field> = {}): Field => ({ name, kind: { type: "boolean" }, ...extra });
const grades = (name: string): Field => ({ name, kind: { type: "grades" } });
const enumeration = (name: string, pgType: string, what: string, values: readonly string[], extra: Partial<Field> = {}): Field => ({
  name,
  kind: { type: "enum", values, pgType, what },
  ...extra,
});

export const ENTITIES: Record<EntityName, Entity> = {
  orgs: {
    name: "orgs",
    file: "orgs.csv",
    table: "Org",
    noun: "org",
    fields: [
      text("name", { required: true }),
      enumeration("type", "OrgType", "an org type Rollcall keeps", ["district", "school"], { required: true }),
      text("identifier"),
      text("parentSourcedId", { ref: "orgs" }),
    ],
  },
  academicSessions: {
    name: "academicSessions",
    file: "academicSessions.csv",
    table: "AcademicSession",
    noun: "academic session",
    fields: [
      text("title", { required: true }),
      enumeration("type", "AcademicSessionType", "a session type", ["calendarYear", "gradingPeriod", "schoolYear", "semester", "term"], { required: true }),
      date("startDate", { required: true }),
      date("endDate", { required: true }),
      text("parentSourcedId", { ref: "academicSessions" }),
      { name: "schoolYear", kind: { type: "year" }, required: true },
    ],
  },
  courses: {
    name: "courses",
    file: "courses.csv",
    table: "Course",
    noun: "course",
    fields: [
      text("schoolYearSourcedId", { ref: "academicSessions" }),
      text("title", { required: true }),
      text("courseCode"),
      grades("grades"),
      text("orgSourcedId", { required: true, ref: "orgs" }),
      list("subjects"),
      list("subjectCodes"),
    ],
  },
  classes: {
    name: "classes",
    file: "classes.csv",
    table: "Class",
    noun: "class",
    fields: [
      text("title", { required: true }),
      grades("grades"),
      text("courseSourcedId", { required: true, ref: "courses" }),
      text("classCode"),
      enumeration("classType", "ClassType", "a class type", ["homeroom", "scheduled"], { required: true }),
      text("location"),
      text("schoolSourcedId", { required: true, ref: "orgs" }),
      list("termSourcedIds", { required: true, ref: "academicSessions" }),
      list("subjects"),
      list("subjectCodes"),
      list("periods"),
    ],
  },
  users: {
    name: "users",
    file: "users.csv",
    table: "RosterUser",
    noun: "user",
    fields: [
      bool("enabledUser", { required: true }),
      list("orgSourcedIds", { required: true, ref: "orgs" }),
      enumeration("role", "RosterRole", "a OneRoster role", ["administrator", "aide", "guardian", "parent", "proctor", "relative", "student", "teacher"], { required: true }),
      text("username", { required: true }),
      { name: "userIds", kind: { type: "userIds" } },
      text("givenName", { required: true }),
      text("familyName", { required: true }),
      text("middleName"),
      text("identifier"),
      { name: "email", kind: { type: "email" } },
      text("sms"),
      text("phone"),
      list("agentSourcedIds", { ref: "users" }),
      grades("grades"),
    ],
    unused: ["password"],
  },
  enrollments: {
    name: "enrollments",
    file: "enrollments.csv",
    table: "Enrollment",
    noun: "enrollment",
    fields: [
      text("classSourcedId", { required: true, ref: "classes" }),
      text("schoolSourcedId", { required: true, ref: "orgs" }),
      text("userSourcedId", { required: true, ref: "users" }),
      enumeration("role", "EnrollmentRole", "an enrollment role", ["administrator", "proctor", "student", "teacher"], { required: true }),
      bool("primary", { blank: false }),
      date("beginDate"),
      date("endDate"),
    ],
  },
  demographics: {
    name: "demographics",
    file: "demographics.csv",
    table: "Demographic",
    noun: "demographics row",
    fields: [
      date("birthDate"),
      enumeration("sex", "text", "a sex OneRoster knows", ["male", "female", "other", "unspecified"]),
      ...[
        "americanIndianOrAlaskaNative",
        "asian",
        "blackOrAfricanAmerican",
        "nativeHawaiianOrOtherPacificIslander",
        "white",
        "demographicRaceTwoOrMoreRaces",
        "hispanicOrLatinoEthnicity",
      ].map((name) => bool(name)),
      text("countryOfBirthCode"),
      text("stateOfBirthAbbreviation"),
      text("cityOfBirth"),
      text("publicSchoolResidenceStatus"),
    ],
  },
};
