// A resource as a client sent it (POST, PUT, or after a PATCH) turned into the form Rollcall
// stores: canonical names, values of their schema's type (Entra ID sends booleans as "True"
// and "False", and a manager as a bare id), nulls and empty lists dropped (RFC 7644 §3.5.1:
// unassigned), read-only and write-only attributes left out. Unknown attributes are kept as sent.
import { canonicalNames } from "@/lib/scim/attribute-paths";
import { invalidSyntax, invalidValue } from "@/lib/scim/errors";
import { COMMON_ATTRIBUTES, coreAttributes, extensionsOf, findAttribute, type AttributeDefinition, type ResourceKind } from "@/lib/scim/schemas";

export type Attributes = Record<string, unknown>;

const SERVER_OWNED = new Set(["schemas", "id", "meta"]);

export function normaliseResource(kind: ResourceKind, raw: unknown): Attributes {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw invalidSyntax(`The request body must be a ${kind} resource: a JSON object.`);
  const topLevel = [...coreAttributes(kind), ...COMMON_ATTRIBUTES];
  const named = canonicalNames(kind, raw, topLevel, true) as Attributes;
  const result: Attributes = {};
  for (const [key, value] of Object.entries(nestDottedNames(kind, named))) {
    if (SERVER_OWNED.has(key) || value === null || value === undefined) continue;
    const extension = extensionsOf(kind)[key];
    if (extension) {
      if (typeof value !== "object" || Array.isArray(value)) throw invalidValue(`${key} must be an object of the extension's attributes.`);
      const attributes = normaliseObject(extension, value as Attributes, key);
      if (Object.keys(attributes).length > 0) result[key] = attributes;
      continue;
    }
    const definition = findAttribute(topLevel, key);
    if (definition && (definition.mutability === "readOnly" || definition.mutability === "writeOnly")) continue;
    const normalised = definition ? normaliseValue(definition, value, key) : value;
    if (normalised !== undefined) result[key] = normalised;
  }
  const required = kind === "User" ? "userName" : "displayName";
  const name = result[required];
  if (typeof name !== "string" || name.trim() === "") throw invalidValue(`${required} is required and must be a non-empty string.`);
  return result;
}

/** "name.givenName" and "<URN>:employeeNumber" keys (a PATCH without path may use them) placed where they belong. */
function nestDottedNames(kind: ResourceKind, named: Attributes): Attributes {
  const result: Attributes = {};
  const place = (scope: Attributes, key: string, value: unknown) => {
    const dot = key.indexOf(".");
    if (dot <= 0 || key.startsWith("urn:")) {
      const known = scope[key];
      scope[key] = isObject(known) && isObject(value) ? { ...known, ...value } : value;
      return;
    }
    const parent = key.slice(0, dot);
    const existing = scope[parent];
    scope[parent] = { ...(isObject(existing) ? existing : {}), [key.slice(dot + 1)]: value };
  };
  for (const [key, value] of Object.entries(named)) {
    const extension = Object.keys(extensionsOf(kind)).find((urn) => key.startsWith(`${urn}:`));
    if (!extension) {
      place(result, key, value);
      continue;
    }
    const scope = isObject(result[extension]) ? (result[extension] as Attributes) : {};
    place(scope, key.slice(extension.length + 1), value);
    result[extension] = scope;
  }
  return result;
}

const isObject = (value: unknown): value is Attributes => typeof value === "object" && value !== null && !Array.isArray(value);

function normaliseObject(definitions: readonly AttributeDefinition[], value: Attributes, path: string): Attributes {
  const result: Attributes = {};
  for (const [key, item] of Object.entries(value)) {
    const definition = findAttribute(definitions, key);
    const normalised = definition ? normaliseValue(definition, item, `${path}.${key}`) : item === null ? undefined : item;
    if (normalised !== undefined) result[definition?.name ?? key] = normalised;
  }
  return result;
}

export function normaliseValue(definition: AttributeDefinition, value: unknown, path: string): unknown {
  if (value === null || value === undefined) return undefined;
  if (definition.multiValued) {
    const items = (Array.isArray(value) ? value : [value]).map((item) => normaliseSingle(definition, item, path)).filter((item) => item !== undefined);
    return items.length > 0 ? items : undefined;
  }
  if (Array.isArray(value)) {
    // Some clients wrap a single value in a list: [{ "value": "x" }] or ["x"].
    if (value.length === 1) return normaliseValue(definition, definition.type === "complex" ? value[0] : unwrap(value[0]), path);
    throw invalidValue(`${path} takes a single value, not a list.`);
  }
  return normaliseSingle(definition, value, path);
}

const unwrap = (item: unknown) => (typeof item === "object" && item !== null && "value" in item ? (item as { value: unknown }).value : item);

function normaliseSingle(definition: AttributeDefinition, value: unknown, path: string): unknown {
  if (value === null || value === undefined) return undefined;
  switch (definition.type) {
    case "complex": {
      const subs = definition.subAttributes ?? [];
      if (typeof value === "string" || typeof value === "number") {
        if (findAttribute(subs, "value")) return { value: String(value) };
        throw invalidValue(`${path} must be an object.`);
      }
      if (typeof value !== "object" || Array.isArray(value)) throw invalidValue(`${path} must be an object.`);
      const result = normaliseObject(subs, value as Attributes, path);
      return Object.keys(result).length > 0 ? result : undefined;
    }
    case "boolean":
      return toBoolean(value, path);
    default:
      if (typeof value === "string") return value;
      if (typeof value === "number" || typeof value === "boolean") return String(value);
      throw invalidValue(`${path} must be a string.`);
  }
}

/** true and false, or Entra ID's "True" and "False". */
export function toBoolean(value: unknown, path: string): boolean {
  if (typeof value === "boolean") return value;
  if (typeof value === "string" && /^(true|false)$/i.test(value.trim())) return value.trim().toLowerCase() === "true";
  throw invalidValue(`${path} must be true or false.`);
}
