// What a validated assertion does: the person is matched like an import row (netid3 > netid2 >
// netid > email); a known person signs in and is never changed (seed 003); an unknown one is
// created through the import path when the district turned just-in-time provisioning on.
// Every assertion leaves one row in the district's sign-in log.
import type { Prisma, SsoConnection } from "@/generated/prisma/client";
import { districtTenant, recordAudit, requestIp } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { accountTypesOf } from "@/lib/imports/people/account-types";
import type { PersonValues } from "@/lib/imports/people/columns";
import { indexPeople, matchPerson, planPeople, type ExistingPerson, type PeopleIndex, type PlannedPerson } from "@/lib/imports/people/plan";
import { applyPeoplePlan, findMatchablePeople, identifiersOf, loadPersonContext } from "@/lib/imports/people/roster";
import { validatePerson } from "@/lib/imports/people/validate";
import { lockDistrictRoster } from "@/lib/imports/lock";
import type { MatchKey, PersonRow } from "@/lib/imports/types";
import { accountTypeRulesSchema } from "@/lib/sso/account-type-rules";
import { attributeMappingSchema, FIELD_LABELS } from "@/lib/sso/attributes";
import type { TestSignInDetails, WouldDo } from "@/lib/sso/events";
import { mapAssertion, missingToCreate, type MappedPerson, type SsoSettings } from "@/lib/sso/mapping";
import type { ReceivedAssertion } from "@/lib/sso/types";
import { isDistrictSuspended, PERSON_DISTRICT_SUSPENDED_MESSAGE } from "@/lib/tenants/suspension";

export type SignInOutcome =
  | { kind: "signed_in" | "created"; person: { id: string; districtId: string; sourcedId: string } }
  | { kind: "not_provisioned" | "refused"; reason: string };

type Client = Prisma.TransactionClient;

/** `reason` is for the person signing in; `logged` for the district's admins, and may name other people. */
type Verdict =
  | { kind: "known"; person: ExistingPerson; matchedBy: MatchKey }
  | { kind: "create"; planned: Extract<PlannedPerson, { outcome: "create" }> }
  | { kind: "not_provisioned" | "refused"; reason: string; logged: string };

// The import columns validatePerson names, as the Single sign-on page names the fields.
const COLUMN_LABELS: Record<string, string> = {
  email: FIELD_LABELS.email,
  first_name: FIELD_LABELS.givenName,
  last_name: FIELD_LABELS.familyName,
  account_type: FIELD_LABELS.accountType,
  netid: FIELD_LABELS.netid,
  netid2: FIELD_LABELS.netid2,
  netid3: FIELD_LABELS.netid3,
  graduation_year: FIELD_LABELS.graduationYear,
};

const ASK_ADMIN = "Ask your district administrator to check the Single sign-on settings.";
const name = (person: { givenName: string; familyName: string }) => `${person.givenName} ${person.familyName}`;

function settingsOf(connection: SsoConnection): { ok: true; settings: SsoSettings } | { ok: false; problem: string } {
  const mapping = attributeMappingSchema.safeParse(connection.attributeMapping);
  const rules = accountTypeRulesSchema.safeParse(connection.accountTypeRules);
  if (!mapping.success) return { ok: false, problem: "The saved attribute mapping is not valid." };
  if (!rules.success) return { ok: false, problem: "The saved account-type rules are not valid." };
  return { ok: true, settings: { attributeMapping: mapping.data, accountTypeRules: rules.data, scopeDomains: connection.scopeDomains } };
}

function refusal(kind: "not_provisioned" | "refused", reason: string, logged = reason): Verdict {
  return { kind, reason, logged };
}

/** Decides without writing. With `jit`, an unknown person who can be created is `create`. */
async function decide(client: Client, districtId: string, mapped: MappedPerson, settings: SsoSettings, jit: boolean): Promise<Verdict> {
  const { email, netid, netid2, netid3 } = mapped.values;
  const identifiers: PersonRow = { file: null, line: 0, fields: { email, netid, netid2, netid3 } };
  if (!email && !netid && !netid2 && !netid3) {
    return refusal("not_provisioned", `Rollcall cannot tell who you are: your identity provider sent no usable email or netid. ${ASK_ADMIN}`, [
      "No usable email, netid, netid2 or netid3 was released, so nobody can be matched.",
      ...mapped.problems,
    ].join(" "));
  }
  const index: PeopleIndex = indexPeople(await findMatchablePeople(client, districtId, identifiersOf([identifiers])));
  const match = matchPerson(identifiers, index);
  if (match && "conflict" in match) {
    return refusal("refused", "Your account matches more than one person in your district's roster. Ask your district administrator to correct the roster.", match.conflict.message);
  }
  if (match) return knownPerson(client, match.person, match.matchedBy);
  if (!jit) {
    return refusal(
      "not_provisioned",
      "Your district has not provisioned your account in Rollcall yet. Ask your district administrator to add you to the roster, then sign in again.",
      `Nobody in the roster matches (${describeIdentifiers(identifiers)}) and just-in-time provisioning is off.`,
    );
  }
  const missing = missingToCreate(mapped, settings.attributeMapping);
  if (missing.length > 0) {
    const sentence = `Rollcall could not create your account: ${missing.join("; ")}.`;
    return refusal("not_provisioned", `${sentence} ${ASK_ADMIN}`, `Nobody matches (${describeIdentifiers(identifiers)}), and a new person cannot be created: ${missing.join("; ")}.`);
  }
  const { row, issues } = validatePerson(personValues(mapped), { file: null, line: 0 }, await loadPersonContext(client, districtId));
  if (!row) {
    const messages = issues.map((issue) => `${COLUMN_LABELS[issue.column ?? ""] ?? "A value"}: ${issue.message}`).join(" ");
    return refusal("not_provisioned", `Rollcall could not create your account: ${messages} ${ASK_ADMIN}`);
  }
  const [planned] = planPeople([row], index);
  switch (planned?.outcome) {
    case "create":
      return { kind: "create", planned };
    case "update":
    case "deactivate":
    case "unchanged":
      return knownPerson(client, planned.person, planned.matchedBy);
    case "conflict":
      return refusal("refused", "Your account matches more than one person in your district's roster. Ask your district administrator to correct the roster.", planned.issue.message);
    default:
      return refusal("not_provisioned", `Rollcall could not create your account: ${planned?.issue.message ?? "the person could not be planned."} ${ASK_ADMIN}`);
  }
}

async function knownPerson(client: Client, person: ExistingPerson, matchedBy: MatchKey): Promise<Verdict> {
  const found = await client.rosterUser.findUnique({ where: { id: person.id }, select: { enabledUser: true } });
  const who = `${name(person)} (${person.sourcedId}), matched by ${matchedBy}`;
  if (person.status !== "active") {
    return refusal("not_provisioned", "Your account in your district's roster has been retired. Ask your district administrator if this is a mistake.", `${who}, is retired (tobedeleted).`);
  }
  if (!found?.enabledUser) {
    return refusal("not_provisioned", "Your account in your district's roster is disabled. Ask your district administrator if this is a mistake.", `${who}, is disabled.`);
  }
  return { kind: "known", person, matchedBy };
}

function describeIdentifiers(row: PersonRow): string {
  return (["netid3", "netid2", "netid", "email"] as const)
    .flatMap((key) => (row.fields[key] ? [`${key} '${row.fields[key]}'`] : []))
    .join(", ");
}

function personValues(mapped: MappedPerson): PersonValues {
  const { givenName, familyName, email, netid, netid2, netid3, graduationYear } = mapped.values;
  return {
    email,
    first_name: givenName,
    last_name: familyName,
    account_type: mapped.accountType ?? undefined,
    netid,
    netid2,
    netid3,
    graduation_year: graduationYear === undefined ? undefined : String(graduationYear),
  };
}

type EventFields = { outcome: "signed_in" | "created" | "not_provisioned" | "refused"; reason: string | null; personId?: string; sourcedId?: string };

async function logSignIn(client: Client, districtId: string, assertion: ReceivedAssertion, mapped: MappedPerson | null, idpInitiated: boolean, fields: EventFields): Promise<void> {
  await client.ssoEvent.create({
    data: { districtId, nameId: assertion.nameId, email: mapped?.values.email ?? null, idpInitiated, ...fields },
  });
}

/** Signs a person in, or creates them first (just-in-time), or says why not; writes one SsoEvent. */
export async function completeSignIn(
  district: { id: string },
  connection: SsoConnection,
  assertion: ReceivedAssertion,
  options: { idpInitiated: boolean },
): Promise<SignInOutcome> {
  const districtId = district.id;
  const log = (client: Client, mapped: MappedPerson | null, fields: EventFields) => logSignIn(client, districtId, assertion, mapped, options.idpInitiated, fields);
  const refuse = async (client: Client, mapped: MappedPerson | null, verdict: Extract<Verdict, { reason: string }>): Promise<SignInOutcome> => {
    await log(client, mapped, { outcome: verdict.kind, reason: verdict.logged });
    return { kind: verdict.kind, reason: verdict.reason };
  };

  if (connection.districtId !== districtId) throw new Error("The single sign-on connection given belongs to another district.");
  if (await isDistrictSuspended(districtId)) {
    return refuse(db(), null, { kind: "refused", reason: PERSON_DISTRICT_SUSPENDED_MESSAGE, logged: "The district is suspended by the Rollcall operator." });
  }
  if (!connection.signInEnabled) {
    return refuse(db(), null, { kind: "refused", reason: "Single sign-on is turned off for your district.", logged: "Single sign-on is turned off." });
  }
  const loaded = settingsOf(connection);
  if (!loaded.ok) return refuse(db(), null, { kind: "refused", reason: `Single sign-on is not fully set up for your district. ${ASK_ADMIN}`, logged: loaded.problem });
  const mapped = mapAssertion(assertion, loaded.settings, await accountTypesOf(districtId));

  const first = await decide(db(), districtId, mapped, loaded.settings, connection.jitEnabled);
  if (first.kind === "known") {
    await log(db(), mapped, { outcome: "signed_in", reason: null, personId: first.person.id, sourcedId: first.person.sourcedId });
    return { kind: "signed_in", person: { id: first.person.id, districtId, sourcedId: first.person.sourcedId } };
  }
  if (first.kind !== "create") return refuse(db(), mapped, first);

  // Creating holds the district's roster lock, as imports do, and decides again under it: two
  // first sign-ins of one person, or an import running meanwhile, must not make two people.
  const ip = await requestIp();
  return db().$transaction(
    async (tx) => {
      await lockDistrictRoster(tx, districtId);
      const verdict = await decide(tx, districtId, mapped, loaded.settings, connection.jitEnabled);
      if (verdict.kind === "known") {
        await log(tx, mapped, { outcome: "signed_in", reason: null, personId: verdict.person.id, sourcedId: verdict.person.sourcedId });
        return { kind: "signed_in", person: { id: verdict.person.id, districtId, sourcedId: verdict.person.sourcedId } };
      }
      if (verdict.kind !== "create") return refuse(tx, mapped, verdict);
      const [applied] = await applyPeoplePlan(tx, districtId, [verdict.planned], "sso");
      const created = await tx.rosterUser.findUniqueOrThrow({ where: { districtId_sourcedId: { districtId, sourcedId: applied!.sourcedId } }, select: { id: true, sourcedId: true } });
      await log(tx, mapped, { outcome: "created", reason: null, personId: created.id, sourcedId: created.sourcedId });
      const { givenName, familyName, email, role } = verdict.planned.values;
      // The person is their own actor: their identity provider vouched for them, no admin acted.
      await recordAudit(tx, {
        ...(await districtTenant(tx, districtId)),
        actor: { userId: null, email: email || name(verdict.planned.values), role: "sso" },
        ...(ip && { ip }),
        action: "person.created_at_sign_in",
        summary: `${name(verdict.planned.values)} created at first single sign-on sign-in`,
        after: { id: created.id, sourcedId: created.sourcedId, givenName, familyName, email, role, accountType: mapped.accountType ?? null },
      });
      return { kind: "created", person: { id: created.id, districtId, sourcedId: created.sourcedId } };
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}

function wouldDo(verdict: Verdict, mapped: MappedPerson, jitEnabled: boolean): WouldDo {
  switch (verdict.kind) {
    case "known": {
      const { id, sourcedId, givenName, familyName } = verdict.person;
      return {
        kind: "signed_in",
        sentence: `${name(verdict.person)} (${sourcedId}), matched by ${verdict.matchedBy}, would sign in. Single sign-on never changes a person already in the roster.`,
        person: { id, sourcedId, givenName, familyName },
      };
    }
    case "create": {
      const values = verdict.planned.values;
      const creation = `create ${values.givenName} ${values.familyName} (${values.email}) as ${mapped.accountType} (OneRoster role ${values.role})`;
      return jitEnabled
        ? { kind: "created", sentence: `Nobody in the roster matches, so Rollcall would ${creation}.` }
        : {
            kind: "not_provisioned",
            sentence: `Nobody in the roster matches, and just-in-time provisioning is off, so this person would be told their account is not provisioned. With it on, Rollcall would ${creation}.`,
          };
    }
    default:
      return { kind: verdict.kind, sentence: verdict.logged };
  }
}

async function recordTest(districtId: string, adminUserId: string, reason: string | null, details: TestSignInDetails, nameId: string | null, email: string | null): Promise<{ eventId: string }> {
  const event = await db().ssoEvent.create({
    data: { districtId, outcome: "test", reason, nameId, email, adminUserId, details },
    select: { id: true },
  });
  return { eventId: event.id };
}

/**
 * A test sign-in: decides as completeSignIn would (as if just-in-time provisioning were on,
 * saying what it would do with the switch as it is) but creates and changes nothing.
 */
export async function recordTestSignIn(district: { id: string }, connection: SsoConnection, assertion: ReceivedAssertion, adminUserId: string): Promise<{ eventId: string }> {
  const loaded = settingsOf(connection);
  if (!loaded.ok) return recordTest(district.id, adminUserId, loaded.problem, { refused: loaded.problem, nameId: assertion.nameId }, assertion.nameId, null);
  const mapped = mapAssertion(assertion, loaded.settings, await accountTypesOf(district.id));
  const verdict = await decide(db(), district.id, mapped, loaded.settings, true);
  const details: TestSignInDetails = {
    attributes: assertion.attributes,
    friendlyNames: assertion.friendlyNames,
    nameId: assertion.nameId,
    mapped,
    wouldDo: wouldDo(verdict, mapped, connection.jitEnabled),
  };
  return recordTest(district.id, adminUserId, null, details, assertion.nameId, mapped.values.email ?? null);
}

/** Logs an assertion Rollcall refused, for the reason lib/sso/saml.ts gave; a refused test sign-in keeps it in its details. */
export async function recordRefusal(
  districtId: string,
  reason: string,
  details: { nameId: string | null; idpInitiated: boolean; purpose: "sign_in" | "test"; adminUserId: string | null },
): Promise<{ eventId: string }> {
  const test = details.purpose === "test";
  const stored: TestSignInDetails | undefined = test ? { refused: reason, nameId: details.nameId } : undefined;
  const event = await db().ssoEvent.create({
    data: {
      districtId,
      outcome: test ? "test" : "refused",
      reason,
      nameId: details.nameId,
      idpInitiated: details.idpInitiated,
      adminUserId: test ? details.adminUserId : null,
      details: stored,
    },
    select: { id: true },
  });
  return { eventId: event.id };
}
