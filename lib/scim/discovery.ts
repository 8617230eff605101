// SCIM's discovery endpoints (RFC 7644 §4): what Rollcall supports, its resource types and
// their schemas, from the same definitions that drive the service.
import { notFound } from "@/lib/scim/errors";
import { scimBaseUrl } from "@/lib/scim/resources";
import { COMMON_ATTRIBUTES, ENTERPRISE_ATTRIBUTES, ENTERPRISE_SCHEMA, GROUP_ATTRIBUTES, GROUP_SCHEMA, USER_ATTRIBUTES, USER_SCHEMA, type AttributeDefinition } from "@/lib/scim/schemas";

export const MAX_PAGE_SIZE = 1_000;
const LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

export function serviceProviderConfig() {
  return {
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"],
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: MAX_PAGE_SIZE },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: true },
    authenticationSchemes: [
      {
        type: "oauthbearertoken",
        name: "Bearer token",
        description: "A secret token (rc_scim_…) created on the district's Identity sync page, sent as Authorization: Bearer <token>.",
        specUri: "https://www.rfc-editor.org/rfc/rfc6750",
            primary: true,
      },
    ],
    meta: { resourceType: "ServiceProviderConfig", location: `${scimBaseUrl()}/ServiceProviderConfig` },
  };
}

const RESOURCE_TYPES = {
  User: { endpoint: "/Users", description: "A person of the district; feeds a OneRoster user.", schema: USER_SCHEMA, extensions: [{ schema: ENTERPRISE_SCHEMA, required: false }] },
  Group: { endpoint: "/Groups", description: "A group of the district's people; its name can give them their role.", schema: GROUP_SCHEMA, extensions: [] },
} as const;

function resourceType(name: keyof typeof RESOURCE_TYPES) {
  const type = RESOURCE_TYPES[name];
  return {
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:ResourceType"],
    id: name,
    name,
    endpoint: type.endpoint,
    description: type.description,
    schema: type.schema,
    schemaExtensions: type.extensions,
    meta: { resourceType: "ResourceType", location: `${scimBaseUrl()}/ResourceTypes/${name}` },
  };
}

const SCHEMAS: Record<string, { name: string; description: string; attributes: AttributeDefinition[] }> = {
  [USER_SCHEMA]: { name: "User", description: "User account", attributes: [...USER_ATTRIBUTES, ...COMMON_ATTRIBUTES.filter((one) => one.name === "externalId")] },
  [ENTERPRISE_SCHEMA]: { name: "EnterpriseUser", description: "Enterprise user", attributes: ENTERPRISE_ATTRIBUTES },
  [GROUP_SCHEMA]: { name: "Group", description: "Group", attributes: [...GROUP_ATTRIBUTES, ...COMMON_ATTRIBUTES.filter((one) => one.name === "externalId")] },
};

function schema(id: string) {
  const found = SCHEMAS[id]!;
  return {
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:Schema"],
    id,
    name: found.name,
    description: found.description,
    attributes: found.attributes,
    meta: { resourceType: "Schema", location: `${scimBaseUrl()}/Schemas/${id}` },
  };
}

const listOf = (resources: object[]) => ({ schemas: [LIST_SCHEMA], totalResults: resources.length, itemsPerPage: resources.length, startIndex: 1, Resources: resources });

export function resourceTypes(name?: string) {
  if (name === undefined) return listOf([resourceType("User"), resourceType("Group")]);
  const known = Object.keys(RESOURCE_TYPES).find((one) => one.toLowerCase() === name.toLowerCase()) as keyof typeof RESOURCE_TYPES | undefined;
  if (!known) throw notFound(`No resource type "${name}".`);
  return resourceType(known);
}

export function schemas(id?: string) {
  if (id === undefined) return listOf(Object.keys(SCHEMAS).map(schema));
  const known = Object.keys(SCHEMAS).find((one) => one.toLowerCase() === id.toLowerCase());
  if (!known) throw notFound(`No schema "${id}".`);
  return schema(known);
}

export function listResponse(total: number, startIndex: number, resources: object[]) {
  return { schemas: [LIST_SCHEMA], totalResults: total, itemsPerPage: resources.length, startIndex, Resources: resources };
}
