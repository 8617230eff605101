// Which OneRoster roles do not see an activated application on My apps, set by the district
// admin per activation; scoped by the session's district, so another district's is "not found".
import type { RosterRole } from "@/generated/prisma/client";
import { UserFacingError } from "@/lib/actions/result";
import { districtTenant, recordAudit } from "@/lib/audit/record";
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
  return db().$transaction(async (tx) => {
    const activation = await tx.activation.findFirst({
      where: { districtId, applicationId, status: "active" },
      select: { id: true, hiddenFromRoles: true, application: { select: { name: true } } },
    });
    if (!activation) throw new UserFacingError(ACTIVATION_NOT_FOUND);
    if (sameRoles(activation.hiddenFromRoles, hiddenFromRoles)) return { hiddenFromRoles };
    await tx.activation.update({ where: { id: activation.id }, data: { hiddenFromRoles: { set: hiddenFromRoles } } });
    const name = activation.application.name;
    await recordAudit(tx, {
      ...(await districtTenant(tx, districtId)),
      action: "activation.visibility_changed",
      summary: hiddenFromRoles.length > 0 ? `${name} hidden on My apps from ${rolesInWords(hiddenFromRoles)}` : `${name} shown on My apps to every role`,
      before: { hiddenFromRoles: activation.hiddenFromRoles },
      after: { hiddenFromRoles },
    });
    return { hiddenFromRoles };
  });
}

function sameRoles(a: RosterRole[], b: RosterRole[]): boolean {
  return a.length === b.length && a.every((role) => b.includes(role));
}

/** "students, teachers and aides" */
function rolesInWords(roles: RosterRole[]): string {
  const words = roles.map((role) => `${role}s`);
  return words.length > 1 ? `${words.slice(0, -1).join(", ")} and ${words.at(-1)}` : words.join("");
}
