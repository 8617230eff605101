// SCIM filters as SQL conditions on the ScimUser (alias s) and ScimGroup (alias g) tables, so
// that totalResults and paging come from the database and stay exact. `userName eq` becomes a
// lookup of lower(userName) in its unique index; other attributes are read from the stored
// JSON, strings compared without regard to case unless the schema says caseExact. Every
// value travels as a bound parameter.
import { Prisma } from "@/generated/prisma/client";
import { resolvePath, type ResolvedPath } from "@/lib/scim/attribute-paths";
import { invalidFilter } from "@/lib/scim/errors";
import type { Filter } from "@/lib/scim/filter";
import type { AttributeDefinition, ResourceKind } from "@/lib/scim/schemas";

type Sql = Prisma.Sql;
const sql = Prisma.sql;

/** How a value is compared: ci strings, already-lowered keys, exact strings, booleans, times, uuids. */
type Operand = { expression: Sql; kind: "ci" | "key" | "exact" | "boolean" | "time" | "uuid" };
type Comparison = { op: string; attrPath: string; compValue?: unknown };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function userFilterSql(filter: Filter): Sql {
  return translate(filter, (node) => userCondition(node));
}

export function groupFilterSql(filter: Filter): Sql {
  return translate(filter, (node) => groupCondition(node));
}

function translate(filter: Filter, leaf: (node: Filter) => Sql): Sql {
  switch (filter.op) {
    case "and":
    case "or":
      return sql`(${Prisma.join(filter.filters.map((item) => translate(item, leaf)), filter.op === "and" ? " AND " : " OR ")})`;
    case "not":
      return sql`(NOT ${translate(filter.filter, leaf)})`;
    default:
      return leaf(filter);
  }
}

function known(kind: ResourceKind, path: string): ResolvedPath {
  const resolved = resolvePath(kind, path);
  if (!resolved) throw invalidFilter(`Rollcall cannot filter ${kind}s on "${path}".`);
  return resolved;
}

function userCondition(node: Filter): Sql {
  if (node.op === "[]") {
    const path = known("User", node.attrPath);
    if (path.sub || path.attribute.type !== "complex") throw invalidFilter(`"${node.attrPath}" has no values to filter with [ ].`);
    return jsonElements(jsonOf(path), path.attribute, node.valFilter);
  }
  const comparison = node as Comparison;
  const path = known("User", comparison.attrPath);
  const column = userColumn(path);
  if (column) return compare(column, comparison);
  if (path.attribute.name === "groups" || path.attribute.name === "password") throw invalidFilter(`Rollcall cannot filter Users on "${comparison.attrPath}".`);
  if (path.attribute.type === "complex") {
    const sub = path.sub ?? findValueSub(path.attribute, comparison.attrPath, comparison.op);
    if (sub === null) return present(sql`${jsonOf(path)}`, path.attribute.multiValued);
    return jsonElements(jsonOf({ ...path, sub: null }), path.attribute, { ...comparison, attrPath: sub.name } as Filter);
  }
  return compare(jsonText(sql`s.attributes`, path), comparison, path.attribute);
}

function userColumn(path: ResolvedPath): Operand | null {
  if (path.extension) return null;
  switch (path.sub ? `${path.attribute.name}.${path.sub.name}` : path.attribute.name) {
    case "id":
      return { expression: sql`s.id`, kind: "uuid" };
    case "userName":
      return { expression: sql`s."userNameKey"`, kind: "key" };
    case "externalId":
      return { expression: sql`s."externalId"`, kind: "exact" };
    case "active":
      return { expression: sql`s.active`, kind: "boolean" };
    case "meta.created":
      return { expression: sql`s."createdAt"`, kind: "time" };
    case "meta.lastModified":
      return { expression: sql`s."updatedAt"`, kind: "time" };
    case "meta.resourceType":
      return { expression: sql`'User'::text`, kind: "exact" };
    default:
      if (path.attribute.name === "meta") throw invalidFilter(`Rollcall cannot filter on "${path.canonical}".`);
      return null;
  }
}

function groupCondition(node: Filter): Sql {
  if (!("attrPath" in node)) throw invalidFilter("Unexpected filter.");
  const path = known("Group", node.attrPath);
  const name = path.sub ? `${path.attribute.name}.${path.sub.name}` : path.attribute.name;
  if (path.attribute.name === "members") {
    const member = sql`m."userId"::text`;
    const within = (condition: Sql) => sql`EXISTS (SELECT 1 FROM "ScimGroupMember" m WHERE m."groupId" = g.id AND ${condition})`;
    if (node.op === "[]") {
      if (path.sub) throw invalidFilter(`"${node.attrPath}" has no values to filter with [ ].`);
      return within(translate(node.valFilter, (inner) => memberCondition(inner, member)));
    }
    if (node.op === "pr" && !path.sub) return within(sql`TRUE`);
    return within(memberCondition({ ...node, attrPath: path.sub?.name ?? "value" } as Filter, member));
  }
  if (node.op === "[]") throw invalidFilter(`"${node.attrPath}" has no values to filter with [ ].`);
  const comparison = node as Comparison;
  const columns: Record<string, Operand> = {
    id: { expression: sql`g.id`, kind: "uuid" },
    displayName: { expression: sql`g."displayName"`, kind: "ci" },
    externalId: { expression: sql`g."externalId"`, kind: "exact" },
    "meta.created": { expression: sql`g."createdAt"`, kind: "time" },
    "meta.lastModified": { expression: sql`g."updatedAt"`, kind: "time" },
    "meta.resourceType": { expression: sql`'Group'::text`, kind: "exact" },
  };
  const column = columns[name];
  if (!column) throw invalidFilter(`Rollcall cannot filter Groups on "${comparison.attrPath}".`);
  return compare(column, comparison);
}

function memberCondition(node: Filter, member: Sql): Sql {
  if (node.op === "[]" || !("attrPath" in node)) throw invalidFilter("A members filter compares value or type.");
  const name = node.attrPath.toLowerCase();
  if (name === "value") return compare({ expression: member, kind: "exact" }, node as Comparison);
  if (name === "type") return compare({ expression: sql`'User'::text`, kind: "exact" }, node as Comparison);
  throw invalidFilter(`Rollcall cannot filter group members on "${node.attrPath}".`);
}

/** `emails eq "x"` means `emails.value eq "x"`; `emails pr` means the list has an item. */
function findValueSub(attribute: AttributeDefinition, attrPath: string, op: string): AttributeDefinition | null {
  if (op === "pr") return null;
  const value = attribute.subAttributes?.find((sub) => sub.name === "value");
  if (!value) throw invalidFilter(`Name a sub-attribute of "${attrPath}", e.g. ${attrPath}.${attribute.subAttributes?.[0]?.name ?? "value"}.`);
  return value;
}

/** The JSON of an attribute in the stored resource: s.attributes -> 'emails', or under the extension's URN. */
function jsonOf(path: ResolvedPath): Sql {
  const scope = path.extension ? sql`(s.attributes -> ${path.extension}::text)` : sql`s.attributes`;
  const value = sql`(${scope} -> ${path.attribute.name}::text)`;
  return path.sub && !path.attribute.multiValued ? sql`(${value} -> ${path.sub.name}::text)` : value;
}

function jsonText(row: Sql, path: ResolvedPath): Operand {
  const keys = [...(path.extension ? [path.extension] : []), path.attribute.name, ...(path.sub ? [path.sub.name] : [])];
  const definition = path.sub ?? path.attribute;
  const kind = definition.type === "boolean" ? "boolean" : definition.caseExact ? "exact" : "ci";
  return { expression: sql`(${row} #>> ${keys}::text[])`, kind: kind === "boolean" ? "exact" : kind };
}

/** An item of a multi-valued (or the object of a complex) attribute that matches `filter`. */
function jsonElements(json: Sql, attribute: AttributeDefinition, filter: Filter): Sql {
  const items = attribute.multiValued ? sql`CASE WHEN jsonb_typeof(${json}) = 'array' THEN ${json} ELSE '[]'::jsonb END` : sql`jsonb_build_array(${json})`;
  const condition = translate(filter, (node) => {
    if (node.op === "[]" || !("attrPath" in node)) throw invalidFilter(`Filters inside ${attribute.name}[ ] cannot nest [ ].`);
    const sub = attribute.subAttributes?.find((one) => one.name.toLowerCase() === node.attrPath.toLowerCase());
    if (!sub) throw invalidFilter(`${attribute.name} has no sub-attribute "${node.attrPath}".`);
    const kind = sub.type === "boolean" ? "exact" : sub.caseExact ? "exact" : "ci";
    return compare({ expression: sql`(item ->> ${sub.name}::text)`, kind }, node as Comparison, sub);
  });
  return sql`EXISTS (SELECT 1 FROM jsonb_array_elements(${items}) AS item WHERE jsonb_typeof(item) = 'object' AND ${condition})`;
}

function present(json: Sql, multiValued: boolean): Sql {
  return multiValued ? sql`(jsonb_typeof(${json}) = 'array' AND jsonb_array_length(${json}) > 0)` : sql`(${json} IS NOT NULL AND ${json} <> 'null'::jsonb)`;
}

function compare(operand: Operand, comparison: Comparison, definition?: AttributeDefinition): Sql {
  const { expression, kind } = operand;
  const op = comparison.op.toLowerCase();
  if (op === "pr") return kind === "boolean" || kind === "uuid" || kind === "time" ? sql`(${expression} IS NOT NULL)` : sql`(${expression} IS NOT NULL AND ${expression} <> '')`;
  const value = comparisonValue(comparison, kind, definition);
  if (kind === "boolean" || definition?.type === "boolean") {
    if (op !== "eq" && op !== "ne") throw invalidFilter(`${comparison.attrPath} is true or false: compare it with eq or ne.`);
    return op === "eq" ? sql`(${expression} IS NOT NULL AND ${expression} = ${value})` : sql`(${expression} IS NOT NULL AND ${expression} <> ${value})`;
  }
  if (kind === "uuid") {
    if (op === "eq") return typeof value === "string" && UUID.test(value) ? sql`${expression} = ${value}::uuid` : sql`FALSE`;
    if (op === "ne") return typeof value === "string" && UUID.test(value) ? sql`${expression} <> ${value}::uuid` : sql`TRUE`;
    return compare({ expression: sql`${expression}::text`, kind: "ci" }, comparison);
  }
  const left = kind === "ci" ? sql`lower(${expression})` : expression;
  const right = kind === "time" ? sql`(${value}::timestamptz AT TIME ZONE 'UTC')` : sql`${value}::text`;
  const condition = ((): Sql => {
    switch (op) {
      case "eq":
        return sql`${left} = ${right}`;
      case "ne":
        return sql`${left} <> ${right}`;
      case "gt":
        return sql`${left} > ${right}`;
      case "ge":
        return sql`${left} >= ${right}`;
      case "lt":
        return sql`${left} < ${right}`;
      case "le":
        return sql`${left} <= ${right}`;
    }
    if (kind === "time") throw invalidFilter(`${comparison.attrPath} is a date-time: compare it with eq, ne, gt, ge, lt or le.`);
    switch (op) {
      case "co":
        return sql`strpos(${left}, ${right}) > 0`;
      case "sw":
        return sql`starts_with(${left}, ${right})`;
      case "ew":
        return sql`right(${left}, char_length(${right})) = ${right}`;
      default:
        throw invalidFilter(`Unknown comparison "${comparison.op}".`);
    }
  })();
  // Never NULL (so that `not` and `ne` mean what they say for a missing value), and still a
  // plain comparison the planner can answer from an index.
  return sql`(${left} IS NOT NULL AND ${condition})`;
}

function comparisonValue(comparison: Comparison, kind: Operand["kind"], definition?: AttributeDefinition): string | boolean {
  const value = comparison.compValue;
  if (value === null || value === undefined || (typeof value === "object")) throw invalidFilter(`Compare ${comparison.attrPath} with a value, not null.`);
  if (kind === "boolean" || definition?.type === "boolean") {
    const text = String(value).toLowerCase();
    if (text !== "true" && text !== "false") throw invalidFilter(`${comparison.attrPath} is true or false.`);
    return kind === "boolean" ? text === "true" : text;
  }
  if (kind === "time") {
    if (typeof value !== "string" || Number.isNaN(Date.parse(value))) throw invalidFilter(`${comparison.attrPath} takes a date-time such as "2026-01-31T08:00:00Z".`);
    return new Date(value).toISOString();
  }
  const text = String(value);
  return kind === "ci" || kind === "key" ? text.toLowerCase() : text;
}
