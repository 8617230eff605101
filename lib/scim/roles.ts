// The OneRoster role of a person provisioned over SCIM, from the district's role mapping: the
// first rule matching one of the person's groups (or the chosen attribute) gives the role, the
// default applies when none does. Values match without regard to case.
import { sameValue } from "@/lib/audit/changes";
import { districtTenant, recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { Prisma } from "@/generated/prisma/client";
import { DEFAULT_ROLE_MAPPING, ROSTER_ROLES, roleMappingSchema, type RoleMapping, type RoleMappingInput, type RosterRoleName } from "@/lib/scim/role-mapping-schema";
import { noteRosterChange } from "@/lib/scim/roster-changed";

type Client = Prisma.TransactionClient;
const sql = Prisma.sql;
export type RoleInputs = { attributes: Record<string, unknown>; groupNames: readonly string[] };

export function deriveRole(mapping: RoleMapping, person: RoleInputs): RosterRoleName {
  const candidates = (mapping.source === "group" ? [...person.groupNames] : attributeValues(person.attributes, mapping.attribute)).map((value) => value.toLowerCase());
  const rule = mapping.rules.find((one) => candidates.includes(one.value.toLowerCase()));
  return rule?.role ?? mapping.defaultRole;
}

/**
 * The values of an attribute named as SCIM names it, names matched without regard to case.
 * Multi-valued and complex attributes give their `value`s (`roles` → each role's value). A name
 * without a schema URN is looked up in the core attributes, then in each extension.
 */
export function attributeValues(attributes: Record<string, unknown>, path: string): string[] {
  if (!path) return [];
  const colon = path.toLowerCase().startsWith("urn:") ? path.lastIndexOf(":") : -1;
  const names = path.slice(colon + 1).split(".");
  const scopes = colon >= 0 ? [member(attributes, path.slice(0, colon))] : [attributes, ...Object.keys(attributes).filter((key) => key.startsWith("urn:")).map((key) => attributes[key])];
  for (const scope of scopes) {
    const found = names.reduce<unknown>((value, name) => (Array.isArray(value) ? value.map((item) => member(item, name)) : member(value, name)), scope);
    const values = flatten(found);
    if (values.length > 0) return values;
  }
  return [];
}

function member(value: unknown, name: string): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const lower = name.toLowerCase();
  const key = Object.keys(value).find((one) => one.toLowerCase() === lower);
  return key === undefined ? undefined : (value as Record<string, unknown>)[key];
}

function flatten(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(flatten);
  if (typeof value === "string") return value.trim() ? [value.trim()] : [];
  if (typeof value === "number" || typeof value === "boolean") return [String(value)];
  if (typeof value === "object" && value !== null) return flatten(member(value, "value"));
  return [];
}

type SavedMapping = { source: "group" | "attribute"; attribute: string | null; rules: unknown; defaultRole: RosterRoleName };

export async function getRoleMapping(districtId: string, client: Client = db()): Promise<RoleMapping> {
  const saved = await client.scimRoleMapping.findUnique({ where: { districtId }, select: { source: true, attribute: true, rules: true, defaultRole: true } });
  return roleMappingFrom(saved);
}

/** The saved mapping as JSON, for a statement that reads it along with other things (see roleMappingFrom). */
function roleMappingJson(districtId: string): Prisma.Sql {
  return sql`(SELECT json_build_object('source', source, 'attribute', attribute, 'rules', rules, 'defaultRole', "defaultRole")
    FROM "ScimRoleMapping" WHERE "districtId" = ${districtId}::uuid)`;
}

/** A mapping as this process last read it, with its version (saved time in ms; null while none is saved). */
export type VersionedRoleMapping = { mapping: RoleMapping; version: number | null };
const knownMappings = new Map<string, VersionedRoleMapping>();

/**
 * The mapping creates use without reading it each time. A create checks in its own statement
 * that the saved mapping is still this version (roleMappingIsVersion) and reads it again when not.
 */
export async function knownRoleMapping(districtId: string): Promise<VersionedRoleMapping> {
  return knownMappings.get(districtId) ?? refreshRoleMapping(districtId);
}

export async function refreshRoleMapping(districtId: string): Promise<VersionedRoleMapping> {
  const [row] = await db().$queryRaw<{ mapping: SavedMapping | null; version: number | null }[]>`
    SELECT ${roleMappingJson(districtId)} AS mapping, ${mappingVersion(districtId)} AS version`;
  const known = { mapping: roleMappingFrom(row?.mapping ?? null), version: row?.version ?? null };
  if (knownMappings.size >= 10_000) knownMappings.clear();
  knownMappings.set(districtId, known);
  return known;
}

const mappingVersion = (districtId: string) =>
  sql`(SELECT (extract(epoch FROM "updatedAt") * 1000)::float8 FROM "ScimRoleMapping" WHERE "districtId" = ${districtId}::uuid)`;

export function roleMappingIsVersion(districtId: string, version: number | null): Prisma.Sql {
  return sql`(${mappingVersion(districtId)} IS NOT DISTINCT FROM ${version}::float8)`;
}

export function roleMappingFrom(saved: SavedMapping | null): RoleMapping {
  if (!saved) return DEFAULT_ROLE_MAPPING;
  const rules = Array.isArray(saved.rules)
    ? saved.rules.flatMap((rule) => {
        const { value, role } = (rule ?? {}) as { value?: unknown; role?: unknown };
        return typeof value === "string" && ROSTER_ROLES.includes(role as RosterRoleName) ? [{ value, role: role as RosterRoleName }] : [];
      })
    : [];
  return { source: saved.source, attribute: saved.attribute ?? "", rules, defaultRole: saved.defaultRole };
}

/** Saves the mapping (parsed again here: the caller's validation is not trusted). Call rederiveRoles afterwards. */
export async function saveRoleMapping(districtId: string, input: RoleMappingInput): Promise<RoleMapping> {
  const mapping = roleMappingSchema.parse(input);
  const data = {
    source: mapping.source,
    attribute: mapping.source === "attribute" ? mapping.attribute : null,
    rules: mapping.rules,
    defaultRole: mapping.defaultRole,
  };
  const saved = { ...mapping, attribute: data.attribute ?? "" };
  await db().$transaction(async (tx) => {
    const before = await getRoleMapping(districtId, tx);
    await tx.scimRoleMapping.upsert({ where: { districtId }, create: { districtId, ...data }, update: data });
    if (sameValue(before, saved)) return;
    await recordAudit(tx, {
      ...(await districtTenant(tx, districtId)),
      action: "scim.role_mapping_changed",
      summary: `SCIM role mapping changed: ${saved.rules.length} rule${saved.rules.length === 1 ? "" : "s"} by ${saved.source === "group" ? "group" : `attribute ${saved.attribute}`}, otherwise ${saved.defaultRole}`,
      before,
      after: saved,
    });
  });
  return saved;
}

/** Gives every SCIM person of the district the role the current mapping says; counts those whose role changed. */
export async function rederiveRoles(districtId: string): Promise<{ changed: number }> {
  const mapping = await getRoleMapping(districtId);
  let changed = 0;
  let after: string | null = null;
  for (;;) {
    const batch: { changed: number; last: string | null } = await db().$transaction((tx) => rederiveBatch(tx, districtId, mapping, { after }));
    changed += batch.changed;
    if (batch.last === null) break;
    after = batch.last;
  }
  if (changed > 0) {
    await recordAudit(db(), {
      ...(await districtTenant(db(), districtId)),
      action: "scim.roles_rederived",
      summary: `${changed} ${changed === 1 ? "person's role" : "people's roles"} changed by the SCIM role mapping`,
      after: { changed },
    });
  }
  return { changed };
}

/** After group memberships changed: the roles of these people, in the caller's transaction. */
export async function rederiveRolesOf(tx: Client, districtId: string, userIds: readonly string[]): Promise<number> {
  if (userIds.length === 0) return 0;
  const mapping = await getRoleMapping(districtId, tx);
  if (mapping.source !== "group") return 0;
  let changed = 0;
  for (let start = 0; start < userIds.length; start += BATCH) {
    changed += (await rederiveBatch(tx, districtId, mapping, { ids: userIds.slice(start, start + BATCH) })).changed;
  }
  return changed;
}

const BATCH = 1000;

type Person = { id: string; rosterUserId: string; attributes: Prisma.JsonValue; role: string; groupNames: string[] | null };

async function rederiveBatch(
  tx: Client,
  districtId: string,
  mapping: RoleMapping,
  scope: { after: string | null } | { ids: readonly string[] },
): Promise<{ changed: number; last: string | null }> {
  const where =
    "ids" in scope
      ? sql`s.id = ANY(${[...scope.ids]}::uuid[])`
      : scope.after === null
        ? sql`TRUE`
        : sql`s.id > ${scope.after}::uuid`;
  const people = await tx.$queryRaw<Person[]>(sql`
    SELECT s.id::text, s."rosterUserId"::text AS "rosterUserId", s.attributes, r.role::text AS role,
      (SELECT array_agg(g."displayName") FROM "ScimGroupMember" m JOIN "ScimGroup" g ON g.id = m."groupId" WHERE m."userId" = s.id) AS "groupNames"
    FROM "ScimUser" s JOIN "RosterUser" r ON r.id = s."rosterUserId"
    WHERE s."districtId" = ${districtId}::uuid AND ${where}
    ORDER BY s.id LIMIT ${BATCH}`);
  const updates = people.flatMap((person) => {
    const attributes = typeof person.attributes === "object" && person.attributes !== null && !Array.isArray(person.attributes) ? (person.attributes as Record<string, unknown>) : {};
    const role = deriveRole(mapping, { attributes, groupNames: person.groupNames ?? [] });
    return role === person.role ? [] : [{ rosterUserId: person.rosterUserId, role }];
  });
  if (updates.length > 0) {
    await tx.$executeRaw(sql`
      UPDATE "RosterUser" r SET role = c.role::"RosterRole", "dateLastModified" = (${new Date().toISOString()}::timestamptz AT TIME ZONE 'UTC')
      FROM unnest(${updates.map((update) => update.rosterUserId)}::uuid[], ${updates.map((update) => update.role)}::text[]) AS c(id, role)
      WHERE r.id = c.id`);
    await noteRosterChange(tx, districtId);
  }
  const last = "ids" in scope || people.length < BATCH ? null : (people.at(-1)?.id ?? null);
  return { changed: updates.length, last };
}
