// OpenAPI 3.1 description of the OneRoster 1.1 Data API, built from the same endpoint and
// field tables the API itself runs on, so the two cannot drift apart.
import { getConfig } from "@/lib/config";
import { COLLECTIONS } from "./collections";
import { API_BASE_PATH, ENDPOINTS, type Endpoint } from "./endpoints";
import { ENTITY_FIELDS, type EntityName, type FieldSpec } from "./fields";
import { DEFAULT_LIMIT, MAX_LIMIT } from "./query-params";

const TOKEN_PATH = "/api/oauth/token";

const SCHEMA_NAMES: Record<EntityName, string> = {
  academicSession: "AcademicSession",
  org: "Org",
  course: "Course",
  class: "Class",
  user: "User",
  enrollment: "Enrollment",
  demographics: "Demographics",
};

const guidRef = { $ref: "#/components/schemas/GUIDRef" };

function fieldSchema(name: string, spec: FieldSpec): object {
  switch (spec.kind) {
    case "string":
      return { type: "string" };
    case "enum":
      return { type: "string", enum: spec.values };
    case "datetime":
      return { type: "string", format: "date-time" };
    case "date":
      return { type: "string", format: "date", description: "YYYY-MM-DD" };
    case "boolean":
      return { type: "string", enum: ["true", "false"] };
    case "strings":
      return { type: "array", items: { type: "string" } };
    case "json":
      return name === "userIds"
        ? { type: "array", items: { type: "object", required: ["type", "identifier"], properties: { type: { type: "string" }, identifier: { type: "string" } } } }
        : { type: "object", additionalProperties: true };
    case "ref":
      return guidRef;
    case "refs":
    case "children":
      return { type: "array", items: guidRef };
  }
}

function entitySchema(entity: EntityName): object {
  const fields = Object.entries(ENTITY_FIELDS[entity]);
  return {
    type: "object",
    description: "Fields without a value are left out; `fields=` shows only the fields named.",
    required: fields.filter(([, spec]) => !("optional" in spec && spec.optional)).map(([name]) => name),
    properties: Object.fromEntries(fields.map(([name, spec]) => [name, fieldSchema(name, spec)])),
  };
}

function operation(endpoint: Endpoint): object {
  const collection = COLLECTIONS[endpoint.collection];
  const schema = { $ref: `#/components/schemas/${SCHEMA_NAMES[collection.entity]}` };
  const pathParameters = [...endpoint.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name,
    in: "path",
    required: true,
    schema: { type: "string" },
    description: "A sourcedId.",
  }));
  const isList = endpoint.kind === "list";
  return {
    operationId: endpoint.operationId,
    summary: endpoint.summary,
    tags: [endpoint.path.split("/")[1]],
    parameters: [
      ...pathParameters,
      ...(isList ? ["limit", "offset", "sort", "orderBy", "filter"].map((name) => ({ $ref: `#/components/parameters/${name}` })) : []),
      { $ref: "#/components/parameters/fields" },
    ],
    responses: {
      200: {
        description: "OK",
        ...(isList && {
          headers: {
            "X-Total-Count": { description: "How many records match, after the filter.", schema: { type: "integer" } },
            Link: { description: "RFC 8288 links to the first, prev, next and last pages, with the same query.", schema: { type: "string" } },
          },
        }),
        content: {
          "application/json": {
            schema: {
              type: "object",
              required: [isList ? collection.plural : collection.singular],
              properties: { [isList ? collection.plural : collection.singular]: isList ? { type: "array", items: schema } : schema },
            },
          },
        },
      },
      400: { $ref: "#/components/responses/BadQuery" },
      401: { $ref: "#/components/responses/Unauthorised" },
      403: { $ref: "#/components/responses/Forbidden" },
      404: { $ref: "#/components/responses/NotFound" },
    },
  };
}

const statusInfo = (description: string) => ({
  description,
  content: { "application/json": { schema: { $ref: "#/components/schemas/StatusInfoSet" } } },
});

export function oneRosterOpenApi() {
  const { publicUrl } = getConfig();
  return {
    openapi: "3.1.0",
    info: {
      title: "Rollcall OneRoster 1.1 Data API",
      version: "1.1",
      description:
        "Read-only IMS OneRoster 1.1 rostering service for one district: its orgs, academic sessions, courses, classes, users, enrollments and demographics. A bearer token from the token endpoint reads exactly one district.",
    },
    servers: [{ url: `${publicUrl}${API_BASE_PATH}` }],
    security: [{ oauth2: [] }, { bearer: [] }],
    paths: Object.fromEntries(ENDPOINTS.map((endpoint) => [endpoint.path, { get: operation(endpoint) }])),
    components: {
      securitySchemes: {
        oauth2: {
          type: "oauth2",
          description: "OAuth 2.0 client credentials: the Data API client id and secret buy a bearer token valid for an hour.",
          flows: { clientCredentials: { tokenUrl: `${publicUrl}${TOKEN_PATH}`, scopes: {} } },
        },
        bearer: { type: "http", scheme: "bearer", description: `An access token from ${TOKEN_PATH}.` },
      },
      parameters: {
        limit: {
          name: "limit",
          in: "query",
          description: `Records per page; larger values are treated as ${MAX_LIMIT}.`,
          schema: { type: "integer", minimum: 1, default: DEFAULT_LIMIT, maximum: MAX_LIMIT },
        },
        offset: { name: "offset", in: "query", description: "Records to skip.", schema: { type: "integer", minimum: 0, default: 0 } },
        sort: {
          name: "sort",
          in: "query",
          description: "A field to sort by (a reference as `school.sourcedId`); sourcedId by default and as the tie-breaker.",
          schema: { type: "string" },
        },
        orderBy: { name: "orderBy", in: "query", schema: { type: "string", enum: ["asc", "desc"], default: "asc" } },
        filter: {
          name: "filter",
          in: "query",
          description:
            "`field op 'value'` with op one of = != > >= < <= ~ (contains, case-insensitive), joined by AND / OR (AND first). References are filtered as `school.sourcedId`; on lists (grades, orgs.sourcedId) = means 'contains'. Dates as YYYY-MM-DD, dateLastModified as ISO 8601. A quote inside a value is written twice.",
          schema: { type: "string" },
          example: "status='active' AND dateLastModified>'2026-08-01T00:00:00Z'",
        },
        fields: { name: "fields", in: "query", description: "Comma-separated fields to show in each record.", schema: { type: "string" }, example: "sourcedId,givenName,familyName" },
      },
      responses: {
        BadQuery: statusInfo(
          "A malformed or unknown filter, sort or fields value (invalid_filter_field, invalid_sort_field, invalid_selection_field) or limit/offset (invaliddata).",
        ),
        Unauthorised: statusInfo("No token, or an unknown or expired one (unauthorisedrequest)."),
        Forbidden: statusInfo("The district no longer uses any of the vendor's applications (forbidden)."),
        NotFound: statusInfo("No such record in the token's district, or no such endpoint (unknownobject)."),
      },
      schemas: {
        ...Object.fromEntries((Object.keys(SCHEMA_NAMES) as EntityName[]).map((entity) => [SCHEMA_NAMES[entity], entitySchema(entity)])),
        GUIDRef: {
          type: "object",
          required: ["href", "sourcedId", "type"],
          properties: {
            href: { type: "string", format: "uri" },
            sourcedId: { type: "string" },
            type: { type: "string", enum: ["academicSession", "org", "course", "class", "user"] },
          },
        },
        StatusInfoSet: {
          type: "object",
          required: ["statusInfoSet"],
          properties: {
            statusInfoSet: {
              type: "array",
              items: {
                type: "object",
                required: ["imsx_codeMajor", "imsx_severity", "imsx_CodeMinor"],
                properties: {
                  imsx_codeMajor: { const: "failure" },
                  imsx_severity: { const: "error" },
                  imsx_description: { type: "string" },
                  imsx_CodeMinor: {
                    type: "object",
                    properties: {
                      imsx_codeMinorField: {
                        type: "array",
                        items: {
                          type: "object",
                          properties: {
                            imsx_codeMinorFieldName: { type: "string" },
                            imsx_codeMinorFieldValue: {
                              type: "string",
                              enum: ["invalid_filter_field", "invalid_selection_field", "invalid_sort_field", "invaliddata", "unknownobject", "unauthorisedrequest", "forbidden", "internal_server_error"],
                            },
                          },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  };
}
