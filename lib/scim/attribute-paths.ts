// SCIM attribute paths ("name.givenName", "urn:…:enterprise:2.0:User:manager.value",
// "EMAILS") resolved against the schemas, whatever the case a client wrote them in.
import { COMMON_ATTRIBUTES, coreAttributes, coreSchemaOf, extensionsOf, findAttribute, type AttributeDefinition, type ResourceKind } from "@/lib/scim/schemas";

export type ResolvedPath = {
  /** The extension's URN when the attribute belongs to one; null for core and common attributes. */
  extension: string | null;
  attribute: AttributeDefinition;
  sub: AttributeDefinition | null;
  /** The path as Rollcall spells it: `name.givenName`, `<URN>:manager.value`. */
  canonical: string;
};

/** The path's schema URN (core or extension) and the rest, or null when it names no known schema. */
export function splitSchema(kind: ResourceKind, path: string): { extension: string | null; rest: string } | null {
  const lower = path.toLowerCase();
  const core = coreSchemaOf(kind);
  if (lower.startsWith(`${core.toLowerCase()}:`)) return { extension: null, rest: path.slice(core.length + 1) };
  for (const urn of Object.keys(extensionsOf(kind))) {
    if (lower === urn.toLowerCase()) return { extension: urn, rest: "" };
    if (lower.startsWith(`${urn.toLowerCase()}:`)) return { extension: urn, rest: path.slice(urn.length + 1) };
  }
  return lower.startsWith("urn:") ? null : { extension: null, rest: path };
}

/** A known attribute (and sub-attribute) named by `path`, or null. */
export function resolvePath(kind: ResourceKind, path: string): ResolvedPath | null {
  const split = splitSchema(kind, path);
  if (!split || !split.rest) return null;
  const [name, subName, ...more] = split.rest.split(".");
  if (!name || more.length > 0) return null;
  const list = split.extension ? extensionsOf(kind)[split.extension]! : [...coreAttributes(kind), ...COMMON_ATTRIBUTES];
  const attribute = findAttribute(list, name);
  if (!attribute) return null;
  let sub: AttributeDefinition | null = null;
  if (subName !== undefined) {
    sub = findAttribute(attribute.subAttributes ?? [], subName) ?? null;
    if (!sub) return null;
  }
  const local = sub ? `${attribute.name}.${sub.name}` : attribute.name;
  return { extension: split.extension, attribute, sub, canonical: split.extension ? `${split.extension}:${local}` : local };
}

/**
 * Rewrites the names in an object a client sent (a PATCH value, a resource) to their canonical
 * spelling, leaving values and unknown names as they are. `definitions` are the attributes
 * that may appear at this level.
 */
export function canonicalNames(kind: ResourceKind, value: unknown, definitions: readonly AttributeDefinition[] | null, topLevel: boolean): unknown {
  if (Array.isArray(value)) return value.map((item) => canonicalNames(kind, item, definitions, false));
  if (typeof value !== "object" || value === null) return value;
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (topLevel) {
      const extension = Object.keys(extensionsOf(kind)).find((urn) => urn.toLowerCase() === key.toLowerCase());
      if (extension) {
        result[extension] = canonicalNames(kind, item, extensionsOf(kind)[extension]!, false);
        continue;
      }
      const resolved = key.includes(":") || key.includes(".") ? resolvePath(kind, key) : null;
      if (resolved) {
        result[resolved.canonical] = canonicalNames(kind, item, (resolved.sub ?? resolved.attribute).subAttributes ?? null, false);
        continue;
      }
    }
    const definition = definitions ? findAttribute(definitions, key) : undefined;
    result[definition?.name ?? key] = canonicalNames(kind, item, definition?.subAttributes ?? null, false);
  }
  return result;
}
