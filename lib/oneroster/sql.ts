// The few pieces of SQL text the Data API writes itself. Identifiers come only from the
// fixed tables in fields.ts (and are checked again here); every value a client sends travels
// as a bound parameter of Prisma's sql tag, never as text.
import { Prisma } from "@/generated/prisma/client";
import type { EntityName } from "./fields";

export type Sql = Prisma.Sql;
export const sql = Prisma.sql;

export const ENTITY_TABLES: Record<EntityName, string> = {
  academicSession: "AcademicSession",
  org: "Org",
  course: "Course",
  class: "Class",
  user: "RosterUser",
  enrollment: "Enrollment",
  demographics: "Demographic",
};

/** A quoted table or column name; only ever called with names from this module's own tables. */
export function identifier(name: string): Sql {
  if (!/^[A-Za-z]+$/.test(name)) throw new Error(`not an identifier: ${name}`);
  return Prisma.raw(`"${name}"`);
}

export function tableOf(entity: EntityName): Sql {
  return identifier(ENTITY_TABLES[entity]);
}

/** A value of a PostgreSQL enum type, so that a comparison with the column can use its index. */
export function enumValue(value: string, pgType: string): Sql {
  return sql`CAST(${value} AS ${identifier(pgType)})`;
}

export function allOf(conditions: Sql[]): Sql {
  if (conditions.length === 0) return sql`TRUE`;
  return conditions.length === 1 ? conditions[0]! : sql`(${Prisma.join(conditions, " AND ")})`;
}

export function anyOf(conditions: Sql[]): Sql {
  if (conditions.length === 0) return sql`FALSE`;
  return conditions.length === 1 ? conditions[0]! : sql`(${Prisma.join(conditions, " OR ")})`;
}

export function list(values: Sql[]): Sql {
  return Prisma.join(values, ", ");
}
