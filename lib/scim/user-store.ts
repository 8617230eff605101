// The SQL behind SCIM users: a ScimUser row and the OneRoster user it feeds (whose sourcedId
// is the SCIM id), written together in the caller's transaction. Raw SQL: a provisioning cycle
// creates users by the thousand, and each create is one statement instead of several. Creates,
// lookups and pages run on SCIM's own pool (pool.ts) unless they are part of a transaction.
import { Prisma } from "@/generated/prisma/client";
import { countOnce } from "@/lib/paging/count-cache";
import { cursorAt, rememberCursor } from "@/lib/paging/page-cursors";
import { SAMPLE_STRIDE, sampledStart } from "@/lib/paging/rank-samples";
import { uniqueness } from "@/lib/scim/errors";
import { isUniqueViolation, poolQuery } from "@/lib/scim/pool";
import type { Attributes } from "@/lib/scim/normalise";
import type { UserRecord } from "@/lib/scim/resources";
import type { RosterRoleName } from "@/lib/scim/role-mapping-schema";
import type { RosterUserFields } from "@/lib/scim/roster-user";

type Sql = Prisma.Sql;
type Client = Prisma.TransactionClient;
const sql = Prisma.sql;

export const utc = (date: Date): Sql => sql`(${date.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;

type Row = Omit<UserRecord, "createdAt" | "updatedAt"> & { createdMs: number; updatedMs: number; rosterUserId: string; userNameKey: string };

const fromRow = ({ createdMs, updatedMs, rosterUserId: _rosterUserId, userNameKey: _userNameKey, ...row }: Row): UserRecord => ({
  ...row,
  createdAt: new Date(createdMs),
  updatedAt: new Date(updatedMs),
});

function columns(withGroups: boolean): Sql {
  const groups = withGroups
    ? sql`, (SELECT json_agg(json_build_object('id', g.id, 'displayName', g."displayName") ORDER BY g."displayName")
          FROM "ScimGroupMember" m JOIN "ScimGroup" g ON g.id = m."groupId" WHERE m."userId" = s.id) AS groups`
    : sql``;
  return sql`s.id::text AS id, s."rosterUserId"::text AS "rosterUserId", s."userName", s."userNameKey", s."externalId", s.active, s.attributes, s.version,
    (extract(epoch FROM s."createdAt") * 1000)::float8 AS "createdMs", (extract(epoch FROM s."updatedAt") * 1000)::float8 AS "updatedMs" ${groups}`;
}

export type StoredUser = UserRecord & { rosterUserId: string };

export async function findUser(client: Client, districtId: string, id: string, options: { forUpdate?: boolean; withGroups?: boolean } = {}): Promise<StoredUser | null> {
  const [row] = await client.$queryRaw<Row[]>`
    SELECT ${columns(options.withGroups ?? false)} FROM "ScimUser" s
    WHERE s."districtId" = ${districtId}::uuid AND s.id = ${id}::uuid ${options.forUpdate ? sql`FOR UPDATE` : sql``}`;
  return row ? { ...fromRow(row), rosterUserId: row.rosterUserId, groups: row.groups ?? [] } : null;
}

/**
 * One page in userName order and the total. As in the Data API, a client paging in order
 * continues after the last userName of the page before (an index range scan, however deep),
 * and the total is counted afresh on the first page and reused briefly for the pages after.
 * A page at any other offset starts from a sample of the list's keys (rank-samples.ts).
 */
export async function findUsers(
  districtId: string,
  where: Sql,
  page: { offset: number; limit: number; withGroups: boolean },
): Promise<{ total: number; records: UserRecord[] }> {
  const scope = sql`s."districtId" = ${districtId}::uuid AND ${where}`;
  const after = page.offset > 0 ? cursorAt(PAGING_SCOPE, scope, "asc", page.offset) : undefined;
  const select = columns(page.withGroups);
  const rows =
    page.limit === 0
      ? []
      : page.offset === 0 || after !== undefined
        ? await poolQuery<Row>(sql`
            SELECT ${select} FROM "ScimUser" s WHERE ${scope} ${after === undefined ? sql`` : sql`AND s."userNameKey" > ${after}`}
            ORDER BY s."userNameKey" LIMIT ${page.limit}`)
        : await deepPage(districtId, scope, select, page);
  // A page that is not full ends the list, so its rows tell the total (Entra ID's lookups by userName need no count).
  const total =
    (rows.length > 0 || page.offset === 0) && rows.length < page.limit
      ? page.offset + rows.length
      : await countOnce(PAGING_SCOPE, scope, page.offset > 0, async () => {
          const [counted] = await poolQuery<{ total: number }>(sql`SELECT count(*)::int AS total FROM "ScimUser" s WHERE ${scope}`);
          return counted?.total ?? 0;
        });
  const last = rows.at(-1);
  if (last) rememberCursor(PAGING_SCOPE, scope, "asc", page.offset + rows.length, last.userNameKey);
  return { total, records: rows.map((row) => ({ ...fromRow(row), groups: row.groups ?? [] })) };
}

const PAGING_SCOPE = "scim-users";

/** A deep page without a cursor: its keys from the index first, from the nearest sampled key on, then just those rows. */
async function deepPage(districtId: string, scope: Sql, select: Sql, page: { offset: number; limit: number }): Promise<Row[]> {
  const start = await sampledStart(PAGING_SCOPE, scope, page.offset, async () => {
    const sampled = await poolQuery<{ key: string }>(sql`
      SELECT key FROM (SELECT s."userNameKey" AS key, row_number() OVER (ORDER BY s."userNameKey") AS position FROM "ScimUser" s WHERE ${scope}) AS ranked
      WHERE position % ${SAMPLE_STRIDE} = 0 ORDER BY position`);
    return sampled.map((row) => row.key);
  });
  return poolQuery<Row>(sql`
    SELECT ${select} FROM "ScimUser" s
    WHERE s."districtId" = ${districtId}::uuid AND s."userNameKey" = ANY(ARRAY(
      SELECT s."userNameKey" FROM "ScimUser" s WHERE ${scope} ${start ? sql`AND s."userNameKey" > ${start.after}` : sql``}
      ORDER BY s."userNameKey" LIMIT ${page.limit} OFFSET ${start ? start.skip : page.offset}))
    ORDER BY s."userNameKey"`);
}

export type UserWrite = { attributes: Attributes; userName: string; externalId: string | null; active: boolean; roster: RosterUserFields; role: RosterRoleName };

function rosterValues(write: UserWrite) {
  const { roster } = write;
  return sql`${roster.username}, ${JSON.stringify(roster.userIds)}::jsonb, ${roster.enabledUser}::boolean, ${roster.givenName}, ${roster.familyName}, ${roster.middleName},
    ${write.role}::"RosterRole", ${roster.identifier}, ${roster.email}, ${roster.sms}, ${roster.phone}, ${roster.status}::"RosterStatus"`;
}

/**
 * Inserts both rows in one statement, atomic without a transaction of its own, provided the
 * role mapping the role was derived from is still the saved one (`mappingIsCurrent`); null
 * when it is not. A userName already taken in the district (whatever its case) is a 409, also
 * when two requests race for it: the unique index then fails the whole statement. Runs in `tx`
 * when given, else on its own.
 */
export async function insertUser(districtId: string, id: string, write: UserWrite, now: Date, mappingIsCurrent: Sql, tx?: Client): Promise<StoredUser | null> {
  const key = write.userName.toLowerCase();
  const statement = sql`
      WITH roster AS (
        INSERT INTO "RosterUser" (id, "districtId", "sourcedId", "dateLastModified", username, "userIds", "enabledUser", "givenName", "familyName", "middleName",
          role, identifier, email, sms, phone, status, "agentSourcedIds", "orgSourcedIds", grades, source)
        SELECT gen_random_uuid(), ${districtId}::uuid, ${id}, ${utc(now)}, ${rosterValues(write)}, '{}', '{}', '{}', 'scim'
        WHERE ${mappingIsCurrent} AND NOT EXISTS (SELECT 1 FROM "ScimUser" WHERE "districtId" = ${districtId}::uuid AND "userNameKey" = ${key})
        RETURNING id
      ), s AS (
        INSERT INTO "ScimUser" (id, "districtId", "rosterUserId", "userName", "userNameKey", "externalId", active, attributes, version, "createdAt", "updatedAt")
        SELECT ${id}::uuid, ${districtId}::uuid, roster.id, ${write.userName}, ${key}, ${write.externalId}, ${write.active}::boolean,
          ${JSON.stringify(write.attributes)}::jsonb, 1, ${utc(now)}, ${utc(now)}
        FROM roster
        RETURNING *
      )
      SELECT ${mappingIsCurrent} AS current, ${columns(false)} FROM (SELECT 1) AS one LEFT JOIN s ON TRUE`;
  type Inserted = Partial<Row> & { current: boolean };
  const [row] = await onUniqueUserName(write.userName, tx ? tx.$queryRaw<Inserted[]>(statement) : poolQuery<Inserted>(statement));
  if (!row?.current) return null;
  if (!row.id) throw uniqueness(`A user with userName "${write.userName}" already exists.`);
  const inserted = row as Row;
  return { ...fromRow(inserted), rosterUserId: inserted.rosterUserId, groups: [] };
}

async function onUniqueUserName<T>(userName: string, statement: Promise<T>): Promise<T> {
  try {
    return await statement;
  } catch (error) {
    if (isUniqueViolation(error, "userNameKey")) {
      throw uniqueness(`A user with userName "${userName}" already exists.`);
    }
    throw error;
  }
}

export async function assertUserNameFree(tx: Client, districtId: string, userName: string, exceptId: string): Promise<void> {
  const [taken] = await tx.$queryRaw<{ id: string }[]>`
    SELECT id::text FROM "ScimUser" WHERE "districtId" = ${districtId}::uuid AND "userNameKey" = ${userName.toLowerCase()} AND id <> ${exceptId}::uuid`;
  if (taken) throw uniqueness(`A user with userName "${userName}" already exists.`);
}

export async function updateUser(tx: Client, current: StoredUser, write: UserWrite, now: Date): Promise<StoredUser> {
  const [row] = await onUniqueUserName(write.userName, tx.$queryRaw<Row[]>`
    WITH roster AS (
      UPDATE "RosterUser" SET (username, "userIds", "enabledUser", "givenName", "familyName", "middleName", role, identifier, email, sms, phone, status) = (${rosterValues(write)}),
        "dateLastModified" = ${utc(now)}, "fieldSources" = '{}'
      WHERE id = ${current.rosterUserId}::uuid
    ), s AS (
      UPDATE "ScimUser" SET "userName" = ${write.userName}, "userNameKey" = ${write.userName.toLowerCase()}, "externalId" = ${write.externalId}, active = ${write.active},
        attributes = ${JSON.stringify(write.attributes)}::jsonb, version = version + 1, "updatedAt" = ${utc(now)}
      WHERE id = ${current.id}::uuid
      RETURNING *
    )
    SELECT ${columns(false)} FROM s`);
  if (!row) throw new Error("the SCIM user to update has gone");
  return { ...fromRow(row), rosterUserId: row.rosterUserId, groups: current.groups ?? [] };
}

/** The SCIM user goes; OneRoster keeps the person as tobedeleted, so vendors' delta syncs see the removal. */
export async function deleteUserRows(tx: Client, user: StoredUser, now: Date): Promise<void> {
  await tx.$executeRaw`
    UPDATE "ScimGroup" SET version = version + 1, "updatedAt" = ${utc(now)}
    WHERE id IN (SELECT "groupId" FROM "ScimGroupMember" WHERE "userId" = ${user.id}::uuid)`;
  await tx.$executeRaw`DELETE FROM "ScimUser" WHERE id = ${user.id}::uuid`;
  await tx.$executeRaw`
    UPDATE "RosterUser" SET status = 'tobedeleted', "enabledUser" = FALSE, "dateLastModified" = ${utc(now)} WHERE id = ${user.rosterUserId}::uuid`;
}
