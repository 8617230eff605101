// The SAML attributes Rollcall accepts (seed 003's list, by OID, with their friendly names) and
// which of them gives each person field. Browser-safe: the Single sign-on page's form uses it.
import { z } from "zod";
import { MAPPED_FIELDS, type AttributeMapping, type MappedField } from "@/lib/sso/types";

export type SupportedAttribute = { name: string; friendlyName: string; scoped: boolean };

const attribute = (oid: string, friendlyName: string, scoped = false): SupportedAttribute => ({ name: `urn:oid:${oid}`, friendlyName, scoped });

/** Seed 003's supported attributes, in its order. eppn and affiliation carry a scope ("staff@springfield.k12.us"). */
export const SUPPORTED_ATTRIBUTES: readonly SupportedAttribute[] = [
  attribute("1.3.6.1.4.1.5923.1.1.1.6", "eppn", true),
  attribute("1.3.6.1.4.1.5923.1.1.1.9", "affiliation", true),
  attribute("1.3.6.1.4.1.5923.1.1.1.1", "unscoped-affiliation"),
  attribute("1.3.6.1.4.1.5923.1.1.1.7", "entitlement"),
  attribute("1.3.6.1.4.1.5923.1.1.1.5", "primary-affiliation"),
  attribute("1.3.6.1.4.1.5923.1.1.1.2", "nickname"),
  attribute("1.3.6.1.4.1.5923.1.1.1.8", "primary-orgunit-dn"),
  attribute("1.3.6.1.4.1.5923.1.1.1.4", "orgunit-dn"),
  attribute("1.3.6.1.4.1.5923.1.1.1.3", "org-dn"),
  attribute("1.3.6.1.4.1.5923.1.1.1.11", "assurance"),
  attribute("1.3.6.1.4.1.5923.1.5.1.1", "member"),
  attribute("1.3.6.1.4.1.5923.1.6.1.1", "eduCourseOffering"),
  attribute("1.3.6.1.4.1.5923.1.6.1.2", "eduCourseMember"),
  attribute("1.3.6.1.4.1.5923.1.9", "eduPermissionGroup"),
  attribute("2.5.4.3", "cn"),
  attribute("2.5.4.4", "sn"),
  attribute("2.5.4.42", "givenName"),
  attribute("2.16.840.1.113730.3.1.241", "displayName"),
  attribute("0.9.2342.19200300.100.1.1", "uid"),
  attribute("0.9.2342.19200300.100.1.3", "mail"),
  attribute("2.5.4.20", "telephoneNumber"),
  attribute("2.5.4.12", "title"),
  attribute("2.5.4.43", "initials"),
  attribute("2.5.4.13", "description"),
  attribute("2.16.840.1.113730.3.1.1", "carLicense"),
  attribute("2.16.840.1.113730.3.1.2", "departmentNumber"),
  attribute("2.16.840.1.113730.3.1.3", "employeeNumber"),
  attribute("2.16.840.1.113730.3.1.4", "employeeType"),
  attribute("2.16.840.1.113730.3.1.39", "preferredLanguage"),
  attribute("0.9.2342.19200300.100.1.10", "manager"),
  attribute("2.5.4.34", "seeAlso"),
  attribute("2.5.4.23", "facsimileTelephoneNumber"),
  attribute("2.5.4.9", "street"),
  attribute("2.5.4.18", "postOfficeBox"),
  attribute("2.5.4.17", "postalCode"),
  attribute("2.5.4.8", "st"),
  attribute("2.5.4.7", "l"),
  attribute("2.5.4.10", "o"),
  attribute("2.5.4.11", "ou"),
  attribute("2.5.4.15", "businessCategory"),
  attribute("2.5.4.19", "physicalDeliveryOfficeName"),
];

const byName = new Map(SUPPORTED_ATTRIBUTES.map((supported) => [supported.name, supported]));

/** The supported attribute with this name (compared exactly, as URNs are), if it is one. */
export function supportedAttribute(name: string): SupportedAttribute | undefined {
  return byName.get(name);
}

export const DEFAULT_ATTRIBUTE_MAPPING: AttributeMapping = {
  givenName: "urn:oid:2.5.4.42",
  familyName: "urn:oid:2.5.4.4",
  email: "urn:oid:0.9.2342.19200300.100.1.3",
  netid: "urn:oid:0.9.2342.19200300.100.1.1",
  accountType: "urn:oid:1.3.6.1.4.1.5923.1.1.1.9",
};

/** "givenName (urn:oid:2.5.4.42)"; a name Rollcall does not know, as it is. */
export function attributeLabel(name: string): string {
  const supported = byName.get(name);
  return supported ? `${supported.friendlyName} (${supported.name})` : name;
}

export const FIELD_LABELS: Record<MappedField, string> = {
  givenName: "First name",
  familyName: "Last name",
  email: "Email",
  netid: "NetID",
  netid2: "NetID 2",
  netid3: "NetID 3",
  accountType: "Account type",
  graduationYear: "Graduation year",
};

/** The fields a new person cannot be created without (account type aside: rules may give it without an attribute). */
export const REQUIRED_FIELDS = ["givenName", "familyName", "email"] as const satisfies readonly MappedField[];

const SUPPORTED_NAMES = new Set(SUPPORTED_ATTRIBUTES.map((supported) => supported.name));

// A form's "Not mapped" choice arrives as "": it means the field is left out.
const mappedAttribute = z
  .string()
  .trim()
  .refine((name) => name === "" || SUPPORTED_NAMES.has(name), "Choose one of the supported attributes.")
  .optional()
  .transform((name) => (name ? name : undefined));

export const attributeMappingSchema: z.ZodType<AttributeMapping, AttributeMapping> = z
  .object({
    givenName: mappedAttribute,
    familyName: mappedAttribute,
    email: mappedAttribute,
    netid: mappedAttribute,
    netid2: mappedAttribute,
    netid3: mappedAttribute,
    accountType: mappedAttribute,
    graduationYear: mappedAttribute,
  } satisfies Record<MappedField, typeof mappedAttribute>)
  .superRefine((mapping, context) => {
    for (const field of REQUIRED_FIELDS) {
      if (!mapping[field]) context.addIssue({ code: "custom", path: [field], message: `Choose the attribute that gives the ${FIELD_LABELS[field].toLowerCase()}.` });
    }
  })
  .transform((mapping) => {
    const mapped: AttributeMapping = {};
    for (const field of MAPPED_FIELDS) if (mapping[field]) mapped[field] = mapping[field];
    return mapped;
  });
