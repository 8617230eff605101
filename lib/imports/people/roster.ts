// The roster side of people imports: the district's lookups for validation, the existing
// people a set of rows can match, and writing a plan in batches of one statement each.
import { randomUUID } from "node:crypto";
import { Prisma, type PersonSource } from "@/generated/prisma/client";
import type { MatchKey } from "@/lib/imports/types";
import { accountTypeLookup, accountTypesOf } from "@/lib/imports/people/account-types";
import type { ExistingPerson, PersonChanges, PlannedPerson } from "@/lib/imports/people/plan";
import type { PersonContext } from "@/lib/imports/people/validate";
import { noteRosterChange } from "@/lib/scim/roster-changed";

type Client = Prisma.TransactionClient;
const BATCH = 5_000;

export async function loadPersonContext(client: Client, districtId: string): Promise<PersonContext> {
  const types = await accountTypesOf(districtId);
  const schools = await client.org.findMany({
    where: { districtId, type: "school", status: "active" },
    select: { sourcedId: true, name: true, identifier: true },
  });
  const bySourcedId = new Map(schools.map((school) => [school.sourcedId, school.sourcedId]));
  const byOther = new Map<string, string>();
  for (const school of schools) {
    byOther.set(school.name.trim().toLowerCase(), school.sourcedId);
    if (school.identifier) byOther.set(school.identifier.trim().toLowerCase(), school.sourcedId);
  }
  return {
    accountType: accountTypeLookup(types),
    accountTypeNames: types.map((type) => type.accountType),
    school: (written) => bySourcedId.get(written.trim()) ?? byOther.get(written.trim().toLowerCase()),
  };
}

/** The district's people (merged ones aside) any of these identifiers could match. */
export async function findMatchablePeople(client: Client, districtId: string, identifiers: Record<MatchKey, string[]>): Promise<ExistingPerson[]> {
  const people: ExistingPerson[] = [];
  const longest = Math.max(...Object.values(identifiers).map((values) => values.length));
  for (let start = 0; start < longest; start += BATCH) {
    const slice = (key: MatchKey) => identifiers[key].slice(start, start + BATCH);
    const emails = slice("email").map((email) => email.toLowerCase());
    people.push(
      ...(await client.$queryRaw<ExistingPerson[]>`
        SELECT id::text, "sourcedId", source::text AS source, "fieldSources", "givenName", "familyName", email, role::text AS role,
          netid, netid2, netid3, grades, "orgSourcedIds", "graduationYear", status::text AS status
        FROM "RosterUser"
        WHERE "districtId" = ${districtId}::uuid AND "mergedIntoId" IS NULL
          AND (netid3 = ANY(${slice("netid3")}::text[]) OR netid2 = ANY(${slice("netid2")}::text[]) OR netid = ANY(${slice("netid")}::text[])
            OR lower(email) = ANY(${emails}::text[]))`),
    );
  }
  const seen = new Set<string>();
  return people.filter((person) => !seen.has(person.id) && Boolean(seen.add(person.id)));
}

export function identifiersOf(rows: readonly { fields: Partial<Record<MatchKey, string>> }[]): Record<MatchKey, string[]> {
  const identifiers: Record<MatchKey, string[]> = { netid3: [], netid2: [], netid: [], email: [] };
  for (const row of rows) {
    for (const key of ["netid3", "netid2", "netid", "email"] as const) {
      const value = row.fields[key];
      if (value) identifiers[key].push(value);
    }
  }
  return identifiers;
}

/** For each changed field, the way in that set it; a field back with the person's own source needs no entry. */
function fieldSourcesAfter(person: ExistingPerson, changes: PersonChanges, source: PersonSource): Record<string, string> {
  const next = { ...person.fieldSources };
  for (const field of Object.keys(changes)) {
    if (source === person.source) delete next[field];
    else next[field] = source;
  }
  return next;
}

export type AppliedPerson = { line: number; sourcedId: string };

/**
 * Writes the creates, updates and deactivations of a plan made inside the same transaction,
 * and returns the sourcedId each written row now has. Callers hold the district's import lock.
 */
export async function applyPeoplePlan(tx: Client, districtId: string, plan: readonly PlannedPerson[], source: PersonSource): Promise<AppliedPerson[]> {
  const now = new Date().toISOString();
  const created = plan.flatMap((item) => (item.outcome === "create" ? [{ item, sourcedId: randomUUID() }] : []));
  const updated = plan.flatMap((item) => (item.outcome === "update" || item.outcome === "deactivate" ? [item] : []));

  for (let start = 0; start < created.length; start += BATCH) {
    const batch = created.slice(start, start + BATCH);
    const column = <T,>(value: (entry: (typeof batch)[number]) => T) => batch.map(value);
    await tx.$executeRaw`
      INSERT INTO "RosterUser" (id, "districtId", "sourcedId", "dateLastModified", username, "givenName", "familyName", role, email,
        netid, netid2, netid3, grades, "orgSourcedIds", "graduationYear", source, "agentSourcedIds", "userIds", "enabledUser", status)
      SELECT gen_random_uuid(), ${districtId}::uuid, c."sourcedId", (${now}::timestamptz AT TIME ZONE 'UTC'), c.username, c."givenName", c."familyName",
        c.role::"RosterRole", c.email, c.netid, c.netid2, c.netid3,
        ARRAY(SELECT jsonb_array_elements_text(c.grades::jsonb)), ARRAY(SELECT jsonb_array_elements_text(c.orgs::jsonb)),
        c."graduationYear", ${source}::"PersonSource", '{}', '[]', TRUE, 'active'
      FROM unnest(${column((entry) => entry.sourcedId)}::text[], ${column(({ item }) => item.values.netid ?? item.values.email)}::text[],
        ${column(({ item }) => item.values.givenName)}::text[], ${column(({ item }) => item.values.familyName)}::text[], ${column(({ item }) => item.values.role)}::text[],
        ${column(({ item }) => item.values.email)}::text[], ${column(({ item }) => item.values.netid ?? null)}::text[], ${column(({ item }) => item.values.netid2 ?? null)}::text[],
        ${column(({ item }) => item.values.netid3 ?? null)}::text[], ${column(({ item }) => JSON.stringify(item.values.grades ?? []))}::text[],
        ${column(({ item }) => JSON.stringify(item.values.orgSourcedIds ?? []))}::text[], ${column(({ item }) => item.values.graduationYear ?? null)}::int[])
        AS c("sourcedId", username, "givenName", "familyName", role, email, netid, netid2, netid3, grades, orgs, "graduationYear")`;
  }

  for (let start = 0; start < updated.length; start += BATCH) {
    const batch = updated.slice(start, start + BATCH);
    const column = <T,>(value: (item: (typeof batch)[number]) => T) => batch.map(value);
    const list = (values: string[] | undefined) => (values ? JSON.stringify(values) : null);
    // A null means "the row left this field blank": the stored value stays.
    await tx.$executeRaw`
      UPDATE "RosterUser" r SET
        "givenName" = coalesce(c."givenName", r."givenName"), "familyName" = coalesce(c."familyName", r."familyName"),
        email = coalesce(c.email, r.email), role = coalesce(c.role::"RosterRole", r.role),
        netid = coalesce(c.netid, r.netid), netid2 = coalesce(c.netid2, r.netid2), netid3 = coalesce(c.netid3, r.netid3),
        grades = CASE WHEN c.grades IS NULL THEN r.grades ELSE ARRAY(SELECT jsonb_array_elements_text(c.grades::jsonb)) END,
        "orgSourcedIds" = CASE WHEN c.orgs IS NULL THEN r."orgSourcedIds" ELSE ARRAY(SELECT jsonb_array_elements_text(c.orgs::jsonb)) END,
        "graduationYear" = coalesce(c."graduationYear", r."graduationYear"),
        status = coalesce(c.status::"RosterStatus", r.status), "enabledUser" = coalesce(c.status, r.status::text) = 'active',
        "fieldSources" = c."fieldSources"::jsonb, "dateLastModified" = (${now}::timestamptz AT TIME ZONE 'UTC')
      FROM unnest(${column((item) => item.person.id)}::uuid[], ${column((item) => item.changes.givenName ?? null)}::text[],
        ${column((item) => item.changes.familyName ?? null)}::text[], ${column((item) => item.changes.email ?? null)}::text[],
        ${column((item) => item.changes.role ?? null)}::text[], ${column((item) => item.changes.netid ?? null)}::text[],
        ${column((item) => item.changes.netid2 ?? null)}::text[], ${column((item) => item.changes.netid3 ?? null)}::text[],
        ${column((item) => list(item.changes.grades))}::text[], ${column((item) => list(item.changes.orgSourcedIds))}::text[],
        ${column((item) => item.changes.graduationYear ?? null)}::int[], ${column((item) => item.changes.status ?? null)}::text[],
        ${column((item) => JSON.stringify(fieldSourcesAfter(item.person, item.changes, source)))}::text[])
        AS c(id, "givenName", "familyName", email, role, netid, netid2, netid3, grades, orgs, "graduationYear", status, "fieldSources")
      WHERE r.id = c.id AND r."districtId" = ${districtId}::uuid`;
  }

  if (created.length > 0 || updated.length > 0) await noteRosterChange(tx, districtId);
  return [
    ...created.map(({ item, sourcedId }) => ({ line: item.row.line, sourcedId })),
    ...updated.map((item) => ({ line: item.row.line, sourcedId: item.person.sourcedId })),
  ];
}
