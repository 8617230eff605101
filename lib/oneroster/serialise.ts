// Database rows to OneRoster 1.1 JSON: references as GUIDRefs ({ href, sourcedId, type }),
// dateLastModified as an ISO 8601 date-time, other dates as YYYY-MM-DD, true/false values as
// the strings "true" / "false"; fields without a value are left out.
import { REF_PATHS, type FieldSpec, type Fields, type RefType } from "./fields";

export type Row = Record<string, unknown>;

export type GuidRef = { href: string; sourcedId: string; type: RefType };

export type SerialiseContext = {
  /** e.g. https://rollcall.example.org/ims/oneroster/v1p1 */
  apiBase: string;
  /** sourcedIds of each row's children, for entities that have a `children` field. */
  children?: ReadonlyMap<string, string[]>;
};

/** The fields to show, in the entity's own order. */
export function selectedFields(fields: Fields, selection: string[] | null): [string, FieldSpec][] {
  const entries = Object.entries(fields);
  return selection ? entries.filter(([name]) => selection.includes(name)) : entries;
}

/** The columns the selected fields need (always sourcedId, which children are looked up by). */
export function columnsFor(selected: [string, FieldSpec][]): string[] {
  const columns = new Set(["sourcedId"]);
  for (const [, spec] of selected) if ("column" in spec) columns.add(spec.column);
  return [...columns];
}

export function serialiseRow(row: Row, selected: [string, FieldSpec][], context: SerialiseContext): Row {
  const out: Row = {};
  for (const [name, spec] of selected) {
    const value = spec.kind === "children" ? (context.children?.get(String(row.sourcedId)) ?? []) : row[spec.column];
    const shown = showValue(spec, value, context.apiBase);
    if (shown !== undefined) out[name] = shown;
  }
  return out;
}

function showValue(spec: FieldSpec, value: unknown, apiBase: string): unknown {
  if (value === null || value === undefined) return spec.kind === "strings" || spec.kind === "refs" ? [] : undefined;
  switch (spec.kind) {
    case "datetime":
      return value instanceof Date ? value.toISOString() : String(value);
    case "date":
      return value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
    case "boolean":
      return value ? "true" : "false";
    case "ref":
      return guidRef(apiBase, spec.ref, String(value));
    case "refs":
    case "children":
      return Array.isArray(value) ? value.map((sourcedId) => guidRef(apiBase, spec.ref, String(sourcedId))) : [];
    default:
      return value;
  }
}

export function guidRef(apiBase: string, type: RefType, sourcedId: string): GuidRef {
  return { href: `${apiBase}/${REF_PATHS[type]}/${encodeURIComponent(sourcedId)}`, sourcedId, type };
}
