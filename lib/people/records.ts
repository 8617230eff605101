// A person's record as the People pages show it: every field with the way in that last set
// it, the schools by name, the birth date, enrollments, and whether the identity provider
// is linked to it. Read a handful at a time (a page of pairs, one detail page).
import type { PersonSource, RosterStatus } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { MERGE_FIELDS, type MergeField, type MergeValues } from "@/lib/people/merge-schema";
import { sourceOfField } from "@/lib/people/sources";

export type PersonRecord = MergeValues & {
  id: string;
  sourcedId: string;
  status: RosterStatus;
  enabledUser: boolean;
  source: PersonSource;
  /** The way in that last set each mergeable field. */
  fieldSources: Record<MergeField, PersonSource>;
  /** Linked to a user of the district's identity provider, which keeps writing to it over SCIM. */
  scimLinked: boolean;
  birthDate: string | null;
  /** The person's schools in orgSourcedIds order; a sourcedId with no school of that id keeps it as its name. */
  schools: { sourcedId: string; name: string }[];
  enrollments: { active: number; tobedeleted: number };
  mergedIntoId: string | null;
  dateLastModified: string;
};

export async function getPersonRecords(districtId: string, ids: string[]): Promise<Map<string, PersonRecord>> {
  if (ids.length === 0) return new Map();
  const people = await db().rosterUser.findMany({ where: { districtId, id: { in: ids } }, include: { scimUser: { select: { id: true } } } });
  const sourcedIds = people.map((person) => person.sourcedId);
  const schoolIds = [...new Set(people.flatMap((person) => person.orgSourcedIds))];
  const [demographics, schools, enrollments] = await Promise.all([
    db().demographic.findMany({ where: { districtId, sourcedId: { in: sourcedIds } }, select: { sourcedId: true, birthDate: true } }),
    db().org.findMany({ where: { districtId, sourcedId: { in: schoolIds } }, select: { sourcedId: true, name: true } }),
    db().enrollment.groupBy({ by: ["userSourcedId", "status"], where: { districtId, userSourcedId: { in: sourcedIds } }, _count: { _all: true } }),
  ]);
  const birthDates = new Map(demographics.map((row) => [row.sourcedId, row.birthDate?.toISOString().slice(0, 10) ?? null]));
  const schoolNames = new Map(schools.map((school) => [school.sourcedId, school.name]));

  return new Map(
    people.map((person) => {
      const counts = { active: 0, tobedeleted: 0 };
      for (const row of enrollments) if (row.userSourcedId === person.sourcedId) counts[row.status] += row._count._all;
      const record: PersonRecord = {
        id: person.id,
        sourcedId: person.sourcedId,
        status: person.status,
        enabledUser: person.enabledUser,
        source: person.source,
        fieldSources: Object.fromEntries(MERGE_FIELDS.map((field) => [field, sourceOfField(person, field)])) as Record<MergeField, PersonSource>,
        scimLinked: person.scimUser !== null,
        birthDate: birthDates.get(person.sourcedId) ?? null,
        schools: person.orgSourcedIds.map((sourcedId) => ({ sourcedId, name: schoolNames.get(sourcedId) ?? sourcedId })),
        enrollments: counts,
        mergedIntoId: person.mergedIntoId,
        dateLastModified: person.dateLastModified.toISOString(),
        ...Object.fromEntries(MERGE_FIELDS.map((field) => [field, person[field]])),
      } as PersonRecord;
      return [person.id, record];
    }),
  );
}

export type PersonDetail = PersonRecord & {
  mergedInto: { sourcedId: string; givenName: string; familyName: string } | null;
  /** The sourcedIds of records merged into this one. */
  alsoKnownAs: string[];
};

/** One person of the district by sourcedId, or null: another district's sourcedId is simply not found. */
export async function getPersonDetail(districtId: string, sourcedId: string): Promise<PersonDetail | null> {
  const person = await db().rosterUser.findUnique({ where: { districtId_sourcedId: { districtId, sourcedId } }, select: { id: true, mergedIntoId: true } });
  if (!person) return null;
  const [records, mergedInto, aliases] = await Promise.all([
    getPersonRecords(districtId, [person.id]),
    person.mergedIntoId
      ? db().rosterUser.findFirst({ where: { districtId, id: person.mergedIntoId }, select: { sourcedId: true, givenName: true, familyName: true } })
      : null,
    db().rosterUser.findMany({ where: { districtId, mergedIntoId: person.id }, select: { sourcedId: true }, orderBy: { sourcedId: "asc" } }),
  ]);
  const record = records.get(person.id);
  if (!record) return null;
  return { ...record, mergedInto, alsoKnownAs: aliases.map((alias) => alias.sourcedId) };
}
