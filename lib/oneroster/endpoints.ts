// Every read endpoint of the OneRoster 1.1 rostering service, as one table that both the router
// and the OpenAPI document are built from.
import type { CollectionName } from "./collections";
import type { NestedScopeName } from "./nested";

export const API_BASE_PATH = "/ims/oneroster/v1p1";

export type Endpoint = {
  /** Relative to the base path; `{name}` marks a sourcedId. */
  path: string;
  operationId: string;
  summary: string;
  collection: CollectionName;
  /** "one": a single record by the path's last sourcedId. */
  kind: "list" | "one";
  /** For nested lists: which rows of the collection belong to the records in the path. */
  within?: NestedScopeName;
};

const list = (path: string, operationId: string, collection: CollectionName, summary: string, within?: NestedScopeName): Endpoint => ({
  path,
  operationId,
  summary,
  collection,
  kind: "list",
  ...(within && { within }),
});
const one = (path: string, operationId: string, collection: CollectionName, summary: string): Endpoint => ({
  path,
  operationId,
  summary,
  collection,
  kind: "one",
});

export const ENDPOINTS: Endpoint[] = [
  list("/academicSessions", "getAllAcademicSessions", "academicSessions", "All academic sessions"),
  one("/academicSessions/{sourcedId}", "getAcademicSession", "academicSessions", "One academic session"),
  list("/classes", "getAllClasses", "classes", "All classes"),
  one("/classes/{sourcedId}", "getClass", "classes", "One class"),
  list("/classes/{classSourcedId}/students", "getStudentsForClass", "students", "Students enrolled in a class", "studentsForClass"),
  list("/classes/{classSourcedId}/teachers", "getTeachersForClass", "teachers", "Teachers of a class", "teachersForClass"),
  list("/courses", "getAllCourses", "courses", "All courses"),
  one("/courses/{sourcedId}", "getCourse", "courses", "One course"),
  list("/courses/{courseSourcedId}/classes", "getClassesForCourse", "classes", "Classes of a course", "classesForCourse"),
  list("/demographics", "getAllDemographics", "demographics", "All demographics records"),
  one("/demographics/{sourcedId}", "getDemographics", "demographics", "The demographics of one user"),
  list("/enrollments", "getAllEnrollments", "enrollments", "All enrollments"),
  one("/enrollments/{sourcedId}", "getEnrollment", "enrollments", "One enrollment"),
  list("/gradingPeriods", "getAllGradingPeriods", "gradingPeriods", "All grading periods (academic sessions of type gradingPeriod)"),
  one("/gradingPeriods/{sourcedId}", "getGradingPeriod", "gradingPeriods", "One grading period"),
  list("/orgs", "getAllOrgs", "orgs", "All orgs (the district and its schools)"),
  one("/orgs/{sourcedId}", "getOrg", "orgs", "One org"),
  list("/schools", "getAllSchools", "schools", "All schools (orgs of type school)"),
  one("/schools/{sourcedId}", "getSchool", "schools", "One school"),
  list("/schools/{schoolSourcedId}/classes", "getClassesForSchool", "classes", "Classes of a school", "classesForSchool"),
  list("/schools/{schoolSourcedId}/classes/{classSourcedId}/enrollments", "getEnrollmentsForClassInSchool", "enrollments", "Enrollments in a class of a school", "enrollmentsForClassInSchool"),
  list("/schools/{schoolSourcedId}/classes/{classSourcedId}/students", "getStudentsForClassInSchool", "students", "Students enrolled in a class of a school", "studentsForClassInSchool"),
  list("/schools/{schoolSourcedId}/classes/{classSourcedId}/teachers", "getTeachersForClassInSchool", "teachers", "Teachers of a class of a school", "teachersForClassInSchool"),
  list("/schools/{schoolSourcedId}/courses", "getCoursesForSchool", "courses", "Courses of a school (its own, and those of its classes)", "coursesForSchool"),
  list("/schools/{schoolSourcedId}/enrollments", "getEnrollmentsForSchool", "enrollments", "Enrollments at a school", "enrollmentsForSchool"),
  list("/schools/{schoolSourcedId}/students", "getStudentsForSchool", "students", "Students of a school", "studentsForSchool"),
  list("/schools/{schoolSourcedId}/teachers", "getTeachersForSchool", "teachers", "Teachers of a school", "teachersForSchool"),
  list("/schools/{schoolSourcedId}/terms", "getTermsForSchool", "terms", "Terms the school's classes are taught in", "termsForSchool"),
  list("/students", "getAllStudents", "students", "All students (users whose role is student)"),
  one("/students/{sourcedId}", "getStudent", "students", "One student"),
  list("/students/{studentSourcedId}/classes", "getClassesForStudent", "classes", "Classes a student is enrolled in", "classesForStudent"),
  list("/teachers", "getAllTeachers", "teachers", "All teachers (users whose role is teacher)"),
  one("/teachers/{sourcedId}", "getTeacher", "teachers", "One teacher"),
  list("/teachers/{teacherSourcedId}/classes", "getClassesForTeacher", "classes", "Classes a teacher teaches", "classesForTeacher"),
  list("/terms", "getAllTerms", "terms", "All terms (academic sessions of type term or semester)"),
  one("/terms/{sourcedId}", "getTerm", "terms", "One term"),
  list("/terms/{termSourcedId}/classes", "getClassesForTerm", "classes", "Classes taught in a term", "classesForTerm"),
  list("/terms/{termSourcedId}/gradingPeriods", "getGradingPeriodsForTerm", "gradingPeriods", "Grading periods of a term", "gradingPeriodsForTerm"),
  list("/users", "getAllUsers", "users", "All users"),
  one("/users/{sourcedId}", "getUser", "users", "One user"),
  list("/users/{userSourcedId}/classes", "getClassesForUser", "classes", "Classes a user is enrolled in", "classesForUser"),
];

/** The endpoint a path (below the base path, already split and decoded) names, with its sourcedIds. */
export function matchEndpoint(segments: string[]): { endpoint: Endpoint; ids: string[] } | null {
  for (const endpoint of ENDPOINTS) {
    const pattern = endpoint.path.split("/").slice(1);
    if (pattern.length !== segments.length) continue;
    const ids: string[] = [];
    const matches = pattern.every((part, index) => {
      const segment = segments[index]!;
      if (part.startsWith("{")) {
        ids.push(segment);
        return segment.length > 0;
      }
      return part === segment;
    });
    if (matches) return { endpoint, ids };
  }
  return null;
}
