// Writes a generated roster fast: one `INSERT … SELECT unnest($2::text[]), …` per batch, with
// one array parameter per column (values never enter the SQL text). A district's roster
// is replaced as a whole: its old rows are deleted and the new ones inserted in one
// transaction, so readers see the old roster or the new one, never half of either.
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { emptyCounts, type RosterBatch, type RosterCounts, type RosterEntity, type RosterRows } from "@/lib/roster/types";

type Transaction = Prisma.TransactionClient;

type Column<Row> = {
  name: string;
  /** How the values travel: a text[] or a boolean[] parameter. */
  array: "text" | "boolean";
  /** What each value becomes in the table, when not that ("date", "jsonb", "text[]", an enum). */
  cast?: string;
  value: (row: Row) => string | boolean | null;
};

type Table<Row> = { name: string; columns: Column<Row>[]; onConflict?: string };

const text = <Row>(name: string, value: (row: Row) => string | null, cast?: string): Column<Row> => ({ name, array: "text", cast, value });
const bool = <Row>(name: string, value: (row: Row) => boolean): Column<Row> => ({ name, array: "boolean", value });
const list = <Row>(name: string, value: (row: Row) => readonly string[]): Column<Row> => ({ name, array: "text", cast: "text[]", value: (row) => arrayLiteral(value(row)) });

const TABLES: { [E in RosterEntity]: Table<RosterRows[E]> } = {
  orgs: {
    name: "Org",
    columns: [text("sourcedId", (r) => r.sourcedId), text("type", (r) => r.type, '"OrgType"'), text("name", (r) => r.name), text("identifier", (r) => r.identifier), text("parentSourcedId", (r) => r.parentSourcedId)],
    // Schools are updated in place rather than replaced: access requests point at their rows.
    onConflict: `ON CONFLICT ("districtId", "sourcedId") DO UPDATE SET "type" = EXCLUDED."type", "name" = EXCLUDED."name", "identifier" = EXCLUDED."identifier",
      "parentSourcedId" = EXCLUDED."parentSourcedId", "status" = 'active', "dateLastModified" = CURRENT_TIMESTAMP`,
  },
  academicSessions: {
    name: "AcademicSession",
    columns: [
      text("sourcedId", (r) => r.sourcedId), text("title", (r) => r.title), text("type", (r) => r.type, '"AcademicSessionType"'),
      text("startDate", (r) => r.startDate, "date"), text("endDate", (r) => r.endDate, "date"), text("parentSourcedId", (r) => r.parentSourcedId), text("schoolYear", (r) => r.schoolYear),
    ],
  },
  courses: {
    name: "Course",
    columns: [
      text("sourcedId", (r) => r.sourcedId), text("title", (r) => r.title), text("schoolYearSourcedId", (r) => r.schoolYearSourcedId), text("courseCode", (r) => r.courseCode),
      list("grades", (r) => r.grades), list("subjects", (r) => r.subjects), list("subjectCodes", () => []), text("orgSourcedId", (r) => r.orgSourcedId),
    ],
  },
  classes: {
    name: "Class",
    columns: [
      text("sourcedId", (r) => r.sourcedId), text("title", (r) => r.title), text("classCode", (r) => r.classCode), text("classType", (r) => r.classType, '"ClassType"'),
      text("location", (r) => r.location), list("grades", (r) => r.grades), list("subjects", (r) => r.subjects), list("subjectCodes", () => []), list("periods", (r) => r.periods),
      text("courseSourcedId", (r) => r.courseSourcedId), text("schoolSourcedId", (r) => r.schoolSourcedId), list("termSourcedIds", (r) => r.termSourcedIds),
    ],
  },
  users: {
    name: "RosterUser",
    columns: [
      text("sourcedId", (r) => r.sourcedId), text("username", (r) => r.username), text("userIds", (r) => JSON.stringify(r.userIds), "jsonb"),
      text("givenName", (r) => r.givenName), text("familyName", (r) => r.familyName), text("middleName", (r) => r.middleName), text("role", (r) => r.role, '"RosterRole"'),
      text("identifier", (r) => r.identifier), text("email", (r) => r.email), text("sms", (r) => r.sms), text("phone", (r) => r.phone),
      list("agentSourcedIds", (r) => r.agentSourcedIds), list("orgSourcedIds", (r) => r.orgSourcedIds), list("grades", (r) => r.grades),
    ],
  },
  enrollments: {
    name: "Enrollment",
    columns: [
      text("sourcedId", (r) => r.sourcedId), text("userSourcedId", (r) => r.userSourcedId), text("classSourcedId", (r) => r.classSourcedId), text("schoolSourcedId", (r) => r.schoolSourcedId),
      text("role", (r) => r.role, '"EnrollmentRole"'), bool("primary", (r) => r.primary), text("beginDate", (r) => r.beginDate, "date"), text("endDate", (r) => r.endDate, "date"),
    ],
  },
  demographics: {
    name: "Demographic",
    columns: [
      text("sourcedId", (r) => r.sourcedId), text("birthDate", (r) => r.birthDate, "date"), text("sex", (r) => r.sex),
      bool("americanIndianOrAlaskaNative", (r) => r.americanIndianOrAlaskaNative), bool("asian", (r) => r.asian), bool("blackOrAfricanAmerican", (r) => r.blackOrAfricanAmerican),
      bool("nativeHawaiianOrOtherPacificIslander", (r) => r.nativeHawaiianOrOtherPacificIslander), bool("white", (r) => r.white),
      bool("demographicRaceTwoOrMoreRaces", (r) => r.demographicRaceTwoOrMoreRaces), bool("hispanicOrLatinoEthnicity", (r) => r.hispanicOrLatinoEthnicity),
      text("countryOfBirthCode", (r) => r.countryOfBirthCode), text("stateOfBirthAbbreviation", (r) => r.stateOfBirthAbbreviation),
    ],
  },
};

/** Tables emptied before a district's roster is written (Org rows are upserted instead). */
const REPLACED_TABLES = ["Enrollment", "Class", "Course", "AcademicSession", "Demographic", "RosterUser"];

export type WriteRosterOptions = {
  /** After each batch is written: the rows written so far per table, and the batch. */
  onProgress?: (counts: RosterCounts, batch: RosterBatch) => void;
};

/**
 * Replaces a district's roster with the batches given, inside the caller's transaction.
 * Orgs are upserted by sourcedId and orgs the new roster lacks are deleted (with their
 * access requests); every other roster table is emptied for the district first.
 */
export async function writeRoster(tx: Transaction, districtId: string, batches: Iterable<RosterBatch>, options: WriteRosterOptions = {}): Promise<RosterCounts> {
  // Two writers of one district's roster would interleave their rows; the second waits.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`rollcall:roster:${districtId}`}, 0))`;
  for (const table of REPLACED_TABLES) await tx.$executeRawUnsafe(`DELETE FROM "${table}" WHERE "districtId" = $1::uuid`, districtId);
  const newId = await idExpression(tx);
  const restoreChecks = await checkDistrictOnce(tx, districtId);

  const counts = emptyCounts();
  const orgSourcedIds: string[] = [];
  let pending: Promise<void> | undefined;
  // The next batch is generated and encoded while the database inserts the previous one.
  for (const batch of batches) {
    if (batch.entity === "orgs") orgSourcedIds.push(...batch.rows.map((row) => row.sourcedId));
    const insert = insertStatement(newId, batch.entity, batch.rows);
    await pending;
    pending = tx.$executeRawUnsafe(insert.sql, districtId, ...insert.parameters).then(() => {
      counts[batch.entity] += batch.rows.length;
      options.onProgress?.({ ...counts }, batch);
    });
    // Awaited on the next turn; this only keeps a failure from counting as unhandled meanwhile.
    pending.catch(() => undefined);
  }
  await pending;
  await restoreChecks();
  await tx.$executeRawUnsafe(`DELETE FROM "Org" WHERE "districtId" = $1::uuid AND NOT ("sourcedId" = ANY($2::text[]))`, districtId, orgSourcedIds);
  return counts;
}

/** writeRoster in a transaction of its own. */
export function replaceRoster(districtId: string, batches: Iterable<RosterBatch>, options: WriteRosterOptions = {}): Promise<RosterCounts> {
  return db().$transaction((tx) => writeRoster(tx, districtId, batches, options), { maxWait: 60_000, timeout: 30 * 60_000 });
}

/**
 * INSERT … SELECT from the arrays unnested side by side in the select list (which PostgreSQL
 * steps through in lockstep, cheaper than unnest(a, b, …) in FROM). A column with one value
 * throughout the batch (an enrollment's dates, a class's terms) is sent once; the others as
 * one array literal each, a single text parameter, so that neither Prisma nor pg handles the
 * batch value by value. The first column, the sourcedId, always varies.
 */
function insertStatement<E extends RosterEntity>(newId: string, entity: E, rows: readonly RosterRows[E][]): { sql: string; parameters: (string | boolean | null)[] } {
  const table = TABLES[entity];
  const columns = table.columns.map((column) => rows.map(column.value));
  const constant = columns.map((values, index) => index > 0 && values.every((value) => value === values[0]));
  const parameters = columns.map((values, index) => (constant[index] ? (values[0] ?? null) : arrayLiteral(values)));
  return { sql: statementText(table, newId, constant), parameters };
}

const statements = new Map<string, string>();

function statementText<Row>(table: Table<Row>, newId: string, constant: boolean[]): string {
  const key = `${table.name}|${newId}|${constant.map(Number).join("")}`;
  const cached = statements.get(key);
  if (cached) return cached;
  const names = table.columns.map((column) => `"${column.name}"`).join(", ");
  const unnested = table.columns.flatMap((column, index) => (constant[index] ? [] : [`unnest($${index + 2}::${column.array}[]) AS c${index}`])).join(", ");
  const values = table.columns
    .map((column, index) => {
      const value = constant[index] ? `$${index + 2}::${column.array}` : `c${index}`;
      return column.cast ? `${value}::${column.cast}` : value;
    })
    .join(", ");
  const statement = `INSERT INTO "${table.name}" ("id", "districtId", ${names}) SELECT ${newId}, $1::uuid, ${values} FROM (SELECT ${unnested}) AS batch ${table.onConflict ?? ""}`;
  statements.set(key, statement);
  return statement;
}

/**
 * Every inserted row's districtId would be checked against District by a foreign-key trigger,
 * a quarter of the database's work here. Instead the district row is locked once, as each
 * check would lock it, and while the rows are inserted the triggers are skipped
 * (session_replication_role, superusers only; others keep the checks). The returned function
 * turns them back on, before anything that must cascade.
 */
async function checkDistrictOnce(tx: Transaction, districtId: string): Promise<() => Promise<void>> {
  const [district] = await tx.$queryRaw<{ superuser: boolean; role: string }[]>`
    SELECT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser, current_setting('session_replication_role') AS role
    FROM "District" WHERE id = ${districtId}::uuid FOR KEY SHARE`;
  if (!district) throw new Error(`No district with id ${districtId}`);
  if (!district.superuser || district.role !== "origin") return async () => undefined;
  await tx.$executeRawUnsafe("SET LOCAL session_replication_role = replica");
  return async () => {
    await tx.$executeRawUnsafe("SET LOCAL session_replication_role = origin");
  };
}

/** Time-ordered ids (PostgreSQL 18's uuidv7) keep the primary key index appending; random ones before 18. */
export async function idExpression(tx: Transaction): Promise<string> {
  const [row] = await tx.$queryRaw<{ version: number }[]>`SELECT current_setting('server_version_num')::int AS version`;
  return (row?.version ?? 0) >= 180000 ? "uuidv7()" : "gen_random_uuid()";
}

/** A PostgreSQL array literal ({a,"b c",NULL,t}), sent as one text parameter and cast to an array. */
export function arrayLiteral(items: readonly (string | boolean | null)[]): string {
  return `{${items.map(arrayElement).join(",")}}`;
}

/** Elements are quoted only when they must be: most values (ids, names, dates) need not. */
const NEEDS_QUOTES = /^$|^null$|[\s",\\{}]/i;

function arrayElement(item: string | boolean | null): string {
  if (item === null) return "NULL";
  if (typeof item === "boolean") return item ? "t" : "f";
  return NEEDS_QUOTES.test(item) ? `"${item.replace(/[\\"]/g, "\\$&")}"` : item;
}
