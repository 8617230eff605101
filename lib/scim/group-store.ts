// The SQL behind SCIM groups: the group row and its members (SCIM users of the same district).
import { Prisma } from "@/generated/prisma/client";
import { invalidValue } from "@/lib/scim/errors";
import type { GroupRecord } from "@/lib/scim/resources";
import { utc } from "@/lib/scim/user-store";

type Sql = Prisma.Sql;
type Client = Prisma.TransactionClient;
const sql = Prisma.sql;

type Row = Omit<GroupRecord, "createdAt" | "updatedAt" | "members"> & { createdMs: number; updatedMs: number; members: { id: string; display: string | null }[] | null };

const COLUMNS = sql`g.id::text AS id, g."displayName", g."externalId", g.version,
  (extract(epoch FROM g."createdAt") * 1000)::float8 AS "createdMs", (extract(epoch FROM g."updatedAt") * 1000)::float8 AS "updatedMs"`;
const MEMBERS = sql`, (SELECT json_agg(json_build_object('id', u.id, 'display', coalesce(u.attributes ->> 'displayName', u."userName")) ORDER BY u."userNameKey")
  FROM "ScimGroupMember" m JOIN "ScimUser" u ON u.id = m."userId" WHERE m."groupId" = g.id) AS members`;

function fromRow({ createdMs, updatedMs, members, ...row }: Row, withMembers: boolean): GroupRecord {
  return { ...row, createdAt: new Date(createdMs), updatedAt: new Date(updatedMs), ...(withMembers ? { members: members ?? [] } : {}) };
}

export async function findGroup(client: Client, districtId: string, id: string, options: { forUpdate?: boolean; withMembers?: boolean } = {}): Promise<GroupRecord | null> {
  const withMembers = options.withMembers ?? false;
  const [row] = await client.$queryRaw<Row[]>`
    SELECT ${COLUMNS} ${withMembers ? MEMBERS : sql`, NULL AS members`} FROM "ScimGroup" g
    WHERE g."districtId" = ${districtId}::uuid AND g.id = ${id}::uuid ${options.forUpdate ? sql`FOR UPDATE` : sql``}`;
  return row ? fromRow(row, withMembers) : null;
}

export async function findGroups(client: Client, districtId: string, where: Sql, page: { offset: number; limit: number; withMembers: boolean }) {
  const scope = sql`g."districtId" = ${districtId}::uuid AND ${where}`;
  const [rows, [counted]] = await Promise.all([
    page.limit === 0
      ? Promise.resolve([] as Row[])
      : client.$queryRaw<Row[]>`
          SELECT ${COLUMNS} ${page.withMembers ? MEMBERS : sql`, NULL AS members`} FROM "ScimGroup" g WHERE ${scope}
          ORDER BY lower(g."displayName"), g.id LIMIT ${page.limit} OFFSET ${page.offset}`,
    client.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM "ScimGroup" g WHERE ${scope}`,
  ]);
  return { total: counted?.total ?? 0, records: rows.map((row) => fromRow(row, page.withMembers)) };
}

export async function memberIds(client: Client, groupId: string): Promise<string[]> {
  const rows = await client.$queryRaw<{ id: string }[]>`SELECT "userId"::text AS id FROM "ScimGroupMember" WHERE "groupId" = ${groupId}::uuid`;
  return rows.map((row) => row.id);
}

/** Members must be SCIM users of the district; anything else (another district's id, a nested group) is refused by name. */
export async function assertUsersExist(client: Client, districtId: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  const malformed = ids.find((id) => !uuid.test(id));
  if (malformed) throw invalidValue(`No user with id "${malformed}" to add as a member.`);
  const found = await client.$queryRaw<{ id: string }[]>`
    SELECT id::text FROM "ScimUser" WHERE "districtId" = ${districtId}::uuid AND id = ANY(${[...ids]}::uuid[])`;
  const known = new Set(found.map((row) => row.id));
  const unknown = ids.find((id) => !known.has(id.toLowerCase()));
  if (unknown) throw invalidValue(`No user with id "${unknown}" to add as a member.`);
}

export async function insertGroup(tx: Client, districtId: string, id: string, group: { displayName: string; externalId: string | null }, now: Date): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "ScimGroup" (id, "districtId", "displayName", "externalId", version, "createdAt", "updatedAt")
    VALUES (${id}::uuid, ${districtId}::uuid, ${group.displayName}, ${group.externalId}, 1, ${utc(now)}, ${utc(now)})`;
}

export async function updateGroupRow(tx: Client, id: string, group: { displayName: string; externalId: string | null }, now: Date): Promise<void> {
  await tx.$executeRaw`
    UPDATE "ScimGroup" SET "displayName" = ${group.displayName}, "externalId" = ${group.externalId}, version = version + 1, "updatedAt" = ${utc(now)}
    WHERE id = ${id}::uuid`;
}

export async function addMembers(tx: Client, groupId: string, userIds: readonly string[]): Promise<string[]> {
  if (userIds.length === 0) return [];
  const added = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "ScimGroupMember" ("groupId", "userId") SELECT ${groupId}::uuid, unnest(${[...userIds]}::uuid[])
    ON CONFLICT DO NOTHING RETURNING "userId"::text AS id`;
  return added.map((row) => row.id);
}

export async function removeMembers(tx: Client, groupId: string, userIds: readonly string[]): Promise<string[]> {
  if (userIds.length === 0) return [];
  const removed = await tx.$queryRaw<{ id: string }[]>`
    DELETE FROM "ScimGroupMember" WHERE "groupId" = ${groupId}::uuid AND "userId" = ANY(${[...userIds]}::uuid[]) RETURNING "userId"::text AS id`;
  return removed.map((row) => row.id);
}

export async function deleteGroupRow(tx: Client, id: string): Promise<void> {
  await tx.$executeRaw`DELETE FROM "ScimGroup" WHERE id = ${id}::uuid`;
}
