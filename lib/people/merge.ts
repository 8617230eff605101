// Merging two records of the same person, and saying two records are not the same person.
// The survivor keeps its sourcedId and takes the chosen values; the retired record stays,
// tobedeleted and pointing at the survivor, so that vendors holding its sourcedId see it go.
import type { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { UserFacingError } from "@/lib/actions/result";
import { districtTenant, recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { MERGE_FIELDS, type MergeField, type MergeValues, type dismissSchema, type mergeSchema } from "@/lib/people/merge-schema";
import { parseFieldSources, sourceOfField } from "@/lib/people/sources";
import { noteRosterChange } from "@/lib/scim/roster-changed";

export type MergeResult = {
  survivorSourcedId: string;
  retiredSourcedId: string;
  /** Enrollments that now belong to the survivor, and those retired because the survivor already had one in that class. */
  enrollmentsMoved: number;
  enrollmentsRetired: number;
};

const NOT_FOUND = "One of these people was not found in your district. Reload the page to see the current list.";

export async function mergePeople(districtId: string, input: z.output<typeof mergeSchema>, now = new Date()): Promise<MergeResult> {
  const survivorId = input.survivor === "first" ? input.firstId : input.secondId;
  const retiredId = input.survivor === "first" ? input.secondId : input.firstId;
  const fromRetired = MERGE_FIELDS.filter((field) => input.choices[field] !== input.survivor);

  return db().$transaction(async (tx) => {
    const { survivor, retired } = await lockPair(tx, districtId, survivorId, retiredId);
    if (survivor.scimUser && retired.scimUser) {
      throw new UserFacingError(
        "Both records are linked to your identity provider, which keeps writing to each of them: remove one of them in your identity provider instead, and it is retired here too.",
      );
    }
    if (retired.scimUser) {
      throw new UserFacingError(
        `${describe(retired)} is linked to your identity provider, which keeps writing to it: keep that record and merge the other one into it.`,
      );
    }

    const fieldSources = { ...parseFieldSources(survivor.fieldSources) };
    for (const field of fromRetired) fieldSources[field] = sourceOfField(retired, field);
    const values: Partial<MergeValues> = Object.fromEntries(fromRetired.map((field) => [field, retired[field]]));
    await tx.rosterUser.update({ where: { id: survivor.id }, data: { ...values, fieldSources, dateLastModified: now } });

    const moved = await tx.$executeRaw`
      UPDATE "Enrollment" e SET "userSourcedId" = ${survivor.sourcedId}, "dateLastModified" = ${now}
      WHERE e."districtId" = ${districtId}::uuid AND e."userSourcedId" = ${retired.sourcedId}
        AND NOT EXISTS (
          SELECT 1 FROM "Enrollment" s
          WHERE s."districtId" = e."districtId" AND s."userSourcedId" = ${survivor.sourcedId} AND s."classSourcedId" = e."classSourcedId")`;
    const retiredEnrollments = await tx.$executeRaw`
      UPDATE "Enrollment" SET status = 'tobedeleted', "dateLastModified" = ${now}
      WHERE "districtId" = ${districtId}::uuid AND "userSourcedId" = ${retired.sourcedId} AND status <> 'tobedeleted'`;
    // Guardians and parents name the people they look after by sourcedId.
    await tx.$executeRaw`
      UPDATE "RosterUser"
      SET "agentSourcedIds" = ARRAY(SELECT DISTINCT unnest(array_replace("agentSourcedIds", ${retired.sourcedId}, ${survivor.sourcedId}))), "dateLastModified" = ${now}
      WHERE "districtId" = ${districtId}::uuid AND ${retired.sourcedId} = ANY("agentSourcedIds") AND id <> ${survivor.id}::uuid`;
    // Records merged earlier into the retired one now point at the survivor too.
    await tx.rosterUser.updateMany({ where: { districtId, mergedIntoId: retired.id }, data: { mergedIntoId: survivor.id } });
    await tx.rosterUser.update({
      where: { id: retired.id },
      data: { status: "tobedeleted", enabledUser: false, mergedIntoId: survivor.id, dateLastModified: now },
    });
    await noteRosterChange(tx, districtId, now);
    await recordAudit(tx, {
      ...(await districtTenant(tx, districtId)),
      action: "people.merged",
      summary: `${fullName(retired)} merged into ${fullName(survivor)}`,
      // The survivor's values before and after, for the fields it took from the retired record.
      before: { survivor: { ...personOf(survivor), ...pick(survivor, fromRetired) }, retired: { ...personOf(retired), status: retired.status } },
      after: {
        survivor: { ...personOf(survivor), ...values },
        retired: { ...personOf(retired), status: "tobedeleted", mergedIntoId: survivor.id },
        enrollmentsMoved: moved,
        enrollmentsRetired: retiredEnrollments,
      },
    });
    return { survivorSourcedId: survivor.sourcedId, retiredSourcedId: retired.sourcedId, enrollmentsMoved: moved, enrollmentsRetired: retiredEnrollments };
  });
}

/** Never suggests the pair again. Saying so twice is fine; a record merged meanwhile is stale. */
export async function dismissDuplicate(districtId: string, dismissedById: string, input: z.output<typeof dismissSchema>): Promise<{ dismissed: true }> {
  const [firstUserId, secondUserId] = [input.firstId, input.secondId].sort();
  await db().$transaction(async (tx) => {
    const { survivor: first, retired: second } = await lockPair(tx, districtId, firstUserId!, secondUserId!);
    const created = await tx.duplicateDismissal.createMany({ data: [{ districtId, firstUserId: firstUserId!, secondUserId: secondUserId!, dismissedById }], skipDuplicates: true });
    if (created.count === 0) return;
    await recordAudit(tx, {
      ...(await districtTenant(tx, districtId)),
      action: "people.duplicate_dismissed",
      summary: `${fullName(first)} and ${fullName(second)} marked as different people`,
      after: { people: [personOf(first), personOf(second)] },
    });
  });
  return { dismissed: true };
}

type Locked = Prisma.RosterUserGetPayload<{ include: { scimUser: { select: { id: true } } } }>;

/** Both records of the district, locked in id order (so that two merges never deadlock), neither merged already. */
async function lockPair(tx: Prisma.TransactionClient, districtId: string, aId: string, bId: string): Promise<{ survivor: Locked; retired: Locked }> {
  await tx.$queryRaw`SELECT id FROM "RosterUser" WHERE "districtId" = ${districtId}::uuid AND id IN (${aId}::uuid, ${bId}::uuid) ORDER BY id FOR UPDATE`;
  const found = await tx.rosterUser.findMany({ where: { districtId, id: { in: [aId, bId] } }, include: { scimUser: { select: { id: true } } } });
  const a = found.find((person) => person.id === aId);
  const b = found.find((person) => person.id === bId);
  if (!a || !b) throw new UserFacingError(NOT_FOUND);
  const merged = [a, b].find((person) => person.mergedIntoId !== null);
  if (merged) {
    throw new UserFacingError(`${describe(merged)} was already merged into another record. Reload the page to see the current duplicates.`, { code: "stale" });
  }
  return { survivor: a, retired: b };
}

const fullName = (person: { givenName: string; familyName: string }) => `${person.givenName} ${person.familyName}`;

/** A record as the audit log names it: enough to find it again. */
const personOf = (person: Locked) => ({ id: person.id, sourcedId: person.sourcedId, name: fullName(person) });

const pick = (person: Locked, fields: readonly MergeField[]) => Object.fromEntries(fields.map((field) => [field, person[field]]));

function describe(person: { givenName: string; familyName: string; sourcedId: string }): string {
  return `${person.givenName} ${person.familyName} (${person.sourcedId})`;
}
