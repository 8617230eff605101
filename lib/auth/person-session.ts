// The session of a teacher, student or staff member who signed in through their district's
// identity provider: a signed cookie naming the RosterUser, separate from the admins'
// next-auth session. Each request re-reads the person, so a retired person, or everyone of a
// district the operator suspends, is signed out at once.
import { createHmac } from "node:crypto";
import { jwtVerify, SignJWT } from "jose";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import type { NextResponse } from "next/server";
import { cache } from "react";
import type { RosterRole } from "@/generated/prisma/client";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db";
import { ACTIVE_TENANT } from "@/lib/tenants/suspension";

export const PERSON_COOKIE = "rollcall_person";
const EIGHT_HOURS = 8 * 60 * 60;
const AUDIENCE = "rollcall:person-session";

export type SignedInPerson = {
  id: string;
  sourcedId: string;
  districtId: string;
  districtGuid: string;
  districtName: string;
  givenName: string;
  familyName: string;
  email: string | null;
  role: RosterRole;
};

// A key of its own, derived from the instance's session secret, so a person's cookie can never pass as an admin's.
function sessionKey(): Uint8Array {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set.");
  return createHmac("sha256", secret).update("rollcall person session").digest();
}

export async function personSessionToken(person: { id: string; districtId: string }): Promise<string> {
  return new SignJWT({ did: person.districtId })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(person.id)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${EIGHT_HOURS}s`)
    .sign(sessionKey());
}

/** Sets the session cookie on the response that finishes the sign-in. */
export async function startPersonSession(response: NextResponse, person: { id: string; districtId: string }): Promise<void> {
  response.cookies.set(PERSON_COOKIE, await personSessionToken(person), {
    httpOnly: true,
    sameSite: "lax",
    secure: getConfig().publicUrl.startsWith("https://"),
    path: "/",
    maxAge: EIGHT_HOURS,
  });
}

export async function endPersonSession(): Promise<void> {
  (await cookies()).delete(PERSON_COOKIE);
}

async function personIdFromCookie(): Promise<{ personId: string; districtId: string } | null> {
  const token = (await cookies()).get(PERSON_COOKIE)?.value;
  if (!token) return null;
  try {
    const { payload } = await jwtVerify(token, sessionKey(), { audience: AUDIENCE, algorithms: ["HS256"] });
    return typeof payload.sub === "string" && typeof payload.did === "string" ? { personId: payload.sub, districtId: payload.did } : null;
  } catch {
    return null;
  }
}

export const getSignedInPerson = cache(async (): Promise<SignedInPerson | null> => {
  const session = await personIdFromCookie();
  if (!session) return null;
  const person = await db().rosterUser.findFirst({
    where: { id: session.personId, districtId: session.districtId, status: "active", enabledUser: true, district: ACTIVE_TENANT },
    select: {
      id: true,
      sourcedId: true,
      districtId: true,
      givenName: true,
      familyName: true,
      email: true,
      role: true,
      district: { select: { districtGuid: true, name: true } },
    },
  });
  if (!person) return null;
  const { district, ...rest } = person;
  return { ...rest, districtGuid: district.districtGuid, districtName: district.name };
});

/** For pages: people who are not signed in go to the school sign-in page. */
export async function requirePerson(): Promise<SignedInPerson> {
  const person = await getSignedInPerson();
  if (!person) redirect("/sign-in/school");
  return person;
}
