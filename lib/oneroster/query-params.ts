// The query parameters of a Data API request (limit, offset, sort, orderBy, fields, filter),
// checked against the entity's fields and turned into a plan before any query runs.
import { badData, badSelection, badSort } from "./errors";
import { fieldForQuery, type Fields } from "./fields";
import { parseFilter } from "./filter";
import type { Sql } from "./sql";
import { filterToSql } from "./where";

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;

export type SortOrder = { column: string; direction: "asc" | "desc" };

export type ListQuery = {
  limit: number;
  offset: number;
  /** The requested order, then sourcedId, so that pages never overlap or skip. */
  orderBy: SortOrder[];
  /** The fields to show; null for all. */
  fields: string[] | null;
  /** The filter as a SQL condition; null without one. */
  where: Sql | null;
};

const SORTABLE = new Set(["string", "enum", "datetime", "date", "boolean", "ref"]);

export function parseListQuery(params: URLSearchParams, fields: Fields): ListQuery {
  return {
    limit: Math.min(parseCount(params, "limit", DEFAULT_LIMIT, 1), MAX_LIMIT),
    offset: parseCount(params, "offset", 0, 0),
    orderBy: parseOrder(params, fields),
    fields: parseFieldSelection(params, fields),
    where: params.has("filter") && params.get("filter")!.trim() !== "" ? filterToSql(parseFilter(params.get("filter")!), fields) : null,
  };
}

/** `fields=givenName,familyName`: only these in each record; any unknown name is an error. */
export function parseFieldSelection(params: URLSearchParams, fields: Fields): string[] | null {
  const names = (params.get("fields") ?? "")
    .split(",")
    .map((name) => name.trim())
    .filter(Boolean);
  if (names.length === 0) return null;
  const unknown = names.filter((name) => !Object.hasOwn(fields, name));
  if (unknown.length > 0) {
    throw badSelection(`Unknown field${unknown.length > 1 ? "s" : ""} in fields: ${unknown.map((name) => `'${name}'`).join(", ")}.`);
  }
  return [...new Set(names)];
}

function parseCount(params: URLSearchParams, name: string, fallback: number, minimum: number): number {
  const raw = params.get(name);
  if (raw === null || raw.trim() === "") return fallback;
  if (!/^\d+$/.test(raw.trim())) throw badData(`${name} must be a whole number, not '${raw}'.`);
  const value = Number(raw.trim());
  if (value < minimum) throw badData(`${name} must be at least ${minimum}.`);
  // A limit above the maximum is clamped by the caller; an offset must be one the database can take.
  if (name === "offset" && !Number.isSafeInteger(value)) throw badData("offset is too large.");
  return value;
}

function parseOrder(params: URLSearchParams, fields: Fields): SortOrder[] {
  const rawDirection = params.get("orderBy")?.trim().toLowerCase() || "asc";
  if (rawDirection !== "asc" && rawDirection !== "desc") {
    throw badSort(`orderBy must be asc or desc, not '${params.get("orderBy")}'.`);
  }
  const direction: "asc" | "desc" = rawDirection;
  const sort = params.get("sort")?.trim();
  if (!sort || sort === "sourcedId") return [{ column: "sourcedId", direction }];
  const spec = fieldForQuery(fields, sort);
  if (!spec || !SORTABLE.has(spec.kind) || !("column" in spec)) throw badSort(`The data cannot be sorted by '${sort}'.`);
  return [
    { column: spec.column, direction },
    { column: "sourcedId", direction: "asc" },
  ];
}
