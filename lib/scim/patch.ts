// PATCH (RFC 7644 §3.5.2) as identity providers send it. scim-patch applies the operations;
// this layer first reads them the way Entra ID and Okta write them: operation names in any case
// ("Replace"), attribute names in any case, value-filtered paths (`emails[type eq "work"].value`),
// no path at all (`{ "op": "replace", "value": { "active": false } }`). The result is
// normalised again, which turns "False" into false.
import { scimPatch, ScimError as PatchLibraryError, type ScimPatchOperation, type ScimResource } from "scim-patch";
import { canonicalNames, splitSchema } from "@/lib/scim/attribute-paths";
import { invalidPath, invalidSyntax, invalidValue, mutability, noTarget, ScimError } from "@/lib/scim/errors";
import { parseFilter } from "@/lib/scim/filter";
import { normaliseResource, type Attributes } from "@/lib/scim/normalise";
import { COMMON_ATTRIBUTES, coreAttributes, extensionsOf, findAttribute, type AttributeDefinition, type ResourceKind } from "@/lib/scim/schemas";

export const PATCH_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
const MAX_OPERATIONS = 1_000;

export type PatchOperation = { op: "add" | "remove" | "replace"; path: string | null; value: unknown };

export function parsePatchBody(body: unknown): PatchOperation[] {
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw invalidSyntax("The request body must be a PatchOp message: a JSON object.");
  const fields = body as Record<string, unknown>;
  const schemas = fields.schemas;
  if (schemas !== undefined && !(Array.isArray(schemas) && schemas.includes(PATCH_SCHEMA))) throw invalidSyntax(`schemas must list ${PATCH_SCHEMA}.`);
  const operations = fields[Object.keys(fields).find((key) => key.toLowerCase() === "operations") ?? "Operations"];
  if (!Array.isArray(operations) || operations.length === 0) throw invalidSyntax("Operations must be a non-empty list.");
  if (operations.length > MAX_OPERATIONS) throw invalidSyntax(`A PATCH may carry at most ${MAX_OPERATIONS} operations.`);
  return operations.map((raw, index) => {
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw invalidSyntax(`Operation ${index + 1} must be an object.`);
    const entries = Object.fromEntries(Object.entries(raw).map(([key, value]) => [key.toLowerCase(), value]));
    const op = typeof entries.op === "string" ? entries.op.toLowerCase() : "";
    if (op !== "add" && op !== "remove" && op !== "replace") throw invalidSyntax(`Operation ${index + 1}: op must be add, remove or replace.`);
    const path = entries.path === undefined || entries.path === null || entries.path === "" ? null : entries.path;
    if (path !== null && typeof path !== "string") throw invalidPath(`Operation ${index + 1}: path must be a string.`);
    if (op === "remove" && path === null) throw noTarget(`Operation ${index + 1}: remove needs a path.`);
    if (op !== "remove" && !("value" in entries)) throw invalidSyntax(`Operation ${index + 1}: ${op} needs a value.`);
    return { op, path, value: entries.value };
  });
}

export type PatchPath = {
  extension: string | null;
  /** The attribute's canonical name (as sent when unknown), its definition, the [filter] and sub-attribute. */
  name: string;
  attribute: AttributeDefinition | undefined;
  filter: string | null;
  sub: string | null;
  canonical: string;
};

const PATH = /^([A-Za-z$][\w$-]*)(?:\[(.+)\])?(?:\.([A-Za-z$][\w$-]*))?$/s;

export function parsePatchPath(kind: ResourceKind, path: string): PatchPath {
  const split = splitSchema(kind, path.trim());
  if (!split) throw invalidPath(`"${path}" names no schema Rollcall knows.`);
  if (!split.rest) return { extension: split.extension, name: "", attribute: undefined, filter: null, sub: null, canonical: split.extension ?? "" };
  const match = PATH.exec(split.rest);
  if (!match) throw invalidPath(`"${path}" is not an attribute path.`);
  const [, rawName, filter, rawSub] = match as unknown as [string, string, string | undefined, string | undefined];
  const list = split.extension ? extensionsOf(kind)[split.extension]! : [...coreAttributes(kind), ...COMMON_ATTRIBUTES];
  const attribute = findAttribute(list, rawName);
  const name = attribute?.name ?? rawName;
  if (filter !== undefined) {
    try {
      parseFilter(filter);
    } catch {
      throw invalidPath(`The filter in "${path}" could not be read.`);
    }
  }
  const sub = rawSub === undefined ? null : (findAttribute(attribute?.subAttributes ?? [], rawSub)?.name ?? rawSub);
  const local = `${name}${filter !== undefined ? `[${filter}]` : ""}${sub ? `.${sub}` : ""}`;
  return { extension: split.extension, name, attribute, filter: filter ?? null, sub, canonical: split.extension ? `${split.extension}:${local}` : local };
}

const SERVER_OWNED = new Set(["id", "meta", "schemas"]);

export function assertWritable(path: PatchPath, original: string): void {
  if (!path.extension && SERVER_OWNED.has(path.name)) throw mutability(`${original} is set by Rollcall and cannot be changed.`);
  if (path.attribute?.mutability === "readOnly") throw mutability(`${original} is read-only.`);
  const sub = path.sub ? findAttribute(path.attribute?.subAttributes ?? [], path.sub) : undefined;
  if (sub?.mutability === "readOnly") throw mutability(`${original} is read-only.`);
}

/** The operation as scim-patch takes it: canonical path, canonical names in the value. */
export function canonicalOperation(kind: ResourceKind, operation: PatchOperation): ScimPatchOperation {
  if (operation.path === null) {
    if (typeof operation.value !== "object" || operation.value === null || Array.isArray(operation.value)) {
      throw invalidValue(`An ${operation.op} without a path needs an object of attributes as its value.`);
    }
    const value = canonicalNames(kind, operation.value, [...coreAttributes(kind), ...COMMON_ATTRIBUTES], true) as Attributes;
    for (const key of Object.keys(value)) if (SERVER_OWNED.has(key)) delete value[key];
    return { op: operation.op as "add", value };
  }
  const path = parsePatchPath(kind, operation.path);
  assertWritable(path, operation.path);
  const target = path.sub ? findAttribute(path.attribute?.subAttributes ?? [], path.sub) : path.extension && !path.name ? undefined : path.attribute;
  const definitions = !path.name && path.extension ? extensionsOf(kind)[path.extension]! : (target?.subAttributes ?? null);
  const value = operation.value === undefined ? undefined : canonicalNames(kind, operation.value, definitions, false);
  return operation.op === "remove" ? { op: "remove", path: path.canonical, ...(value === undefined ? {} : { value }) } : { op: operation.op, path: path.canonical, value };
}

/** The stored attributes of a resource after the operations, normalised and checked again. */
export function applyPatch(kind: ResourceKind, current: Attributes, operations: readonly PatchOperation[]): Attributes {
  let resource = structuredClone(current) as Attributes;
  for (const operation of operations) {
    const canonical = canonicalOperation(kind, operation);
    try {
      resource = scimPatch(resource as unknown as ScimResource, [canonical], { mutateDocument: true, treatMissingAsAdd: true }) as unknown as Attributes;
    } catch (error) {
      throw asScimError(error, operation);
    }
  }
  return normaliseResource(kind, resource);
}

function asScimError(error: unknown, operation: PatchOperation): ScimError {
  if (error instanceof ScimError) return error;
  const where = operation.path ? ` at "${operation.path}"` : "";
  if (error instanceof PatchLibraryError && error.scimCode === "noTarget") return noTarget(`Nothing matched${where}.`);
  if (error instanceof PatchLibraryError) return invalidValue(`The ${operation.op} operation${where} could not be applied: ${error.message.replace(/^Invalid SCIM Patch: /, "")}`);
  return invalidValue(`The ${operation.op} operation${where} could not be applied to this resource.`);
}
