// The collections the Data API serves: which entity each shows, which of its rows belong to it
// (students are users whose role is student, …) and the JSON keys of a list and of one record,
// as OneRoster 1.1 names them. Terms are academic sessions of type term or semester: OneRoster
// 1.1 defines a class's `terms` as "the set of terms or semesters", and districts that schedule
// by semester (as Rollcall's generated rosters do) would otherwise have no terms at all.
import type { EntityName } from "./fields";

export type Collection = {
  entity: EntityName;
  /** JSON key of a list: { "users": [...] } */
  plural: string;
  /** JSON key of one record: { "user": {...} } */
  singular: string;
  /** Enum columns and the value(s) they must have (e.g. { role: "student" }); {} for every row. */
  scope: Readonly<Record<string, string | readonly string[]>>;
  /** What one record is called in a "not found" answer. */
  noun: string;
};

const sessions = { entity: "academicSession", plural: "academicSessions", singular: "academicSession" } as const;
const orgs = { entity: "org", plural: "orgs", singular: "org" } as const;
const users = { entity: "user", plural: "users", singular: "user" } as const;

export const COLLECTIONS = {
  academicSessions: { ...sessions, scope: {}, noun: "academic session" },
  terms: { ...sessions, scope: { type: ["term", "semester"] }, noun: "term" },
  gradingPeriods: { ...sessions, scope: { type: "gradingPeriod" }, noun: "grading period" },
  classes: { entity: "class", plural: "classes", singular: "class", scope: {}, noun: "class" },
  courses: { entity: "course", plural: "courses", singular: "course", scope: {}, noun: "course" },
  demographics: { entity: "demographics", plural: "demographics", singular: "demographics", scope: {}, noun: "demographics record" },
  enrollments: { entity: "enrollment", plural: "enrollments", singular: "enrollment", scope: {}, noun: "enrollment" },
  orgs: { ...orgs, scope: {}, noun: "org" },
  schools: { ...orgs, scope: { type: "school" }, noun: "school" },
  users: { ...users, scope: {}, noun: "user" },
  students: { ...users, scope: { role: "student" }, noun: "student" },
  teachers: { ...users, scope: { role: "teacher" }, noun: "teacher" },
} as const satisfies Record<string, Collection>;

export type CollectionName = keyof typeof COLLECTIONS;
