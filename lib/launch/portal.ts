// My apps: the applications a signed-in person may open. Only their own district's active
// activations, minus those the district hid from the person's role; every query is scoped
// by the session's district, so another district's application is simply not there.
import type { RosterRole } from "@/generated/prisma/client";
import type { SignedInPerson } from "@/lib/auth/person-session";
import { db } from "@/lib/db";
import { issueLaunchToken, launchUrlWithToken } from "@/lib/launch/token";
import { ACTIVE_TENANT } from "@/lib/tenants/suspension";
import { isUuid } from "@/lib/uuid";

export type AppTile = {
  applicationId: string;
  name: string;
  vendorName: string;
  /** False until the vendor sets a launch URL on the application's Sign-in tab. */
  launchable: boolean;
};

type PortalPerson = { districtId: string; role: RosterRole };

function visibleActivations(person: PortalPerson, applicationId?: string) {
  return db().activation.findMany({
    where: {
      districtId: person.districtId,
      // While the operator suspends the district or the vendor, its applications are not offered.
      district: ACTIVE_TENANT,
      application: { vendor: ACTIVE_TENANT },
      status: "active",
      NOT: { hiddenFromRoles: { has: person.role } },
      ...(applicationId ? { applicationId } : {}),
    },
    select: { application: { select: { id: true, name: true, launchUrl: true, vendor: { select: { name: true } } } } },
  });
}

export async function appsForPerson(person: PortalPerson): Promise<AppTile[]> {
  const activations = await visibleActivations(person);
  return activations
    .map(({ application }) => ({
      applicationId: application.id,
      name: application.name,
      vendorName: application.vendor.name,
      launchable: Boolean(application.launchUrl),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, "en", { sensitivity: "base" }));
}

/** Why /launch could not send the person on (shown on My apps). */
export type LaunchProblem = "unavailable" | "not_ready";

export type LaunchTarget = { ok: true; location: string } | { ok: false; problem: LaunchProblem };

/** Where /launch/<applicationId> sends the person: the vendor's launch URL with a fresh launch token. */
export async function launchTarget(person: SignedInPerson, applicationId: string): Promise<LaunchTarget> {
  if (!isUuid(applicationId)) return { ok: false, problem: "unavailable" };
  const [activation] = await visibleActivations(person, applicationId);
  if (!activation) return { ok: false, problem: "unavailable" };
  const { launchUrl } = activation.application;
  if (!launchUrl) return { ok: false, problem: "not_ready" };
  const token = await issueLaunchToken({ application: activation.application, person, district: { districtGuid: person.districtGuid } });
  return { ok: true, location: launchUrlWithToken(launchUrl, token) };
}
