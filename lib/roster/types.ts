// The rows a generated roster is made of: one type per OneRoster table, holding plain values
// (dates as "YYYY-MM-DD"), as the bulk insert writes them.

export const GRADES = ["KG", "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12"] as const;
export type Grade = (typeof GRADES)[number];

export type OrgRow = {
  sourcedId: string;
  type: "district" | "school";
  name: string;
  identifier: string | null;
  parentSourcedId: string | null;
};

export type AcademicSessionRow = {
  sourcedId: string;
  title: string;
  type: "schoolYear" | "semester";
  startDate: string;
  endDate: string;
  parentSourcedId: string | null;
  schoolYear: string;
};

export type CourseRow = {
  sourcedId: string;
  title: string;
  schoolYearSourcedId: string;
  courseCode: string;
  grades: string[];
  subjects: string[];
  orgSourcedId: string;
};

export type ClassRow = {
  sourcedId: string;
  title: string;
  classCode: string;
  classType: "homeroom" | "scheduled";
  location: string | null;
  grades: string[];
  subjects: string[];
  periods: string[];
  courseSourcedId: string;
  schoolSourcedId: string;
  termSourcedIds: string[];
};

export type RosterRole = "administrator" | "guardian" | "student" | "teacher";

export type RosterUserRow = {
  sourcedId: string;
  username: string;
  userIds: { type: string; identifier: string }[];
  givenName: string;
  familyName: string;
  middleName: string | null;
  role: RosterRole;
  identifier: string | null;
  email: string;
  sms: string | null;
  phone: string | null;
  agentSourcedIds: string[];
  orgSourcedIds: string[];
  grades: string[];
};

export type EnrollmentRow = {
  sourcedId: string;
  userSourcedId: string;
  classSourcedId: string;
  schoolSourcedId: string;
  role: "student" | "teacher";
  primary: boolean;
  beginDate: string;
  endDate: string;
};

export type DemographicRow = {
  sourcedId: string;
  birthDate: string;
  sex: "female" | "male";
  americanIndianOrAlaskaNative: boolean;
  asian: boolean;
  blackOrAfricanAmerican: boolean;
  nativeHawaiianOrOtherPacificIslander: boolean;
  white: boolean;
  demographicRaceTwoOrMoreRaces: boolean;
  hispanicOrLatinoEthnicity: boolean;
  countryOfBirthCode: string;
  stateOfBirthAbbreviation: string | null;
};

export type RosterRows = {
  orgs: OrgRow;
  academicSessions: AcademicSessionRow;
  courses: CourseRow;
  classes: ClassRow;
  users: RosterUserRow;
  enrollments: EnrollmentRow;
  demographics: DemographicRow;
};
export type RosterEntity = keyof RosterRows;
export const ROSTER_ENTITIES: readonly RosterEntity[] = ["orgs", "academicSessions", "courses", "classes", "users", "enrollments", "demographics"];

/** A slice of one table's rows; a roster is a stream of these. */
export type RosterBatch = { [E in RosterEntity]: { entity: E; rows: RosterRows[E][] } }[RosterEntity];

export type RosterCounts = Record<RosterEntity, number>;

export function emptyCounts(): RosterCounts {
  return { orgs: 0, academicSessions: 0, courses: 0, classes: 0, users: 0, enrollments: 0, demographics: 0 };
}
