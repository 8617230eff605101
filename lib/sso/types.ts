// What the SAML layer hands to the sign-in layer, and the district's settings both read.

/** A signed assertion that passed every check (signature, audience, time, InResponseTo, replay). */
export type ReceivedAssertion = {
  assertionId: string;
  issuer: string;
  nameId: string | null;
  /** Attribute name as released (an OID URN such as urn:oid:2.5.4.42, or another name) → its values. */
  attributes: Record<string, string[]>;
  /** The FriendlyName the identity provider gave an attribute, by attribute name. */
  friendlyNames: Record<string, string>;
  notOnOrAfter: Date;
};

/** The person fields an attribute can be mapped to. */
export const MAPPED_FIELDS = ["givenName", "familyName", "email", "netid", "netid2", "netid3", "accountType", "graduationYear"] as const;
export type MappedField = (typeof MAPPED_FIELDS)[number];

/** Field → the attribute name that gives it; a field left out is not mapped. */
export type AttributeMapping = Partial<Record<MappedField, string>>;

/**
 * Seed 003's account-type rules. `exact` matches when the released values, as a set, equal
 * `values` (order and case do not matter); `contains` when they include `values[0]`;
 * `default` always. Exact beats contains, which beats default, whatever the order listed.
 */
export type AccountTypeRule = { kind: "exact" | "contains" | "default"; values: string[]; accountType: string };
export type AccountTypeRules = { multiValued: boolean; rules: AccountTypeRule[] };
