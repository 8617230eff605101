// The People list: a district's people found by name, email, username, netid or sourcedId,
// filtered by role, status and way in, a page at a time in sourcedId order. Paging is by
// keyset on sourcedId, which the (districtId, role, sourcedId) and (districtId, sourcedId)
// indexes serve directly, so page 4,000 costs what page 1 does; the total is counted once
// and remembered while the admin pages.
import { Prisma, type PersonSource, type RosterRole, type RosterStatus } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { countOnce } from "@/lib/paging/count-cache";
import { isPersonSource } from "@/lib/people/sources";

export const PEOPLE_PAGE_SIZE = 50;
export const ROSTER_ROLES = ["student", "teacher", "administrator", "aide", "guardian", "parent", "proctor", "relative"] as const satisfies readonly RosterRole[];
export const ROSTER_STATUSES = ["active", "tobedeleted"] as const satisfies readonly RosterStatus[];
const MAX_SEARCH_LENGTH = 200;

export type PeopleFilter = {
  q?: string;
  role?: RosterRole;
  status?: RosterStatus;
  source?: PersonSource;
  /** Rows after this sourcedId (the next page), or before it (the previous page). */
  after?: string;
  before?: string;
};

export type PersonRow = {
  id: string;
  sourcedId: string;
  givenName: string;
  familyName: string;
  role: RosterRole;
  email: string | null;
  netids: string[];
  schools: string[];
  status: RosterStatus;
  source: PersonSource;
  merged: boolean;
};

export type PeoplePage = { rows: PersonRow[]; total: number; previous: string | null; next: string | null };

/** A page's search params as a filter; unknown values are dropped rather than trusted. */
export function parsePeopleFilter(params: Record<string, string | string[] | undefined>): PeopleFilter {
  const one = (name: string) => [params[name]].flat()[0];
  const q = one("q")?.trim().slice(0, MAX_SEARCH_LENGTH);
  const role = ROSTER_ROLES.find((value) => value === one("role"));
  const status = ROSTER_STATUSES.find((value) => value === one("status"));
  const source = one("source");
  const after = one("after");
  const before = one("before");
  return {
    ...(q && { q }),
    ...(role && { role }),
    ...(status && { status }),
    ...(isPersonSource(source) && { source }),
    ...(after ? { after } : before ? { before } : {}),
  };
}

type Row = Omit<PersonRow, "netids" | "schools" | "merged"> & {
  netid: string | null;
  netid2: string | null;
  netid3: string | null;
  orgSourcedIds: string[];
  mergedIntoId: string | null;
};

export async function listPeople(districtId: string, filter: PeopleFilter): Promise<PeoplePage> {
  const where = whereOf(districtId, filter);
  const backwards = filter.before !== undefined;
  const cursor = filter.after !== undefined ? Prisma.sql`AND "sourcedId" > ${filter.after}` : backwards ? Prisma.sql`AND "sourcedId" < ${filter.before}` : Prisma.empty;
  const [found, total] = await Promise.all([
    db().$queryRaw<Row[]>`
      SELECT id::text AS id, "sourcedId", "givenName", "familyName", role::text AS role, email, netid, netid2, netid3,
        coalesce("orgSourcedIds", ARRAY[]::text[]) AS "orgSourcedIds", status::text AS status, source::text AS source, "mergedIntoId"::text AS "mergedIntoId"
      FROM "RosterUser" WHERE ${where} ${cursor}
      ORDER BY "sourcedId" ${backwards ? Prisma.sql`DESC` : Prisma.sql`ASC`}
      LIMIT ${PEOPLE_PAGE_SIZE + 1}`,
    countOnce("people", where, filter.after !== undefined || backwards, async () => {
      const [counted] = await db().$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count FROM "RosterUser" WHERE ${where}`;
      return counted?.count ?? 0;
    }),
  ]);
  const more = found.length > PEOPLE_PAGE_SIZE;
  const page = found.slice(0, PEOPLE_PAGE_SIZE);
  if (backwards) page.reverse();
  const schoolNames = await namesOfSchools(districtId, page.flatMap((row) => row.orgSourcedIds));
  const rows = page.map(({ netid, netid2, netid3, orgSourcedIds, mergedIntoId, ...row }) => ({
    ...row,
    netids: [netid, netid2, netid3].filter((value): value is string => Boolean(value)),
    schools: orgSourcedIds.map((sourcedId) => schoolNames.get(sourcedId) ?? sourcedId),
    merged: mergedIntoId !== null,
  }));
  const hasPrevious = backwards ? more : filter.after !== undefined;
  const hasNext = backwards ? true : more;
  return {
    rows,
    total,
    previous: hasPrevious && rows[0] ? rows[0].sourcedId : null,
    next: hasNext && rows.length > 0 ? rows.at(-1)!.sourcedId : null,
  };
}

function whereOf(districtId: string, filter: PeopleFilter): Prisma.Sql {
  const conditions = [Prisma.sql`"districtId" = ${districtId}::uuid`];
  if (filter.role) conditions.push(Prisma.sql`role = ${filter.role}::"RosterRole"`);
  if (filter.status) conditions.push(Prisma.sql`status = ${filter.status}::"RosterStatus"`);
  if (filter.source) conditions.push(Prisma.sql`source = ${filter.source}::"PersonSource"`);
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
    conditions.push(Prisma.sql`(
      ("givenName" || ' ' || "familyName") ILIKE ${pattern} OR ("familyName" || ', ' || "givenName") ILIKE ${pattern}
      OR email ILIKE ${pattern} OR username ILIKE ${pattern} OR netid ILIKE ${pattern} OR netid2 ILIKE ${pattern} OR netid3 ILIKE ${pattern}
      OR "sourcedId" ILIKE ${pattern})`);
  }
  return Prisma.join(conditions, " AND ");
}

async function namesOfSchools(districtId: string, sourcedIds: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(sourcedIds)];
  if (unique.length === 0) return new Map();
  const schools = await db().org.findMany({ where: { districtId, sourcedId: { in: unique } }, select: { sourcedId: true, name: true } });
  return new Map(schools.map((school) => [school.sourcedId, school.name]));
}
