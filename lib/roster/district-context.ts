// What the parts of one district's roster share while it is generated: numbering, usernames,
// the email domain and the school year.
import { sourcedId, type UsernameRegistry } from "@/lib/roster/identity";
import { familyName, givenName, staffProfile, type Sex } from "@/lib/roster/people";
import type { SeededRandom } from "@/lib/roster/random";
import type { RosterUserRow } from "@/lib/roster/types";

export type Calendar = { schoolYearSourcedId: string; termSourcedIds: string[]; beginDate: string; endDate: string };

export type DistrictContext = {
  domain: string;
  state: string;
  /** Guardians' phone numbers are fictional 555-01xx numbers in this area code. */
  areaCode: string;
  /** Share of households whose guardians are in the roster. */
  guardianShare: number;
  usernames: UsernameRegistry;
  counters: { student: number; guardian: number; teacher: number; administrator: number; staff: number; enrollment: number };
  calendar: Calendar;
};

export function nextNumber(context: DistrictContext, counter: keyof DistrictContext["counters"]): number {
  context.counters[counter] += 1;
  return context.counters[counter];
}

export type StaffMember = { row: RosterUserRow; sex: Sex; honorific: string };

/** A teacher (about three in four are women, as in US schools) or an administrator. */
export function staffMember(context: DistrictContext, random: SeededRandom, role: "teacher" | "administrator", orgSourcedId: string): StaffMember {
  const sex: Sex = random.chance(role === "teacher" ? 0.76 : 0.55) ? "female" : "male";
  const profile = staffProfile(random);
  const given = givenName(random, profile.names, sex);
  const family = familyName(random, profile.names);
  const username = context.usernames.claim(given, family);
  const number = role === "teacher" ? nextNumber(context, "teacher") : nextNumber(context, "administrator");
  const employeeId = `E${String(nextNumber(context, "staff")).padStart(5, "0")}`;
  return {
    sex,
    honorific: sex === "female" ? "Ms." : "Mr.",
    row: {
      sourcedId: role === "teacher" ? sourcedId("tch", number, 4) : sourcedId("adm", number, 4),
      username,
      userIds: [{ type: "SIS", identifier: employeeId }],
      givenName: given,
      familyName: family,
      middleName: null,
      role,
      identifier: employeeId,
      email: `${username}@${context.domain}`,
      sms: null,
      phone: null,
      agentSourcedIds: [],
      orgSourcedIds: [orgSourcedId],
      grades: [],
    },
  };
}
