// Turns a parsed filter into a SQL condition for one entity. Every field name is looked up in
// the entity's field table and every value is checked for its type here, so a filter the
// database would reject is answered 400 before any query runs; values are bound parameters.
import { badFilter } from "./errors";
import { fieldForQuery, type Fields } from "./fields";
import type { FilterExpression, FilterOperator, Predicate } from "./filter";
import { allOf, anyOf, enumValue, identifier, list, sql, type Sql } from "./sql";

export function filterToSql(filter: FilterExpression, fields: Fields): Sql {
  return anyOf(filter.anyOf.map((group) => allOf(group.map((predicate) => predicateToSql(predicate, fields)))));
}

function predicateToSql(predicate: Predicate, fields: Fields): Sql {
  const spec = fieldForQuery(fields, predicate.field);
  if (!spec) {
    const head = predicate.field.split(".")[0]!;
    const hint = Object.hasOwn(fields, head) && ["ref", "refs"].includes(fields[head]!.kind) ? ` (use ${head}.sourcedId)` : "";
    throw badFilter(`Unknown filter field '${predicate.field}'${hint}.`);
  }
  switch (spec.kind) {
    case "string":
    case "ref":
      return textCondition(identifier(spec.column), predicate);
    case "enum": {
      // Enum values are few: the predicate is decided here and sent as the values that match.
      const matching = spec.values.filter((value) => compareText(value, predicate));
      return matching.length === 0 ? sql`FALSE` : sql`${identifier(spec.column)} IN (${list(matching.map((value) => enumValue(value, spec.pgType)))})`;
    }
    case "datetime":
      return comparison(identifier(spec.column), predicate, () => sql`CAST(${parseDateTime(predicate)} AS timestamp)`);
    case "date":
      return comparison(identifier(spec.column), predicate, () => sql`CAST(${parseDate(predicate)} AS date)`);
    case "boolean":
      return booleanCondition(identifier(spec.column), predicate);
    case "strings":
    case "refs":
      return listCondition(identifier(spec.column), predicate);
    case "json":
    case "children":
      throw badFilter(`The field '${predicate.field}' cannot be filtered.`);
  }
}

const COMPARISON: Record<Exclude<FilterOperator, "~">, Sql> = {
  "=": sql`=`,
  // IS DISTINCT FROM: "not X" also matches rows without a value, as a client would expect.
  "!=": sql`IS DISTINCT FROM`,
  ">": sql`>`,
  ">=": sql`>=`,
  "<": sql`<`,
  "<=": sql`<=`,
};

/** `~` is a case-insensitive "contains"; %, _ and \ in the value match only themselves. */
function textCondition(column: Sql, predicate: Predicate): Sql {
  if (predicate.operator === "~") return sql`${column} ILIKE ${`%${predicate.value.replace(/[\\%_]/g, "\\$&")}%`}`;
  return sql`${column} ${COMPARISON[predicate.operator]} ${predicate.value}`;
}

function comparison(column: Sql, predicate: Predicate, value: () => Sql): Sql {
  if (predicate.operator === "~") throw badFilter(`The operator ~ cannot be used with the date field '${predicate.field}'.`);
  return sql`${column} ${COMPARISON[predicate.operator]} ${value()}`;
}

function booleanCondition(column: Sql, predicate: Predicate): Sql {
  if (predicate.operator !== "=" && predicate.operator !== "!=") {
    throw badFilter(`Only = and != can be used with the true/false field '${predicate.field}'.`);
  }
  if (predicate.value !== "true" && predicate.value !== "false") {
    throw badFilter(`The value for '${predicate.field}' must be 'true' or 'false'.`);
  }
  return sql`${column} ${COMPARISON[predicate.operator]} ${predicate.value === "true"}`;
}

/** Lists (grades, orgs.sourcedId, …): `=` means "contains this element", `!=` "does not" (an unset list neither). */
function listCondition(column: Sql, predicate: Predicate): Sql {
  const contains = sql`${predicate.value} = ANY(${column})`;
  if (predicate.operator === "=") return contains;
  if (predicate.operator === "!=") return sql`(${contains}) IS NOT TRUE`;
  throw badFilter(`Only = and != can be used with the list field '${predicate.field}'.`);
}

function compareText(candidate: string, { operator, value }: Predicate): boolean {
  switch (operator) {
    case "=":
      return candidate === value;
    case "!=":
      return candidate !== value;
    case "~":
      return candidate.toLowerCase().includes(value.toLowerCase());
    case ">":
      return candidate > value;
    case ">=":
      return candidate >= value;
    case "<":
      return candidate < value;
    case "<=":
      return candidate <= value;
  }
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

/** YYYY-MM-DD, the form of startDate, endDate, birthDate, beginDate. */
function parseDate(predicate: Predicate): string {
  if (!isCalendarDate(predicate.value)) throw badFilter(`The value for '${predicate.field}' must be a date such as '2026-08-31'.`);
  return predicate.value;
}

function isCalendarDate(value: string): boolean {
  const date = DATE.test(value) ? new Date(`${value}T00:00:00Z`) : null;
  return date !== null && !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * An ISO 8601 date-time with a zone (or a date, meaning its midnight UTC), as dateLastModified;
 * sent as the UTC wall-clock time, which is how the timestamp columns hold it.
 */
function parseDateTime(predicate: Predicate): string {
  if (DATE.test(predicate.value)) return `${parseDate(predicate)}T00:00:00.000`;
  const date = DATE_TIME.test(predicate.value) ? new Date(predicate.value) : null;
  if (!date || Number.isNaN(date.getTime()) || !isCalendarDate(predicate.value.slice(0, 10))) {
    throw badFilter(`The value for '${predicate.field}' must be an ISO 8601 date-time such as '2026-08-31T12:00:00Z'.`);
  }
  return date.toISOString().slice(0, -1);
}
