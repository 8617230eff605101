// Builders for the People tests: roster people with the fields a test cares about, their
// birth dates, enrollments and identity-provider links.
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";

type PersonData = Partial<Omit<Prisma.RosterUserUncheckedCreateInput, "districtId">>;

export async function createPerson(districtId: string, data: PersonData = {}, { birthDate, scimLinked = false }: { birthDate?: string; scimLinked?: boolean } = {}) {
  const id = data.id ?? randomUUID();
  const sourcedId = data.sourcedId ?? randomUUID();
  const person = await db().rosterUser.create({
    data: { givenName: "Alex", familyName: `Person-${id.slice(0, 8)}`, username: `${id}@district.test`, role: "student", ...data, id, sourcedId, districtId },
  });
  if (birthDate) await db().demographic.create({ data: { districtId, sourcedId, birthDate: new Date(`${birthDate}T00:00:00Z`) } });
  if (scimLinked) {
    const userName = person.username.toLowerCase();
    await db().scimUser.create({ data: { districtId, rosterUserId: id, userName, userNameKey: userName, attributes: { userName } } });
  }
  return person;
}

export async function createEnrollment(districtId: string, userSourcedId: string, classSourcedId: string, schoolSourcedId = "school") {
  return db().enrollment.create({ data: { districtId, sourcedId: randomUUID(), userSourcedId, classSourcedId, schoolSourcedId, role: "student" } });
}

/** The ids of a pair in the order DuplicateDismissal and the Duplicates page use: the smaller first. */
export function orderedPair(a: { id: string }, b: { id: string }): [string, string] {
  return a.id < b.id ? [a.id, b.id] : [b.id, a.id];
}
