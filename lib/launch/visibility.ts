// Which OneRoster roles do not see an activated application on My apps, set by the district
// admin per activation; scoped by the session's district, so another district's is "not found".
import type { RosterRole } from "@/generated/prisma/client";
import { UserFacingError } from "@/lib/actions/result";
import { db } from "@/lib/db";

export const ACTIVATION_NOT_FOUND = "This application is not active in your district. Reload the page to see your activations as they are now.";

/** applicationId → roles it is hidden from, for the district's activations. */
export async function hiddenRolesByApplication(districtId: string): Promise<Map<string, RosterRole[]>> {
  const activations = await db().activation.findMany({ where: { districtId }, select: { applicationId: true, hiddenFromRoles: true } });
  return new Map(activations.map((activation) => [activation.applicationId, activation.hiddenFromRoles]));
}

export async function setHiddenRoles(
  districtId: string,
  { applicationId, hiddenFromRoles }: { applicationId: string; hiddenFromRoles: RosterRole[] },
): Promise<{ hiddenFromRoles: RosterRole[] }> {
  const { count } = await db().activation.updateMany({
    where: { districtId, applicationId, status: "active" },
    data: { hiddenFromRoles: { set: hiddenFromRoles } },
  });
  if (count === 0) throw new UserFacingError(ACTIVATION_NOT_FOUND);
  return { hiddenFromRoles };
}
