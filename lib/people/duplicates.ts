// Pairs of records in a district that are probably the same person, with the evidence.
// Each rule groups people by a key (one pass over the district, no pairwise comparison), pairs
// the members of each group, and the pairs are merged, ranked and paged in PostgreSQL. A value shared by many people is most likely a placeholder
// ("none@school.org"): only its first few holders are paired, so one bad value cannot flood the list.
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";

export const DUPLICATES_PAGE_SIZE = 20;
/** The most people of one group (same email, same name and birth date, …) that are paired. */
export const MAX_GROUP = 10;
/** The most pieces of evidence shown for one pair. */
export const MAX_EVIDENCE = 5;

export type IdentifierField = "netid" | "netid2" | "netid3" | "email" | "username";

export type DuplicateEvidence =
  | { rule: "email"; value: string }
  | { rule: "identifier"; value: string; firstField: IdentifierField; secondField: IdentifierField }
  | { rule: "name_birth_date"; birthDate: string }
  | { rule: "name_school_grade"; school: string; grade: string };

const RULE_RANK: Record<DuplicateEvidence["rule"], number> = { email: 1, identifier: 2, name_birth_date: 3, name_school_grade: 4 };

/** firstId is the smaller id, as DuplicateDismissal stores pairs. */
export type DuplicatePair = { firstId: string; secondId: string; evidence: DuplicateEvidence[] };
export type DuplicatePage = { pairs: DuplicatePair[]; total: number; page: number; pageSize: number };

type PairRow = { first: string; second: string; evidence: DuplicateEvidence[]; total: number };

export async function findDuplicatePairs(districtId: string, page = 1): Promise<DuplicatePage> {
  const offset = (Math.max(1, page) - 1) * DUPLICATES_PAGE_SIZE;
  const rows = await db().$queryRaw<PairRow[]>(duplicatePairsSql(districtId, DUPLICATES_PAGE_SIZE, offset));
  return {
    pairs: rows.map((row) => ({
      firstId: row.first,
      secondId: row.second,
      evidence: [...row.evidence].sort((a, b) => RULE_RANK[a.rule] - RULE_RANK[b.rule]).slice(0, MAX_EVIDENCE),
    })),
    total: rows[0]?.total ?? 0,
    page: Math.max(1, page),
    pageSize: DUPLICATES_PAGE_SIZE,
  };
}

function duplicatePairsSql(districtId: string, limit: number, offset: number): Prisma.Sql {
  const district = Prisma.sql`${districtId}::uuid`;
  // uuid has no min() or max(); its text in byte order sorts the same way.
  const lowest = Prisma.raw(`min(id::text COLLATE "C")`);
  const highest = Prisma.raw(`max(id::text COLLATE "C")`);
  const cap = Prisma.raw(`[1:${MAX_GROUP}]`);
  // Pairs every two members of a group, the smaller id first (the ids are sorted in the array).
  const pairsOf = (groups: string, rule: Prisma.Sql, sortKey: Prisma.Sql, rank: number) => Prisma.sql`
    SELECT a.id AS first, b.id AS second, ${rank}::int AS rank, ${rule} AS evidence, ${sortKey} AS sort_key
    FROM ${Prisma.raw(groups)} g
    CROSS JOIN LATERAL unnest(g.ids) WITH ORDINALITY AS a(id, n)
    CROSS JOIN LATERAL unnest(g.ids) WITH ORDINALITY AS b(id, n)
    WHERE a.n < b.n AND a.id <> b.id`;

  // The district is read once, into the narrow "people"; each rule aggregates its key over it. A key
  // held by exactly two people gives its pair from min and max at once; the rare key held by more
  // is joined back for its members, a join skipped (the EXISTS is checked once) when there is none.
  return Prisma.sql`
    WITH people AS MATERIALIZED (
      SELECT u.id, lower(u.email) AS email, lower(u.username) AS username, lower(u."givenName") AS given, lower(u."familyName") AS family,
        lower(u.netid) AS netid, lower(u.netid2) AS netid2, lower(u.netid3) AS netid3, u.grades, u."orgSourcedIds" AS schools, d."birthDate" AS birth_date
      FROM "RosterUser" u
      LEFT JOIN "Demographic" d ON d."districtId" = u."districtId" AND d."sourcedId" = u."sourcedId"
      WHERE u."districtId" = ${district} AND u."mergedIntoId" IS NULL
    ),
    email_keys AS MATERIALIZED (
      SELECT email AS value, ${lowest} AS a, ${highest} AS b, count(*) AS n
      FROM people WHERE email <> ''
      GROUP BY email HAVING ${lowest} <> ${highest}
    ),
    email_groups AS (
      SELECT value, ARRAY[a::uuid, b::uuid] AS ids FROM email_keys WHERE n = 2
      UNION ALL
      SELECT k.value, (array_agg(DISTINCT u.id ORDER BY u.id))${cap}
      FROM email_keys k JOIN people u ON u.email = k.value
      WHERE k.n > 2 AND EXISTS (SELECT 1 FROM email_keys WHERE n > 2) GROUP BY k.value
    ),
    birth_keys AS MATERIALIZED (
      SELECT given, family, birth_date, ${lowest} AS a, ${highest} AS b, count(*) AS n
      FROM people WHERE birth_date IS NOT NULL
      GROUP BY given, family, birth_date HAVING ${lowest} <> ${highest}
    ),
    birth_groups AS (
      SELECT birth_date, ARRAY[a::uuid, b::uuid] AS ids FROM birth_keys WHERE n = 2
      UNION ALL
      SELECT k.birth_date, (array_agg(DISTINCT u.id ORDER BY u.id))${cap}
      FROM birth_keys k JOIN people u ON u.given = k.given AND u.family = k.family AND u.birth_date = k.birth_date
      WHERE k.n > 2 AND EXISTS (SELECT 1 FROM birth_keys WHERE n > 2) GROUP BY k.given, k.family, k.birth_date
    ),
    school_keys AS MATERIALIZED (
      SELECT u.given, u.family, s.school, gr.grade, ${lowest} AS a, ${highest} AS b, count(*) AS n
      FROM people u
      CROSS JOIN LATERAL unnest(u.schools) AS s(school)
      CROSS JOIN LATERAL unnest(u.grades) AS gr(grade)
      GROUP BY 1, 2, 3, 4 HAVING ${lowest} <> ${highest}
    ),
    school_groups AS (
      SELECT school, grade, ARRAY[a::uuid, b::uuid] AS ids FROM school_keys WHERE n = 2
      UNION ALL
      SELECT k.school, k.grade, (array_agg(DISTINCT u.id ORDER BY u.id))${cap}
      FROM school_keys k JOIN people u ON u.given = k.given AND u.family = k.family AND k.school = ANY(u.schools) AND k.grade = ANY(u.grades)
      WHERE k.n > 2 AND EXISTS (SELECT 1 FROM school_keys WHERE n > 2) GROUP BY k.given, k.family, k.school, k.grade
    ),
    netids AS MATERIALIZED (
      SELECT u.id, v.field, v.value
      FROM people u
      CROSS JOIN LATERAL (VALUES ('netid', u.netid), ('netid2', u.netid2), ('netid3', u.netid3)) AS v(field, value)
      WHERE v.value <> ''
    ),
    shared_netids AS (
      SELECT n.value, (array_agg(n.id ORDER BY n.id, n.field))[1:${MAX_GROUP * 2}] AS ids, (array_agg(n.field ORDER BY n.id, n.field))[1:${MAX_GROUP * 2}] AS fields
      FROM netids n
      WHERE n.value IN (SELECT value FROM netids GROUP BY value HAVING ${lowest} <> ${highest})
      GROUP BY n.value
    ),
    identifier_matches AS (
      SELECT a.id AS first, a.field AS first_field, b.id AS second, b.field AS second_field, g.value
      FROM shared_netids g
      CROSS JOIN LATERAL unnest(g.ids, g.fields) AS a(id, field)
      CROSS JOIN LATERAL unnest(g.ids, g.fields) AS b(id, field)
      WHERE a.id < b.id
      UNION ALL
      SELECT n.id, n.field, u.id, 'email', n.value FROM netids n JOIN people u ON u.email = n.value AND u.id <> n.id
      UNION ALL
      SELECT n.id, n.field, u.id, 'username', n.value FROM netids n JOIN people u ON u.username = n.value AND u.id <> n.id
    ),
    candidates AS (
      ${pairsOf("email_groups", Prisma.sql`jsonb_build_object('rule', 'email', 'value', g.value)`, Prisma.sql`g.value`, RULE_RANK.email)}
      UNION ALL
      SELECT least(first, second), greatest(first, second), ${RULE_RANK.identifier}::int,
        jsonb_build_object('rule', 'identifier', 'value', value,
          'firstField', CASE WHEN first < second THEN first_field ELSE second_field END,
          'secondField', CASE WHEN first < second THEN second_field ELSE first_field END),
        value
      FROM identifier_matches
      UNION ALL
      ${pairsOf("birth_groups", Prisma.sql`jsonb_build_object('rule', 'name_birth_date', 'birthDate', to_char(g.birth_date, 'YYYY-MM-DD'))`, Prisma.sql`to_char(g.birth_date, 'YYYY-MM-DD')`, RULE_RANK.name_birth_date)}
      UNION ALL
      ${pairsOf("school_groups", Prisma.sql`jsonb_build_object('rule', 'name_school_grade', 'school', g.school, 'grade', g.grade)`, Prisma.sql`g.school || ' ' || g.grade`, RULE_RANK.name_school_grade)}
    ),
    pairs AS (
      SELECT c.first, c.second, min(c.rank) AS rank, min(c.sort_key) AS sort_key, jsonb_agg(DISTINCT c.evidence) AS evidence
      FROM candidates c
      WHERE NOT EXISTS (
        SELECT 1 FROM "DuplicateDismissal" x
        WHERE x."districtId" = ${district} AND x."firstUserId" = c.first AND x."secondUserId" = c.second)
      GROUP BY c.first, c.second
    )
    SELECT first::text AS first, second::text AS second, evidence, (count(*) OVER ())::int AS total
    FROM pairs
    ORDER BY rank, sort_key, first, second
    LIMIT ${limit} OFFSET ${offset}`;
}
