// SCIM Users of one district: create, read, list, replace, patch, delete. Each change writes the
// SCIM resource and its OneRoster user together, atomically (role from the district's mapping,
// dateLastModified now), and notes the roster change for the roster.changed webhook.
import { randomUUID } from "node:crypto";
import { isDeepStrictEqual } from "node:util";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { notFound, ScimError } from "@/lib/scim/errors";
import { parseFilter } from "@/lib/scim/filter";
import { userFilterSql } from "@/lib/scim/filter-sql";
import { normaliseResource, toBoolean, type Attributes } from "@/lib/scim/normalise";
import { applyPatch, parsePatchBody } from "@/lib/scim/patch";
import { etagOf, type UserRecord } from "@/lib/scim/resources";
import type { ScimEffectName } from "@/lib/scim/request-log";
import type { RoleMapping } from "@/lib/scim/role-mapping-schema";
import { deriveRole, getRoleMapping, knownRoleMapping, refreshRoleMapping, roleMappingIsVersion } from "@/lib/scim/roles";
import { noteRosterChange, rosterNoticePending } from "@/lib/scim/roster-changed";
import { rosterUserFields } from "@/lib/scim/roster-user";
import { assertUserNameFree, deleteUserRows, findUser, findUsers, insertUser, updateUser, type StoredUser, type UserWrite } from "@/lib/scim/user-store";

export type UserChange = { record: UserRecord; effect: ScimEffectName | null };
/** A request's If-Match header, when it sent one. */
export type Precondition = string | null;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const missing = (id: string) => notFound(`No user with id "${id}".`);

export async function getUser(districtId: string, id: string): Promise<UserRecord> {
  const user = UUID.test(id) ? await findUser(db(), districtId, id, { withGroups: true }) : null;
  if (!user) throw missing(id);
  return user;
}

export type ListRequest = { filter: string | null; startIndex: number; count: number; withGroups: boolean };

export async function listUsers(districtId: string, request: ListRequest): Promise<{ total: number; records: UserRecord[] }> {
  const where = request.filter ? userFilterSql(parseFilter(request.filter)) : Prisma.sql`TRUE`;
  return findUsers(districtId, where, { offset: request.startIndex - 1, limit: request.count, withGroups: request.withGroups });
}

/**
 * Usually one statement: the role comes from the mapping as this process knows it (checked in
 * the statement, read again when it changed), and a transaction is needed only when no
 * roster.changed notice is known to be coming.
 */
export async function createUser(districtId: string, body: unknown, now = new Date()): Promise<UserChange> {
  const attributes = withActive(normaliseResource("User", body));
  const id = randomUUID();
  let known = await knownRoleMapping(districtId);
  for (let attempt = 1; ; attempt++) {
    const write = userWrite(attributes, known.mapping, []);
    const current = roleMappingIsVersion(districtId, known.version);
    const record = rosterNoticePending(districtId, now)
      ? await insertUser(districtId, id, write, now, current)
      : await db().$transaction(async (tx) => {
          const inserted = await insertUser(districtId, id, write, now, current, tx);
          if (inserted) await noteRosterChange(tx, districtId, now);
          return inserted;
        });
    if (record) return { record, effect: "created" };
    if (attempt === 3) throw new Error("the district's role mapping kept changing during a create");
    known = await refreshRoleMapping(districtId);
  }
}

export async function replaceUser(districtId: string, id: string, body: unknown, ifMatch: Precondition, now = new Date()): Promise<UserChange> {
  const attributes = withActive(normaliseResource("User", body));
  return changeUser(districtId, id, ifMatch, now, () => attributes);
}

export async function patchUser(districtId: string, id: string, body: unknown, ifMatch: Precondition, now = new Date()): Promise<UserChange> {
  const operations = parsePatchBody(body);
  return changeUser(districtId, id, ifMatch, now, (current) => withActive(applyPatch("User", current.attributes, operations)));
}

export async function deleteUser(districtId: string, id: string, ifMatch: Precondition, now = new Date()): Promise<StoredUser> {
  if (!UUID.test(id)) throw missing(id);
  return db().$transaction(async (tx) => {
    const current = await findUser(tx, districtId, id, { forUpdate: true });
    if (!current) throw missing(id);
    checkPrecondition(ifMatch, current.version);
    await deleteUserRows(tx, current, now);
    await noteRosterChange(tx, districtId, now);
    return current;
  });
}

async function changeUser(districtId: string, id: string, ifMatch: Precondition, now: Date, next: (current: StoredUser) => Attributes): Promise<UserChange> {
  if (!UUID.test(id)) throw missing(id);
  return db().$transaction(async (tx) => {
    const current = await findUser(tx, districtId, id, { forUpdate: true, withGroups: true });
    if (!current) throw missing(id);
    checkPrecondition(ifMatch, current.version);
    const attributes = next(current);
    if (isDeepStrictEqual(attributes, current.attributes)) return { record: current, effect: null };
    if (String(attributes.userName).toLowerCase() !== current.userName.toLowerCase()) await assertUserNameFree(tx, districtId, String(attributes.userName), id);
    const write = userWrite(attributes, await getRoleMapping(districtId, tx), (current.groups ?? []).map((group) => group.displayName));
    const record = await updateUser(tx, current, write, now);
    await noteRosterChange(tx, districtId, now);
    return { record, effect: current.active && !write.active ? "deactivated" : "updated" };
  });
}

/** `active` is always stored: absent means true (RFC 7643 leaves the default to the service). */
function withActive(attributes: Attributes): Attributes {
  return { ...attributes, active: attributes.active === undefined ? true : toBoolean(attributes.active, "active") };
}

function userWrite(attributes: Attributes, mapping: RoleMapping, groupNames: string[]): UserWrite {
  const active = attributes.active === true;
  return {
    attributes,
    userName: String(attributes.userName),
    externalId: typeof attributes.externalId === "string" ? attributes.externalId : null,
    active,
    roster: rosterUserFields(attributes, active),
    role: deriveRole(mapping, { attributes, groupNames }),
  };
}

/** If-Match: the client's copy must be the current version (or `*`), else 412. */
export function checkPrecondition(ifMatch: Precondition, version: number): void {
  if (ifMatch === null) return;
  const tags = ifMatch.split(",").map((tag) => tag.trim());
  if (tags.includes("*") || tags.some((tag) => tag.replace(/^W\//, "") === etagOf(version).replace(/^W\//, ""))) return;
  throw new ScimError(412, "The resource has changed since the version given in If-Match.");
}
