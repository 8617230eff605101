// SCIM Groups of one district. Members are the district's SCIM users; when membership or a
// group's name changes, the members' roles are derived again (for a group-based role mapping).
// PATCH on members is handled here, without reading a large group's whole membership for the
// common case, adding or removing a few members by id; changes answer without the member list.
import { randomUUID } from "node:crypto";
import { filter as filterTester, parse } from "scim2-parse-filter";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { canonicalNames } from "@/lib/scim/attribute-paths";
import { invalidPath, invalidValue, notFound } from "@/lib/scim/errors";
import { parseFilter } from "@/lib/scim/filter";
import { groupFilterSql } from "@/lib/scim/filter-sql";
import * as store from "@/lib/scim/group-store";
import { normaliseResource, type Attributes } from "@/lib/scim/normalise";
import { applyPatch, parsePatchBody, parsePatchPath, type PatchOperation } from "@/lib/scim/patch";
import type { GroupRecord } from "@/lib/scim/resources";
import type { ScimEffectName } from "@/lib/scim/request-log";
import { rederiveRolesOf } from "@/lib/scim/roles";
import { GROUP_ATTRIBUTES, COMMON_ATTRIBUTES } from "@/lib/scim/schemas";
import { checkPrecondition, type ListRequest, type Precondition } from "@/lib/scim/users";

type Client = Prisma.TransactionClient;
export type GroupChange = { record: GroupRecord; effect: ScimEffectName | null };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const missing = (id: string) => notFound(`No group with id "${id}".`);

export async function getGroup(districtId: string, id: string, withMembers: boolean): Promise<GroupRecord> {
  const group = UUID.test(id) ? await store.findGroup(db(), districtId, id, { withMembers }) : null;
  if (!group) throw missing(id);
  return group;
}

export async function listGroups(districtId: string, request: Omit<ListRequest, "withGroups"> & { withMembers: boolean }) {
  const where = request.filter ? groupFilterSql(parseFilter(request.filter)) : Prisma.sql`TRUE`;
  return store.findGroups(db(), districtId, where, { offset: request.startIndex - 1, limit: request.count, withMembers: request.withMembers });
}

export async function createGroup(districtId: string, body: unknown, now = new Date()): Promise<GroupChange> {
  const { group, members } = readGroup(body);
  return db().$transaction(async (tx) => {
    await store.assertUsersExist(tx, districtId, members);
    const id = randomUUID();
    await store.insertGroup(tx, districtId, id, group, now);
    const added = await store.addMembers(tx, id, members);
    await rederiveRolesOf(tx, districtId, added);
    return { record: (await store.findGroup(tx, districtId, id, { withMembers: true }))!, effect: "created" };
  });
}

export async function replaceGroup(districtId: string, id: string, body: unknown, ifMatch: Precondition, now = new Date()): Promise<GroupChange> {
  const { group, members } = readGroup(body);
  return changeGroup(districtId, id, ifMatch, now, async (_current, membership) => {
    await membership.replace(members);
    return group;
  });
}

export async function patchGroup(districtId: string, id: string, body: unknown, ifMatch: Precondition, now = new Date()): Promise<GroupChange> {
  const operations = parsePatchBody(body);
  return changeGroup(districtId, id, ifMatch, now, async (current, membership) => {
    let attributes: Attributes = { displayName: current.displayName, ...(current.externalId !== null ? { externalId: current.externalId } : {}) };
    for (const operation of operations) {
      if (operation.path === null) {
        const { members, ...rest } = canonicalNames("Group", operation.value, [...GROUP_ATTRIBUTES, ...COMMON_ATTRIBUTES], true) as Attributes;
        if (members !== undefined) await changeMembers(membership, { ...operation, value: members }, null);
        if (Object.keys(rest).length > 0) attributes = applyPatch("Group", attributes, [{ ...operation, value: rest }]);
        continue;
      }
      const path = parsePatchPath("Group", operation.path);
      if (!path.extension && path.name === "members") await changeMembers(membership, operation, path.filter, path.sub);
      else attributes = applyPatch("Group", attributes, [operation]);
    }
    return { displayName: String(attributes.displayName), externalId: typeof attributes.externalId === "string" ? attributes.externalId : null };
  });
}

export async function deleteGroup(districtId: string, id: string, ifMatch: Precondition): Promise<GroupRecord> {
  if (!UUID.test(id)) throw missing(id);
  return db().$transaction(async (tx) => {
    const current = await store.findGroup(tx, districtId, id, { forUpdate: true });
    if (!current) throw missing(id);
    checkPrecondition(ifMatch, current.version);
    const members = await store.memberIds(tx, id);
    await store.deleteGroupRow(tx, id);
    await rederiveRolesOf(tx, districtId, members);
    return current;
  });
}

type GroupFields = { displayName: string; externalId: string | null };

function readGroup(body: unknown): { group: GroupFields; members: string[] } {
  const attributes = normaliseResource("Group", body);
  return {
    group: { displayName: String(attributes.displayName), externalId: typeof attributes.externalId === "string" ? attributes.externalId : null },
    members: memberValues(attributes.members),
  };
}

function memberValues(value: unknown): string[] {
  const items = value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];
  return [
    ...new Set(
      items.map((item) => {
        const id = typeof item === "string" ? item : typeof item === "object" && item !== null ? (item as { value?: unknown }).value : undefined;
        if (typeof id !== "string" || !id) throw invalidValue("Each member needs the user's id as its value.");
        return id.toLowerCase();
      }),
    ),
  ];
}

async function changeMembers(membership: Membership, operation: PatchOperation, filter: string | null, sub: string | null = null): Promise<void> {
  if (sub) throw invalidPath(`Rollcall cannot change members' ${sub}: add or remove members instead.`);
  if (operation.op === "remove") {
    if (filter !== null) {
      const matches = filterTester(parse(filter));
      membership.remove([...(await membership.all())].filter((id) => matches({ value: id, type: "User" })));
    } else if (operation.value !== undefined && operation.value !== null) membership.remove(memberValues(operation.value));
    else membership.remove([...(await membership.all())]);
    return;
  }
  if (filter !== null) throw invalidPath("Add or replace members with a list of members, not a filtered path.");
  const ids = memberValues(operation.value);
  if (operation.op === "add") await membership.add(ids);
  else await membership.replace(ids);
}

/** The group's membership as the operations leave it; the current members are read only when an operation needs them. */
class Membership {
  private current: Set<string> | null = null;
  readonly adds = new Set<string>();
  readonly removes = new Set<string>();

  constructor(
    private readonly tx: Client,
    private readonly districtId: string,
    private readonly groupId: string,
  ) {}

  async all(): Promise<Set<string>> {
    this.current ??= new Set(await store.memberIds(this.tx, this.groupId));
    return new Set([...this.current].filter((id) => !this.removes.has(id)).concat([...this.adds]));
  }

  async add(ids: string[]): Promise<void> {
    await store.assertUsersExist(this.tx, this.districtId, ids);
    for (const id of ids) {
      this.removes.delete(id);
      this.adds.add(id);
    }
  }

  remove(ids: string[]): void {
    for (const id of ids.filter((one) => UUID.test(one))) {
      this.adds.delete(id);
      this.removes.add(id);
    }
  }

  async replace(ids: string[]): Promise<void> {
    const keep = new Set(ids);
    this.remove([...(await this.all())].filter((id) => !keep.has(id)));
    await this.add(ids);
  }
}

async function changeGroup(
  districtId: string,
  id: string,
  ifMatch: Precondition,
  now: Date,
  change: (current: GroupRecord, membership: Membership) => Promise<GroupFields>,
): Promise<GroupChange> {
  if (!UUID.test(id)) throw missing(id);
  return db().$transaction(async (tx) => {
    const current = await store.findGroup(tx, districtId, id, { forUpdate: true });
    if (!current) throw missing(id);
    checkPrecondition(ifMatch, current.version);
    const membership = new Membership(tx, districtId, id);
    const fields = await change(current, membership);
    const removed = await store.removeMembers(tx, id, [...membership.removes]);
    const added = await store.addMembers(tx, id, [...membership.adds]);
    const renamed = fields.displayName !== current.displayName;
    if (!renamed && fields.externalId === current.externalId && added.length === 0 && removed.length === 0) {
      return { record: current, effect: null };
    }
    await store.updateGroupRow(tx, id, fields, now);
    await rederiveRolesOf(tx, districtId, renamed ? [...(await membership.all()), ...removed] : [...added, ...removed]);
    return { record: (await store.findGroup(tx, districtId, id))!, effect: "updated" };
  });
}
