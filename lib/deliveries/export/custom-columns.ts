// The SQL behind each field of the custom format catalog (catalog.ts) and its filters. Field
// names are only ever looked up here, never written into SQL; filter values travel as bound
// parameters. Related fields bring their join, once, whatever the number of such columns.
import { Prisma } from "@/generated/prisma/client";
import type { CustomFormat, FormatEntity, FormatFilters } from "@/lib/deliveries/types";

const sql = Prisma.sql;
const raw = Prisma.raw;

type EntitySql = {
  table: string;
  /** Field → SQL giving its value (text, text[], boolean or a YYYY-MM-DD text). */
  fields: Record<string, string>;
  /** Join name → the join; a related field "school.name" uses the join "school". */
  joins: Record<string, string>;
};

const own = (names: string[]) => Object.fromEntries(names.map((name) => [name, `t."${name}"`]));
const enums = (names: string[]) => Object.fromEntries(names.map((name) => [name, `t."${name}"::text`]));
const dates = (names: string[]) => Object.fromEntries(names.map((name) => [name, `to_char(t."${name}", 'YYYY-MM-DD')`]));
const sameDistrict = (alias: string, sourcedId: string) => `${alias}."districtId" = t."districtId" AND ${alias}."sourcedId" = ${sourcedId}`;

const BASE = { sourcedId: `t."sourcedId"`, status: `t."status"::text`, dateLastModified: `to_char(t."dateLastModified", 'YYYY-MM-DD')` };

const ENTITY_SQL: Record<FormatEntity, EntitySql> = {
  users: {
    table: "RosterUser",
    fields: {
      ...BASE,
      ...own(["enabledUser", "orgSourcedIds", "username", "givenName", "familyName", "middleName", "identifier", "email", "sms", "phone", "agentSourcedIds", "grades"]),
      ...enums(["role"]),
      userIds: `ARRAY(SELECT '{' || (id.value->>'type') || ':' || (id.value->>'identifier') || '}' FROM jsonb_array_elements(t."userIds") WITH ORDINALITY AS id(value, position) ORDER BY id.position)`,
      "school.sourcedId": `school."sourcedId"`,
      "school.name": `school."name"`,
      "school.identifier": `school."identifier"`,
    },
    joins: {
      // The user's first org that is a school, in the order of orgSourcedIds.
      school: `LEFT JOIN LATERAL (SELECT o."sourcedId", o."name", o."identifier" FROM "Org" AS o
        WHERE o."districtId" = t."districtId" AND o."sourcedId" = ANY(t."orgSourcedIds") AND o."type" = 'school'
        ORDER BY array_position(t."orgSourcedIds", o."sourcedId") LIMIT 1) AS school ON TRUE`,
    },
  },
  classes: {
    table: "Class",
    fields: {
      ...BASE,
      ...own(["title", "grades", "courseSourcedId", "classCode", "location", "schoolSourcedId", "termSourcedIds", "subjects", "subjectCodes", "periods"]),
      ...enums(["classType"]),
      "course.title": `course."title"`,
      "course.courseCode": `course."courseCode"`,
      "school.name": `school."name"`,
      "school.identifier": `school."identifier"`,
      "teacher.sourcedId": `teacher."sourcedId"`,
      "teacher.email": `teacher."email"`,
      "teacher.name": `teacher."givenName" || ' ' || teacher."familyName"`,
      "teacher.username": `teacher."username"`,
      "term.title": `term."title"`,
    },
    joins: {
      course: `LEFT JOIN "Course" AS course ON ${sameDistrict("course", `t."courseSourcedId"`)}`,
      school: `LEFT JOIN "Org" AS school ON ${sameDistrict("school", `t."schoolSourcedId"`)}`,
      // The class's primary teacher, else its first active teacher by enrollment.
      teacher: `LEFT JOIN LATERAL (SELECT u."sourcedId", u."email", u."givenName", u."familyName", u."username"
        FROM "Enrollment" AS e JOIN "RosterUser" AS u ON u."districtId" = e."districtId" AND u."sourcedId" = e."userSourcedId"
        WHERE e."districtId" = t."districtId" AND e."classSourcedId" = t."sourcedId" AND e."role" = 'teacher' AND e."status" = 'active'
        ORDER BY e."primary" DESC, e."sourcedId" LIMIT 1) AS teacher ON TRUE`,
      term: `LEFT JOIN "AcademicSession" AS term ON ${sameDistrict("term", `t."termSourcedIds"[1]`)}`,
    },
  },
  enrollments: {
    table: "Enrollment",
    fields: {
      ...BASE,
      ...own(["classSourcedId", "schoolSourcedId", "userSourcedId", "primary"]),
      ...enums(["role"]),
      ...dates(["beginDate", "endDate"]),
      "user.email": `"user"."email"`,
      "user.givenName": `"user"."givenName"`,
      "user.familyName": `"user"."familyName"`,
      "user.username": `"user"."username"`,
      "user.identifier": `"user"."identifier"`,
      "class.title": `class."title"`,
      "class.classCode": `class."classCode"`,
      "school.name": `school."name"`,
    },
    joins: {
      user: `LEFT JOIN "RosterUser" AS "user" ON ${sameDistrict(`"user"`, `t."userSourcedId"`)}`,
      class: `LEFT JOIN "Class" AS class ON ${sameDistrict("class", `t."classSourcedId"`)}`,
      school: `LEFT JOIN "Org" AS school ON ${sameDistrict("school", `t."schoolSourcedId"`)}`,
    },
  },
  orgs: {
    table: "Org",
    fields: { ...BASE, ...own(["name", "identifier", "parentSourcedId"]), ...enums(["type"]), "parent.name": `parent."name"` },
    joins: { parent: `LEFT JOIN "Org" AS parent ON ${sameDistrict("parent", `t."parentSourcedId"`)}` },
  },
  courses: {
    table: "Course",
    fields: {
      ...BASE,
      ...own(["schoolYearSourcedId", "title", "courseCode", "grades", "orgSourcedId", "subjects", "subjectCodes"]),
      "school.name": `school."name"`,
      "schoolYear.title": `"schoolYear"."title"`,
    },
    joins: {
      school: `LEFT JOIN "Org" AS school ON ${sameDistrict("school", `t."orgSourcedId"`)}`,
      schoolYear: `LEFT JOIN "AcademicSession" AS "schoolYear" ON ${sameDistrict(`"schoolYear"`, `t."schoolYearSourcedId"`)}`,
    },
  },
  academicSessions: {
    table: "AcademicSession",
    fields: { ...BASE, ...own(["title", "parentSourcedId", "schoolYear"]), ...enums(["type"]), ...dates(["startDate", "endDate"]), "parent.title": `parent."title"` },
    joins: { parent: `LEFT JOIN "AcademicSession" AS parent ON ${sameDistrict("parent", `t."parentSourcedId"`)}` },
  },
  demographics: {
    table: "Demographic",
    fields: {
      ...BASE,
      ...own([
        "sex", "americanIndianOrAlaskaNative", "asian", "blackOrAfricanAmerican", "nativeHawaiianOrOtherPacificIslander", "white", "demographicRaceTwoOrMoreRaces",
        "hispanicOrLatinoEthnicity", "countryOfBirthCode", "stateOfBirthAbbreviation", "cityOfBirth", "publicSchoolResidenceStatus",
      ]),
      ...dates(["birthDate"]),
      "user.givenName": `"user"."givenName"`,
      "user.familyName": `"user"."familyName"`,
      "user.email": `"user"."email"`,
      "user.username": `"user"."username"`,
    },
    joins: { user: `LEFT JOIN "RosterUser" AS "user" ON ${sameDistrict(`"user"`, `t."sourcedId"`)}` },
  },
};

export type CustomQuery = { from: Prisma.Sql; cells: Prisma.Sql; where: Prisma.Sql };

/** The FROM (with the joins the columns need), the cells of a row as a JSON array, and the rows the filters keep. */
export function customQuery(districtId: string, format: Pick<CustomFormat, "entity" | "columns" | "filters">): CustomQuery {
  const entity = ENTITY_SQL[format.entity];
  const expressions = format.columns.map(({ field }) => {
    const expression = Object.hasOwn(entity.fields, field) ? entity.fields[field] : undefined;
    if (!expression) throw new Error(`'${field}' is not a field of ${format.entity}`);
    return expression;
  });
  const joins = [...new Set(format.columns.map(({ field }) => field.split(".")).filter((parts) => parts.length > 1).map(([join]) => join!))];
  const from = raw(`"${entity.table}" AS t ${joins.map((join) => entity.joins[join]!).join(" ")}`);
  const cells = expressions.length === 0 ? sql`'[]'::json` : raw(`json_build_array(${expressions.join(", ")})`);
  return { from, cells, where: filtersWhere(districtId, format.entity, format.filters) };
}

function filtersWhere(districtId: string, entity: FormatEntity, filters: FormatFilters): Prisma.Sql {
  const statuses = filters.statuses.length > 0 ? filters.statuses : ["active"];
  const conditions = [sql`t."districtId" = ${districtId}::uuid`, sql`t."status"::text = ANY(${statuses}::text[])`];
  const { roles, schoolNames, grades } = filters;
  if (roles.length > 0 && (entity === "users" || entity === "enrollments")) conditions.push(sql`t."role"::text = ANY(${roles}::text[])`);
  if (schoolNames.length > 0) {
    const patterns = schoolNames.map((name) => `%${name.replace(/[\\%_]/g, (character) => `\\${character}`)}%`);
    // The district's schools whose name contains one of the words, as a sourcedId array.
    const schools = sql`ARRAY(SELECT o."sourcedId" FROM "Org" AS o WHERE o."districtId" = ${districtId}::uuid AND o."type" = 'school' AND o."name" ILIKE ANY(${patterns}::text[]))`;
    const bySchool: Partial<Record<FormatEntity, Prisma.Sql>> = {
      users: sql`t."orgSourcedIds" && ${schools}`,
      classes: sql`t."schoolSourcedId" = ANY(${schools})`,
      enrollments: sql`t."schoolSourcedId" = ANY(${schools})`,
      courses: sql`t."orgSourcedId" = ANY(${schools})`,
      orgs: sql`t."sourcedId" = ANY(${schools})`,
      demographics: sql`EXISTS (SELECT 1 FROM "RosterUser" AS u WHERE ${raw(sameDistrict("u", `t."sourcedId"`))} AND u."orgSourcedIds" && ${schools})`,
    };
    const condition = bySchool[entity];
    if (condition) conditions.push(condition);
  }
  if (grades.length > 0) {
    const byGrade: Partial<Record<FormatEntity, Prisma.Sql>> = {
      users: sql`t."grades" && ${grades}::text[]`,
      classes: sql`t."grades" && ${grades}::text[]`,
      courses: sql`t."grades" && ${grades}::text[]`,
      enrollments: sql`EXISTS (SELECT 1 FROM "Class" AS c WHERE ${raw(sameDistrict("c", `t."classSourcedId"`))} AND c."grades" && ${grades}::text[])`,
      demographics: sql`EXISTS (SELECT 1 FROM "RosterUser" AS u WHERE ${raw(sameDistrict("u", `t."sourcedId"`))} AND u."grades" && ${grades}::text[])`,
    };
    const condition = byGrade[entity];
    if (condition) conditions.push(condition);
  }
  return Prisma.join(conditions, " AND ");
}
