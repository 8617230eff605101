// Stored users and groups as SCIM JSON: schemas, id, the attributes, and `meta` (resourceType,
// created, lastModified, location, version as a weak ETag), trimmed to what the client asked
// for with `attributes` or `excludedAttributes` (RFC 7644 §3.9).
import { getConfig } from "@/lib/config";
import { resolvePath } from "@/lib/scim/attribute-paths";
import type { Attributes } from "@/lib/scim/normalise";
import { ENTERPRISE_SCHEMA, GROUP_SCHEMA, USER_SCHEMA, type ResourceKind } from "@/lib/scim/schemas";

export const SCIM_BASE_PATH = "/scim/v2";
export const scimBaseUrl = () => `${getConfig().publicUrl}${SCIM_BASE_PATH}`;

export const etagOf = (version: number) => `W/"${version}"`;

export type UserRecord = {
  id: string;
  userName: string;
  externalId: string | null;
  active: boolean;
  attributes: Attributes;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  groups?: { id: string; displayName: string }[];
};

export type GroupRecord = {
  id: string;
  displayName: string;
  externalId: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  /** Absent when the client excluded members (they are then not read at all). */
  members?: { id: string; display: string | null }[];
};

function meta(kind: ResourceKind, record: { id: string; version: number; createdAt: Date; updatedAt: Date }) {
  return {
    resourceType: kind,
    created: record.createdAt.toISOString(),
    lastModified: record.updatedAt.toISOString(),
    location: `${scimBaseUrl()}/${kind}s/${record.id}`,
    version: etagOf(record.version),
  };
}

export function userResource(record: UserRecord): Attributes {
  const { userName: _userName, externalId: _externalId, active: _active, ...rest } = record.attributes;
  const extensions = Object.keys(rest).filter((key) => key.startsWith("urn:") && typeof rest[key] === "object");
  const base = scimBaseUrl();
  return {
    schemas: [USER_SCHEMA, ...extensions.filter((key) => key === ENTERPRISE_SCHEMA), ...extensions.filter((key) => key !== ENTERPRISE_SCHEMA)],
    id: record.id,
    ...(record.externalId !== null ? { externalId: record.externalId } : {}),
    userName: record.userName,
    ...rest,
    active: record.active,
    ...(record.groups && record.groups.length > 0
      ? { groups: record.groups.map((group) => ({ value: group.id, $ref: `${base}/Groups/${group.id}`, display: group.displayName, type: "direct" })) }
      : {}),
    meta: meta("User", record),
  };
}

export function groupResource(record: GroupRecord): Attributes {
  const base = scimBaseUrl();
  return {
    schemas: [GROUP_SCHEMA],
    id: record.id,
    ...(record.externalId !== null ? { externalId: record.externalId } : {}),
    displayName: record.displayName,
    ...(record.members
      ? { members: record.members.map((member) => ({ value: member.id, $ref: `${base}/Users/${member.id}`, type: "User", ...(member.display ? { display: member.display } : {}) })) }
      : {}),
    meta: meta("Group", record),
  };
}

export type Projection = { attributes: string[] | null; excludedAttributes: string[] | null };

export function parseProjection(params: URLSearchParams): Projection {
  const list = (name: string) => {
    const value = params.get(name);
    return value ? value.split(",").map((item) => item.trim()).filter(Boolean) : null;
  };
  return { attributes: list("attributes"), excludedAttributes: list("excludedAttributes") };
}

/** Whether the client will see this top-level attribute at all: lets a caller skip reading group members. */
export function wantsAttribute(kind: ResourceKind, projection: Projection, name: string): boolean {
  const paths = (names: string[]) => names.map((one) => resolvePath(kind, one)).filter((path) => path !== null);
  if (projection.attributes) return paths(projection.attributes).some((path) => !path.extension && path.attribute.name === name);
  if (projection.excludedAttributes) return !paths(projection.excludedAttributes).some((path) => !path.extension && path.attribute.name === name && !path.sub);
  return true;
}

const ALWAYS = new Set(["schemas", "id"]);

export function project(kind: ResourceKind, resource: Attributes, projection: Projection): Attributes {
  if (projection.attributes) {
    const kept: Attributes = {};
    for (const key of ALWAYS) kept[key] = resource[key];
    for (const name of projection.attributes) {
      const path = resolvePath(kind, name);
      if (!path) continue;
      const scope = path.extension ? (resource[path.extension] as Attributes | undefined) : resource;
      const value = scope?.[path.attribute.name];
      if (value === undefined) continue;
      const target = path.extension ? ((kept[path.extension] as Attributes | undefined) ?? (kept[path.extension] = {})) : kept;
      if (!path.sub) target[path.attribute.name] = value;
      else target[path.attribute.name] = pick(target[path.attribute.name], value, path.sub.name);
    }
    return kept;
  }
  if (projection.excludedAttributes) {
    const trimmed = structuredClone(resource);
    for (const name of projection.excludedAttributes) {
      const path = resolvePath(kind, name);
      if (!path || (!path.extension && ALWAYS.has(path.attribute.name))) continue;
      const scope = path.extension ? (trimmed[path.extension] as Attributes | undefined) : trimmed;
      if (!scope) continue;
      if (!path.sub) delete scope[path.attribute.name];
      else for (const item of [scope[path.attribute.name]].flat()) if (item && typeof item === "object") delete (item as Attributes)[path.sub.name];
    }
    return trimmed;
  }
  return resource;
}

/** `name.givenName` or `emails.value` out of a complex or multi-valued attribute, merged with what is already kept. */
function pick(kept: unknown, value: unknown, sub: string): unknown {
  if (Array.isArray(value)) {
    const previous = Array.isArray(kept) ? kept : [];
    return value.map((item, index) => ({ ...(previous[index] as Attributes | undefined), ...(item && typeof item === "object" && sub in item ? { [sub]: (item as Attributes)[sub] } : {}) }));
  }
  if (value && typeof value === "object" && sub in value) return { ...(kept as Attributes | undefined), [sub]: (value as Attributes)[sub] };
  return kept;
}
