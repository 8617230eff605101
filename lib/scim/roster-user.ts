// What a SCIM user becomes in OneRoster (the Data API's `users`): the fields below, the role
// from the district's mapping, and `tobedeleted` while inactive.
import type { Attributes } from "@/lib/scim/normalise";
import { ENTERPRISE_SCHEMA } from "@/lib/scim/schemas";

export type RosterUserFields = {
  username: string;
  givenName: string;
  familyName: string;
  middleName: string | null;
  email: string | null;
  phone: string | null;
  sms: string | null;
  identifier: string | null;
  enabledUser: boolean;
  status: "active" | "tobedeleted";
  userIds: { type: string; identifier: string }[];
};

type Item = { value?: unknown; type?: unknown; primary?: unknown };

const items = (value: unknown): Item[] => (Array.isArray(value) ? value.filter((item): item is Item => typeof item === "object" && item !== null) : []);
const text = (value: unknown): string | null => (typeof value === "string" && value.trim() ? value.trim() : null);

/** The primary item, else the first of the preferred type, else the first. */
function preferred(list: Item[], type: string): string | null {
  const chosen = list.find((item) => item.primary === true) ?? list.find((item) => item.type === type) ?? list[0];
  return text(chosen?.value);
}

export function rosterUserFields(attributes: Attributes, active: boolean): RosterUserFields {
  const name = (typeof attributes.name === "object" && attributes.name !== null ? attributes.name : {}) as Record<string, unknown>;
  const enterprise = (attributes[ENTERPRISE_SCHEMA] ?? {}) as Record<string, unknown>;
  const userName = String(attributes.userName);
  // OneRoster requires both names; a display name ("Ada Lovelace") fills in when the parts are missing.
  const fullName = text(name.formatted) ?? text(attributes.displayName) ?? "";
  const lastSpace = fullName.lastIndexOf(" ");
  const givenName = text(name.givenName) ?? (lastSpace > 0 ? fullName.slice(0, lastSpace) : fullName);
  const familyName = text(name.familyName) ?? (lastSpace > 0 ? fullName.slice(lastSpace + 1) : "");
  const phones = items(attributes.phoneNumbers);
  const mobile = phones.find((phone) => phone.type === "mobile");
  const landlines = phones.filter((phone) => phone !== mobile);
  const externalId = text(attributes.externalId);
  return {
    username: userName,
    givenName,
    familyName,
    middleName: text(name.middleName),
    email: preferred(items(attributes.emails), "work"),
    phone: preferred(landlines, "work"),
    sms: text(mobile?.value),
    identifier: text(enterprise.employeeNumber),
    enabledUser: active,
    status: active ? "active" : "tobedeleted",
    userIds: externalId ? [{ type: "externalId", identifier: externalId }] : [],
  };
}
