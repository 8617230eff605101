// For an attribute released under a name Rollcall does not accept: the supported attribute it
// most likely is, found from its FriendlyName or the last part of its name (Entra ID's claim URIs).
import { SUPPORTED_ATTRIBUTES, supportedAttribute, type SupportedAttribute } from "@/lib/sso/attributes";

// Claim names identity providers use by default for what seed 003 calls by its LDAP name.
const ALIASES: Record<string, string> = {
  surname: "sn",
  lastname: "sn",
  familyname: "sn",
  firstname: "givenname",
  emailaddress: "mail",
  email: "mail",
  upn: "eppn",
  edupersonprincipalname: "eppn",
  edupersonaffiliation: "affiliation",
  edupersonscopedaffiliation: "affiliation",
  edupersonprimaryaffiliation: "primary-affiliation",
  edupersonentitlement: "entitlement",
};

const byFriendlyName = new Map(SUPPORTED_ATTRIBUTES.map((attribute) => [attribute.friendlyName.toLowerCase(), attribute]));

export function suggestSupportedAttribute(name: string, friendlyName: string | undefined): SupportedAttribute | undefined {
  if (supportedAttribute(name)) return undefined;
  const lastPart = name.split(/[/:#]/).pop() ?? name;
  for (const candidate of [friendlyName, name, lastPart]) {
    if (!candidate) continue;
    const key = candidate.trim().toLowerCase();
    const found = byFriendlyName.get(ALIASES[key] ?? key);
    if (found) return found;
  }
  return undefined;
}
