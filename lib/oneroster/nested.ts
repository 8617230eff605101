// The nested endpoints (schools/{id}/students, classes/{id}/teachers, …): each checks that the
// records named in the path exist in the district (otherwise 404), then gives the condition
// that picks the listed collection's rows belonging to them. Links through enrollments (a
// class's students, a user's classes) count active enrollments only, and are subqueries, so a
// nested page is one query however large the district.
import { COLLECTIONS, type CollectionName } from "./collections";
import { unknownObject } from "./errors";
import { collectionWhere, exists } from "./queries";
import { allOf, sql, type Sql } from "./sql";

type Scope = (districtId: string, ids: string[]) => Promise<Sql>;

export async function requireRecord(collectionName: CollectionName, districtId: string, sourcedId: string, within?: { condition: Sql; says: string }) {
  const collection = COLLECTIONS[collectionName];
  const conditions = [collectionWhere(collection.entity, districtId, collection.scope), sql`"sourcedId" = ${sourcedId}`];
  if (within) conditions.push(within.condition);
  if (!(await exists(collection.entity, allOf(conditions)))) throw unknownObject(`No ${collection.noun} with sourcedId '${sourcedId}'${within?.says ?? ""}.`);
}

async function requireClassInSchool(districtId: string, schoolId: string, classId: string) {
  await requireRecord("schools", districtId, schoolId);
  await requireRecord("classes", districtId, classId, { condition: sql`"schoolSourcedId" = ${schoolId}`, says: ` in school '${schoolId}'` });
}

function enrolledUsers(districtId: string, classId: string, role: "student" | "teacher"): Sql {
  return sql`"sourcedId" IN (
    SELECT "userSourcedId" FROM "Enrollment"
    WHERE "districtId" = ${districtId}::uuid AND "classSourcedId" = ${classId}
      AND "role" = CAST(${role} AS "EnrollmentRole") AND "status" = 'active')`;
}

function classesOf(districtId: string, userId: string): Sql {
  return sql`"sourcedId" IN (
    SELECT "classSourcedId" FROM "Enrollment"
    WHERE "districtId" = ${districtId}::uuid AND "userSourcedId" = ${userId} AND "status" = 'active')`;
}

const inSchool =
  (condition: (schoolId: string, districtId: string) => Sql): Scope =>
  async (districtId, [schoolId = ""]) => {
    await requireRecord("schools", districtId, schoolId);
    return condition(schoolId, districtId);
  };

const usersOfClassInSchool =
  (role: "student" | "teacher"): Scope =>
  async (districtId, [schoolId = "", classId = ""]) => {
    await requireClassInSchool(districtId, schoolId, classId);
    return enrolledUsers(districtId, classId, role);
  };

const usersOfClass =
  (role: "student" | "teacher"): Scope =>
  async (districtId, [classId = ""]) => {
    await requireRecord("classes", districtId, classId);
    return enrolledUsers(districtId, classId, role);
  };

const classesOfUser =
  (collection: "students" | "teachers" | "users"): Scope =>
  async (districtId, [userId = ""]) => {
    await requireRecord(collection, districtId, userId);
    return classesOf(districtId, userId);
  };

const ofTerm =
  (condition: (termId: string) => Sql): Scope =>
  async (districtId, [termId = ""]) => {
    await requireRecord("terms", districtId, termId);
    return condition(termId);
  };

export const NESTED_SCOPES = {
  classesForSchool: inSchool((schoolId) => sql`"schoolSourcedId" = ${schoolId}`),
  enrollmentsForSchool: inSchool((schoolId) => sql`"schoolSourcedId" = ${schoolId}`),
  /** Users (students or teachers, by the listed collection) whose orgs include the school. */
  studentsForSchool: inSchool((schoolId) => sql`${schoolId} = ANY("orgSourcedIds")`),
  teachersForSchool: inSchool((schoolId) => sql`${schoolId} = ANY("orgSourcedIds")`),
  /** Courses the school owns, and courses of the school's classes. */
  coursesForSchool: inSchool(
    (schoolId, districtId) => sql`("orgSourcedId" = ${schoolId} OR "sourcedId" IN (
      SELECT "courseSourcedId" FROM "Class" WHERE "districtId" = ${districtId}::uuid AND "schoolSourcedId" = ${schoolId}))`,
  ),
  /** Terms the school's classes are taught in. */
  termsForSchool: inSchool(
    (schoolId, districtId) => sql`"sourcedId" IN (
      SELECT unnest("termSourcedIds") FROM "Class" WHERE "districtId" = ${districtId}::uuid AND "schoolSourcedId" = ${schoolId})`,
  ),
  enrollmentsForClassInSchool: async (districtId, [schoolId = "", classId = ""]) => {
    await requireClassInSchool(districtId, schoolId, classId);
    return sql`"classSourcedId" = ${classId}`;
  },
  studentsForClassInSchool: usersOfClassInSchool("student"),
  teachersForClassInSchool: usersOfClassInSchool("teacher"),
  studentsForClass: usersOfClass("student"),
  teachersForClass: usersOfClass("teacher"),
  classesForTerm: ofTerm((termId) => sql`${termId} = ANY("termSourcedIds")`),
  gradingPeriodsForTerm: ofTerm((termId) => sql`"parentSourcedId" = ${termId}`),
  classesForCourse: async (districtId, [courseId = ""]) => {
    await requireRecord("courses", districtId, courseId);
    return sql`"courseSourcedId" = ${courseId}`;
  },
  classesForStudent: classesOfUser("students"),
  classesForTeacher: classesOfUser("teachers"),
  classesForUser: classesOfUser("users"),
} satisfies Record<string, Scope>;

export type NestedScopeName = keyof typeof NESTED_SCOPES;
