// Finding the district a /sso/<districtGUID>/… address names, and its connection.
import type { SsoConnection } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { isUuid } from "@/lib/uuid";

export type SsoDistrict = { id: string; districtGuid: string; name: string; connection: SsoConnection | null };

export async function findSsoDistrict(districtGuid: string): Promise<SsoDistrict | null> {
  if (!isUuid(districtGuid)) return null;
  const district = await db().district.findUnique({
    where: { districtGuid },
    select: { id: true, districtGuid: true, name: true, sandbox: true, ssoConnection: true },
  });
  if (!district || district.sandbox) return null;
  return { id: district.id, districtGuid: district.districtGuid, name: district.name, connection: district.ssoConnection };
}

/** Why a person's sign-in stopped, as the sign-in problem page explains it. */
export type SignInProblem = "off" | "not_configured" | "not_provisioned" | "refused";

export function signInProblemPath(districtGuid: string, problem: SignInProblem, reference?: string): string {
  const query = new URLSearchParams({ problem });
  if (reference) query.set("ref", reference.slice(0, 8));
  return `/sso/${districtGuid}/sign-in-problem?${query}`;
}

/** Districts whose people can sign in with their identity provider, found by name. */
export async function findSignInDistricts(search: string) {
  const name = search.trim();
  if (name.length < 2) return [];
  return db().district.findMany({
    where: { sandbox: false, name: { contains: name, mode: "insensitive" }, ssoConnection: { signInEnabled: true } },
    select: { districtGuid: true, name: true, state: true },
    orderBy: { name: "asc" },
    take: 20,
  });
}
