// The attributes Rollcall's SCIM service knows (RFC 7643 §4 and §8.7): the core User and
// Group schemas and the enterprise User extension. One definition serves the /Schemas
// endpoint, the canonical spelling of names clients send in any case, value types (Entra's
// "True"), filters and the attributes a client may not write.
export const USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
export const ENTERPRISE_SCHEMA = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
export const GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";

export type AttributeType = "string" | "boolean" | "complex" | "reference" | "dateTime" | "binary";
export type Mutability = "readOnly" | "readWrite" | "immutable" | "writeOnly";

export type AttributeDefinition = {
  name: string;
  type: AttributeType;
  multiValued: boolean;
  description: string;
  required: boolean;
  caseExact: boolean;
  mutability: Mutability;
  returned: "always" | "never" | "default" | "request";
  uniqueness: "none" | "server";
  canonicalValues?: string[];
  referenceTypes?: string[];
  subAttributes?: AttributeDefinition[];
};

type Options = Partial<Omit<AttributeDefinition, "name" | "type" | "description" | "subAttributes">>;

function attribute(name: string, type: AttributeType, description: string, options: Options = {}, subAttributes?: AttributeDefinition[]): AttributeDefinition {
  return {
    name,
    type,
    multiValued: false,
    description,
    required: false,
    caseExact: false,
    mutability: "readWrite",
    returned: "default",
    uniqueness: "none",
    ...options,
    ...(subAttributes ? { subAttributes } : {}),
  };
}

const text = (name: string, description: string, options?: Options) => attribute(name, "string", description, options);
const primary = attribute("primary", "boolean", "Whether this is the preferred value.");
const kind = (values: string[]) => text("type", "A label for the value's function.", { canonicalValues: values });

/** A multi-valued attribute of { value, display, type, primary } (emails, phoneNumbers, …). */
function multi(name: string, description: string, types: string[], valueType: AttributeType = "string"): AttributeDefinition {
  return attribute(name, "complex", description, { multiValued: true }, [
    attribute("value", valueType, `The ${name} value.`),
    text("display", "A human-readable name."),
    kind(types),
    primary,
  ]);
}

export const USER_ATTRIBUTES: AttributeDefinition[] = [
  text("userName", "Unique identifier for the user, used to sign in; unique within the district whatever its case.", { required: true, uniqueness: "server" }),
  attribute("name", "complex", "The components of the user's name.", {}, [
    text("formatted", "The full name, formatted for display."),
    text("familyName", "Family name (OneRoster familyName)."),
    text("givenName", "Given name (OneRoster givenName)."),
    text("middleName", "Middle name (OneRoster middleName)."),
    text("honorificPrefix", "Honorific prefix, e.g. Ms."),
    text("honorificSuffix", "Honorific suffix, e.g. III."),
  ]),
  text("displayName", "The name shown for the user."),
  text("nickName", "The casual name of the user."),
  attribute("profileUrl", "reference", "A URL of the user's profile.", { referenceTypes: ["external"] }),
  text("title", "The user's title, e.g. Teacher."),
  text("userType", "The relationship to the district, e.g. Student or Staff."),
  text("preferredLanguage", "Preferred language, e.g. en-US."),
  text("locale", "Locale for formatting, e.g. en-US."),
  text("timezone", "Time zone, e.g. America/Chicago."),
  attribute("active", "boolean", "Whether the user is active; false marks the OneRoster user tobedeleted."),
  text("password", "Not stored by Rollcall.", { mutability: "writeOnly", returned: "never", caseExact: true }),
  multi("emails", "Email addresses; the primary (or work) one is the OneRoster email.", ["work", "home", "other"]),
  multi("phoneNumbers", "Phone numbers; mobile is the OneRoster sms, the primary (or work) one the phone.", ["work", "home", "mobile", "fax", "pager", "other"]),
  multi("ims", "Instant messaging addresses.", ["aim", "gtalk", "icq", "xmpp", "msn", "skype", "qq", "yahoo"]),
  multi("photos", "URLs of photos of the user.", ["photo", "thumbnail"], "reference"),
  attribute("addresses", "complex", "Physical mailing addresses.", { multiValued: true }, [
    text("formatted", "The full address."),
    text("streetAddress", "Street address."),
    text("locality", "City or locality."),
    text("region", "State or region."),
    text("postalCode", "Zip or postal code."),
    text("country", "Country, ISO 3166-1 alpha-2."),
    kind(["work", "home", "other"]),
    primary,
  ]),
  attribute("groups", "complex", "The groups the user belongs to, kept by Rollcall from group memberships.", { multiValued: true, mutability: "readOnly" }, [
    text("value", "The group's id.", { mutability: "readOnly" }),
    attribute("$ref", "reference", "The group's URI.", { mutability: "readOnly", referenceTypes: ["Group"] }),
    text("display", "The group's displayName.", { mutability: "readOnly" }),
    text("type", "direct", { mutability: "readOnly", canonicalValues: ["direct"] }),
  ]),
  multi("entitlements", "Entitlements of the user.", []),
  multi("roles", "Roles of the user (Entra ID's app roles arrive here).", []),
  multi("x509Certificates", "X.509 certificates of the user.", [], "binary"),
];

export const ENTERPRISE_ATTRIBUTES: AttributeDefinition[] = [
  text("employeeNumber", "The district's number for the person (OneRoster identifier)."),
  text("costCenter", "Cost center."),
  text("organization", "Organization."),
  text("division", "Division."),
  text("department", "Department."),
  attribute("manager", "complex", "The user's manager.", {}, [
    text("value", "The manager's SCIM id."),
    attribute("$ref", "reference", "The manager's URI.", { referenceTypes: ["User"] }),
    text("displayName", "The manager's displayName.", { mutability: "readOnly" }),
  ]),
];

export const GROUP_ATTRIBUTES: AttributeDefinition[] = [
  text("displayName", "The group's name; role mapping rules match it.", { required: true }),
  attribute("members", "complex", "The users in the group.", { multiValued: true }, [
    text("value", "The member's SCIM id.", { mutability: "immutable" }),
    attribute("$ref", "reference", "The member's URI.", { mutability: "immutable", referenceTypes: ["User"] }),
    text("display", "The member's displayName.", { mutability: "readOnly" }),
    text("type", "User.", { mutability: "immutable", canonicalValues: ["User"] }),
  ]),
];

/** Attributes every resource has (RFC 7643 §3.1), written by Rollcall alone. */
export const COMMON_ATTRIBUTES: AttributeDefinition[] = [
  text("id", "Rollcall's identifier of the resource.", { mutability: "readOnly", returned: "always", caseExact: true, uniqueness: "server" }),
  text("externalId", "The identity provider's identifier of the resource.", { caseExact: true }),
  attribute("meta", "complex", "Resource metadata.", { mutability: "readOnly" }, [
    text("resourceType", "User or Group.", { mutability: "readOnly", caseExact: true }),
    attribute("created", "dateTime", "When the resource was created.", { mutability: "readOnly" }),
    attribute("lastModified", "dateTime", "When the resource last changed.", { mutability: "readOnly" }),
    attribute("location", "reference", "The resource's URI.", { mutability: "readOnly", caseExact: true }),
    text("version", "The resource's version, as a weak ETag.", { mutability: "readOnly", caseExact: true }),
  ]),
];

export type ResourceKind = "User" | "Group";

/** The attributes a resource's JSON holds at its top level: core, common, and for users the extension's URN. */
export function findAttribute(list: readonly AttributeDefinition[], name: string): AttributeDefinition | undefined {
  const lower = name.toLowerCase();
  return list.find((definition) => definition.name.toLowerCase() === lower);
}

export function coreAttributes(kind: ResourceKind): AttributeDefinition[] {
  return kind === "User" ? USER_ATTRIBUTES : GROUP_ATTRIBUTES;
}

export function extensionsOf(kind: ResourceKind): Record<string, AttributeDefinition[]> {
  return kind === "User" ? { [ENTERPRISE_SCHEMA]: ENTERPRISE_ATTRIBUTES } : {};
}

export function coreSchemaOf(kind: ResourceKind): string {
  return kind === "User" ? USER_SCHEMA : GROUP_SCHEMA;
}
