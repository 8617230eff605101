// Database rows to OneRoster 1.1 JSON, written by PostgreSQL: each row's object comes back as
// JSON text, so a 1000-row page crosses into Node as 1000 strings to join rather than 20,000
// values to parse, map and stringify again (the largest cost of a full export).
//   references   GUIDRefs { href, sourcedId, type }
//   dateLastModified  an ISO 8601 date-time in UTC; other dates YYYY-MM-DD
//   booleans     the strings "true" / "false"
//   no value     the field is left out (lists show as [])
// Fields are joined with concat_ws, which skips NULLs: that leaves out absent fields in the
// entity's own order, on every supported PostgreSQL version.
import { REF_PATHS, type FieldSpec, type Fields, type RefType } from "./fields";
import { Prisma } from "@/generated/prisma/client";
import { identifier, list, sql, tableOf, type Sql } from "./sql";
import type { EntityName } from "./fields";

export type SelectedFields = [string, FieldSpec][];

/** The fields to show, in the entity's own order. */
export function selectedFields(fields: Fields, selection: string[] | null): SelectedFields {
  const entries = Object.entries(fields);
  return selection ? entries.filter(([name]) => selection.includes(name)) : entries;
}

/**
 * A SQL expression giving one row of `entity` as a OneRoster JSON object (text).
 * `apiBase` is e.g. https://rollcall.example.org/ims/oneroster/v1p1, for the GUIDRefs' hrefs.
 */
export function rowJson(entity: EntityName, selected: SelectedFields, apiBase: string): Sql {
  const table = tableOf(entity);
  const members = selected.map(([name, spec]) => sql`${jsonText(`"${name}":`)} || ${valueJson(entity, table, spec, apiBase)}`);
  if (members.length === 0) return sql`'{}'`;
  return sql`'{' || concat_ws(',', ${list(members)}) || '}'`;
}

function valueJson(entity: EntityName, table: Sql, spec: FieldSpec, apiBase: string): Sql {
  if (spec.kind === "children") return childrenJson(entity, table, spec.ref, apiBase);
  const column = sql`${table}.${identifier(spec.column)}`;
  switch (spec.kind) {
    case "string":
      return sql`to_json(${column})::text`;
    case "enum":
      return sql`to_json(${column}::text)::text`;
    case "datetime":
      // Prisma stores DateTime as a timestamp without time zone holding UTC.
      return sql`to_json(to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::text`;
    case "date":
      return sql`to_json(to_char(${column}, 'YYYY-MM-DD'))::text`;
    case "boolean":
      return sql`CASE WHEN ${column} THEN '"true"' WHEN NOT ${column} THEN '"false"' END`;
    case "strings":
      return sql`COALESCE(to_json(${column})::text, '[]')`;
    case "json":
      return sql`${column}::text`;
    case "ref":
      return guidRefJson(column, spec.ref, apiBase);
    case "refs":
      return guidRefsJson(column, spec.ref, apiBase);
  }
}

/** sourcedIds made only of these characters need neither percent-encoding in a URL nor escaping in JSON. */
const PLAIN_IDS = sql`'^[A-Za-z0-9_.!~*''()-]*$'`;

function guidRefJson(sourcedId: Sql, type: RefType, apiBase: string): Sql {
  const hrefPrefix = `${apiBase}/${REF_PATHS[type]}/`;
  // Calling the encoding function costs far more than checking that an id needs no encoding.
  const segment = sql`CASE WHEN ${sourcedId} ~ ${PLAIN_IDS} THEN ${sourcedId} ELSE oneroster_path_segment(${sourcedId}) END`;
  return sql`'{"href":' || to_json(${hrefPrefix}::text || ${segment})::text
    || ',"sourcedId":' || to_json(${sourcedId})::text || ${jsonText(`,"type":"${type}"}`)}`;
}

/**
 * A list of GUIDRefs. When every id is plain, one regular expression turns the JSON array of
 * ids into the array of GUIDRefs: several times faster than a subquery per row, which remains
 * for ids that need encoding.
 */
function guidRefsJson(column: Sql, type: RefType, apiBase: string): Sql {
  const hrefPrefix = JSON.stringify(`${apiBase}/${REF_PATHS[type]}/`).slice(1, -1);
  const replacement = `{"href":"${hrefPrefix.replaceAll("\\", "\\\\")}\\1","sourcedId":"\\1","type":"${type}"}`;
  return sql`CASE WHEN array_to_string(${column}, '') ~ ${PLAIN_IDS}
    THEN regexp_replace(to_json(${column})::text, '"([^"]*)"', ${replacement}::text, 'g')
    ELSE '[' || COALESCE((
      SELECT string_agg(${guidRefJson(sql`ref.id`, type, apiBase)}, ',' ORDER BY ref.position)
      FROM unnest(${column}) WITH ORDINALITY AS ref(id, position)), '') || ']' END`;
}

/** GUIDRefs to the rows whose parentSourcedId is this row's sourcedId, in sourcedId order. */
function childrenJson(entity: EntityName, table: Sql, type: RefType, apiBase: string): Sql {
  return sql`'[' || COALESCE((
    SELECT string_agg(${guidRefJson(sql`child."sourcedId"`, type, apiBase)}, ',' ORDER BY child."sourcedId")
    FROM ${tableOf(entity)} AS child
    WHERE child."districtId" = ${table}."districtId" AND child."parentSourcedId" = ${table}."sourcedId"), '') || ']'`;
}

/**
 * A fixed piece of JSON text made only of this module's field and type names, written into the
 * SQL as a literal (a page's query would otherwise bind dozens of parameters).
 */
function jsonText(text: string): Sql {
  if (!/^[A-Za-z{}":,]+$/.test(text)) throw new Error(`not a fixed piece of JSON: ${text}`);
  return Prisma.raw(`'${text}'`);
}
