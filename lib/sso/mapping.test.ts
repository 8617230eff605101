import { describe, expect, it } from "vitest";
import { DEFAULT_ACCOUNT_TYPES } from "@/lib/imports/people/account-types-schema";
import { DEFAULT_ACCOUNT_TYPE_RULES } from "@/lib/sso/account-type-rules";
import { DEFAULT_ATTRIBUTE_MAPPING } from "@/lib/sso/attributes";
import { mapAssertion, missingToCreate, type SsoSettings } from "@/lib/sso/mapping";
import type { ReceivedAssertion } from "@/lib/sso/types";

const GIVEN = "urn:oid:2.5.4.42";
const SN = "urn:oid:2.5.4.4";
const MAIL = "urn:oid:0.9.2342.19200300.100.1.3";
const UID = "urn:oid:0.9.2342.19200300.100.1.1";
const AFFILIATION = "urn:oid:1.3.6.1.4.1.5923.1.1.1.9";
const EPPN = "urn:oid:1.3.6.1.4.1.5923.1.1.1.6";
const EMPLOYEE_NUMBER = "urn:oid:2.16.840.1.113730.3.1.3";

const settings: SsoSettings = { attributeMapping: DEFAULT_ATTRIBUTE_MAPPING, accountTypeRules: DEFAULT_ACCOUNT_TYPE_RULES, scopeDomains: ["springfield.k12.us"] };

function assertion(attributes: Record<string, string[]>): ReceivedAssertion {
  return { assertionId: "_a1", issuer: "https://idp.springfield.k12.us", nameId: "edna@springfield.k12.us", attributes, friendlyNames: {}, notOnOrAfter: new Date("2030-01-01T00:00:00Z") };
}

const edna = {
  [GIVEN]: ["Edna"],
  [SN]: ["Krabappel"],
  [MAIL]: ["edna@springfield.k12.us"],
  [UID]: ["ekrabappel"],
  [AFFILIATION]: ["member@springfield.k12.us", "faculty@springfield.k12.us"],
};

describe("mapAssertion", () => {
  it("maps the default attributes and gives the account type and role from a CONTAINS rule", () => {
    const mapped = mapAssertion(assertion(edna), settings, DEFAULT_ACCOUNT_TYPES);
    expect(mapped).toMatchObject({
      values: { givenName: "Edna", familyName: "Krabappel", email: "edna@springfield.k12.us", netid: "ekrabappel" },
      accountTypeValues: ["member", "faculty"],
      decision: { accountType: "Teacher", explanation: "CONTAINS faculty" },
      accountType: "Teacher",
      role: "teacher",
      problems: [],
    });
    expect(missingToCreate(mapped, settings.attributeMapping)).toEqual([]);
  });

  it("refuses scoped values from another domain and does not use them", () => {
    const mapped = mapAssertion(assertion({ ...edna, [AFFILIATION]: ["faculty@shelbyville.k12.us", "student@springfield.k12.us"] }), settings, DEFAULT_ACCOUNT_TYPES);
    expect(mapped.accountTypeValues).toEqual(["student"]);
    expect(mapped.accountType).toBe("Student");
    expect(mapped.problems).toEqual([
      "Account type: 'faculty@shelbyville.k12.us' is scoped to shelbyville.k12.us, which is not one of the district's domains (springfield.k12.us). The value was not used.",
    ]);
  });

  it("keeps a scoped identifier whole and refuses one from a subdomain", () => {
    const mapping = { ...DEFAULT_ATTRIBUTE_MAPPING, netid: EPPN };
    const kept = mapAssertion(assertion({ ...edna, [EPPN]: ["edna@springfield.k12.us"] }), { ...settings, attributeMapping: mapping }, DEFAULT_ACCOUNT_TYPES);
    expect(kept.values.netid).toBe("edna@springfield.k12.us");
    const refused = mapAssertion(assertion({ ...edna, [EPPN]: ["edna@hs.springfield.k12.us"] }), { ...settings, attributeMapping: mapping }, DEFAULT_ACCOUNT_TYPES);
    expect(refused.values.netid).toBeUndefined();
    expect(refused.problems).toHaveLength(1);
  });

  it("compares attribute names exactly", () => {
    const mapped = mapAssertion(assertion({ ...edna, [GIVEN]: [], [GIVEN.toUpperCase()]: ["Edna"] }), settings, DEFAULT_ACCOUNT_TYPES);
    expect(mapped.values.givenName).toBeUndefined();
    expect(mapped.problems).toEqual(["The identity provider released no givenName (urn:oid:2.5.4.42), the attribute mapped to First name."]);
  });

  it("names every missing or unusable value", () => {
    const mapping = { givenName: GIVEN, familyName: SN, email: MAIL, accountType: AFFILIATION, graduationYear: EMPLOYEE_NUMBER };
    const mapped = mapAssertion(assertion({ [GIVEN]: ["  "], [MAIL]: ["not an address"], [EMPLOYEE_NUMBER]: ["31"], [AFFILIATION]: ["alum@springfield.k12.us"] }), { ...settings, attributeMapping: mapping }, DEFAULT_ACCOUNT_TYPES);
    expect(mapped.values).toEqual({});
    expect(mapped.decision).toBeNull();
    expect(mapped.problems).toEqual([
      "The identity provider released no givenName (urn:oid:2.5.4.42), the attribute mapped to First name.",
      "The identity provider released no sn (urn:oid:2.5.4.4), the attribute mapped to Last name.",
      "Email: 'not an address' is not an email address.",
      "Graduation year: '31' is not a four-digit year.",
      "No account-type rule matches the values alum of affiliation (urn:oid:1.3.6.1.4.1.5923.1.1.1.9), and there is no DEFAULT rule.",
    ]);
    expect(missingToCreate(mapped, mapping)).toEqual([
      "no usable first name (the attribute mapped to it is givenName (urn:oid:2.5.4.42))",
      "no usable last name (the attribute mapped to it is sn (urn:oid:2.5.4.4))",
      "no usable email (the attribute mapped to it is mail (urn:oid:0.9.2342.19200300.100.1.3))",
      "no account-type rule matches alum (affiliation (urn:oid:1.3.6.1.4.1.5923.1.1.1.9))",
    ]);
  });

  it("reads a graduation year", () => {
    const mapping = { ...DEFAULT_ATTRIBUTE_MAPPING, graduationYear: EMPLOYEE_NUMBER };
    expect(mapAssertion(assertion({ ...edna, [EMPLOYEE_NUMBER]: [" 2031 "] }), { ...settings, attributeMapping: mapping }, DEFAULT_ACCOUNT_TYPES).values.graduationYear).toBe(2031);
  });

  it("says when the rules give an account type the district does not have", () => {
    const rules = { multiValued: true, rules: [{ kind: "default" as const, values: [], accountType: "Guest" }] };
    const mapped = mapAssertion(assertion(edna), { ...settings, accountTypeRules: rules }, DEFAULT_ACCOUNT_TYPES);
    expect(mapped).toMatchObject({ accountType: null, role: null, decision: { accountType: "Guest" } });
    expect(mapped.problems).toEqual([
      "The rule DEFAULT (no other rule matched) gives the account type 'Guest', which is not one of the district's account types (Student, Teacher, Faculty, Staff, Aide, Administrator, Parent, Guardian).",
    ]);
  });

  it("uses the district's own spelling and role for the account type", () => {
    const rules = { multiValued: true, rules: [{ kind: "contains" as const, values: ["faculty"], accountType: "FACULTY" }] };
    const mapped = mapAssertion(assertion(edna), { ...settings, accountTypeRules: rules }, [{ accountType: "Faculty", role: "administrator" }]);
    expect(mapped).toMatchObject({ accountType: "Faculty", role: "administrator" });
  });

  it("lets a DEFAULT rule give the account type when no attribute is mapped to it", () => {
    const rules = { multiValued: false, rules: [{ kind: "default" as const, values: [], accountType: "Student" }] };
    const { accountType: _, ...mapping } = DEFAULT_ATTRIBUTE_MAPPING;
    const mapped = mapAssertion(assertion(edna), { ...settings, attributeMapping: mapping, accountTypeRules: rules }, DEFAULT_ACCOUNT_TYPES);
    expect(mapped).toMatchObject({ accountType: "Student", role: "student", problems: [] });
  });
});
