// Turns a received assertion into a person's fields with the district's attribute mapping,
// scope domains and account-type rules, saying in sentences what could not be used. Pure.
import type { RosterRole } from "@/generated/prisma/client";
import { accountTypeLookup, type AccountType } from "@/lib/imports/people/account-types";
import { decideAccountType, type RuleDecision } from "@/lib/sso/account-type-rules";
import { attributeLabel, FIELD_LABELS, REQUIRED_FIELDS, supportedAttribute } from "@/lib/sso/attributes";
import { checkScope } from "@/lib/sso/scope";
import { MAPPED_FIELDS, type AccountTypeRules, type AttributeMapping, type MappedField, type ReceivedAssertion } from "@/lib/sso/types";

export type MappedPerson = {
  values: { givenName?: string; familyName?: string; email?: string; netid?: string; netid2?: string; netid3?: string; graduationYear?: number };
  /** The released values of the account-type attribute that passed the scope check, unscoped. */
  accountTypeValues: string[];
  decision: RuleDecision | null;
  /** The district's own spelling of the account type the rules gave, and its OneRoster role. */
  accountType: string | null;
  role: RosterRole | null;
  problems: string[];
};

export type SsoSettings = { attributeMapping: AttributeMapping; accountTypeRules: AccountTypeRules; scopeDomains: readonly string[] };

// The same loose check imports make: a mailbox, an @ and a dotted domain, no spaces.
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/** The values released for an attribute, trimmed, blanks left out; names are compared exactly. */
function releasedValues(assertion: ReceivedAssertion, name: string): string[] {
  const values = Object.hasOwn(assertion.attributes, name) ? assertion.attributes[name] : undefined;
  return (values ?? []).map((value) => value.trim()).filter((value) => value !== "");
}

export function mapAssertion(assertion: ReceivedAssertion, settings: SsoSettings, accountTypes: readonly AccountType[]): MappedPerson {
  const { attributeMapping: mapping, accountTypeRules, scopeDomains } = settings;
  const problems: string[] = [];
  const usable: Partial<Record<MappedField, string[]>> = {};

  for (const field of MAPPED_FIELDS) {
    const name = mapping[field];
    if (!name) continue;
    const released = releasedValues(assertion, name);
    if (released.length === 0) {
      problems.push(`The identity provider released no ${attributeLabel(name)}, the attribute mapped to ${FIELD_LABELS[field]}.`);
      continue;
    }
    if (!supportedAttribute(name)?.scoped) {
      usable[field] = released;
      continue;
    }
    usable[field] = released.flatMap((value) => {
      const scope = checkScope(value, scopeDomains);
      if (scope.ok) return [field === "accountType" ? scope.unscoped : value];
      problems.push(`${FIELD_LABELS[field]}: ${scope.message} The value was not used.`);
      return [];
    });
  }
  for (const field of REQUIRED_FIELDS) {
    if (!mapping[field]) problems.push(`${FIELD_LABELS[field]} is not mapped to an attribute.`);
  }

  const values: MappedPerson["values"] = {};
  for (const field of ["givenName", "familyName", "netid", "netid2", "netid3"] as const) {
    const first = usable[field]?.[0];
    if (first !== undefined) values[field] = first;
  }
  const email = usable.email?.[0];
  if (email !== undefined) {
    if (EMAIL.test(email) && email.length <= 254) values.email = email;
    else problems.push(`Email: '${email}' is not an email address.`);
  }
  const year = usable.graduationYear?.[0];
  if (year !== undefined) {
    if (/^\d{4}$/.test(year) && Number(year) >= 1900 && Number(year) <= 2100) values.graduationYear = Number(year);
    else problems.push(`Graduation year: '${year}' is not a four-digit year.`);
  }

  const accountTypeValues = usable.accountType ?? [];
  const decision = decideAccountType(accountTypeRules, accountTypeValues);
  const known = decision ? accountTypeLookup(accountTypes)(decision.accountType) : undefined;
  if (!decision) problems.push(noRuleSentence(mapping, accountTypeValues));
  else if (!known) problems.push(unknownTypeSentence(decision, accountTypes));

  return { values, accountTypeValues, decision, accountType: known?.accountType ?? null, role: known?.role ?? null, problems };
}

function noRuleSentence(mapping: AttributeMapping, values: readonly string[]): string {
  if (!mapping.accountType) return "Account type is not mapped to an attribute, and there is no DEFAULT rule.";
  const released = values.length > 0 ? `the values ${values.join(", ")}` : "no values";
  return `No account-type rule matches ${released} of ${attributeLabel(mapping.accountType)}, and there is no DEFAULT rule.`;
}

function unknownTypeSentence(decision: RuleDecision, accountTypes: readonly AccountType[]): string {
  const names = accountTypes.map((type) => type.accountType).join(", ");
  return `The rule ${decision.explanation} gives the account type '${decision.accountType}', which is not one of the district's account types (${names}).`;
}

/**
 * Why a person could not be created from this mapping: one sentence for each of email, first
 * name, last name and account type that is missing, naming the attribute mapped to it.
 */
export function missingToCreate(mapped: MappedPerson, mapping: AttributeMapping): string[] {
  const sentences: string[] = [];
  for (const field of REQUIRED_FIELDS) {
    if (mapped.values[field] !== undefined) continue;
    const name = mapping[field];
    sentences.push(name ? `no usable ${FIELD_LABELS[field].toLowerCase()} (the attribute mapped to it is ${attributeLabel(name)})` : `${FIELD_LABELS[field].toLowerCase()} is not mapped to an attribute`);
  }
  if (!mapped.role) {
    const name = mapping.accountType;
    if (mapped.decision) sentences.push(`the account type '${mapped.decision.accountType}' from the rule ${mapped.decision.explanation} is not one of the district's account types`);
    else if (name && mapped.accountTypeValues.length > 0) sentences.push(`no account-type rule matches ${mapped.accountTypeValues.join(", ")} (${attributeLabel(name)})`);
    else if (name) sentences.push(`no usable account type (the attribute mapped to it is ${attributeLabel(name)}) and there is no DEFAULT rule`);
    else sentences.push("account type is not mapped to an attribute and there is no DEFAULT rule");
  }
  return sentences;
}
