// OpenAPI 3.1 description of the Partner API and the Data API's token endpoint, served as
// JSON at /api/openapi/partner and rendered at /developers.
import { getConfig } from "@/lib/config";

const errorSchema = {
  type: "object",
  required: ["error"],
  properties: { error: { type: "object", required: ["code", "message"], properties: { code: { type: "string" }, message: { type: "string" } } } },
} as const;

export function partnerOpenApi() {
  return {
    openapi: "3.1.0",
    info: {
      title: "Rollcall Partner API",
      version: "1.0.0",
      description:
        "For vendors' systems. After a webhook names a district (`districtGUID`), exchange it here for that district's Data API credentials, then read its rosters over OneRoster 1.1.",
    },
    servers: [{ url: getConfig().publicUrl }],
    security: [{ partnerKey: [] }],
    components: {
      securitySchemes: {
        partnerKey: { type: "http", scheme: "bearer", description: "A Partner API key (`rc_pk_…`) from the API keys page of the Rollcall console." },
        clientCredentials: { type: "http", scheme: "basic", description: "The Data API client id and secret." },
      },
      schemas: {
        Error: errorSchema,
        Credentials: {
          type: "object",
          required: ["districtGUID", "districtName", "sandbox", "clientId", "clientSecret", "tokenUrl", "oneRosterBaseUrl"],
          properties: {
            districtGUID: { type: "string", format: "uuid" },
            districtName: { type: "string" },
            sandbox: { type: "boolean", description: "True for the sandbox district named by test webhooks." },
            clientId: { type: "string" },
            clientSecret: { type: "string" },
            tokenUrl: { type: "string", format: "uri" },
            oneRosterBaseUrl: { type: "string", format: "uri" },
          },
        },
        Activation: {
          type: "object",
          properties: {
            applicationId: { type: "string", format: "uuid" },
            applicationName: { type: "string" },
            districtGUID: { type: "string", format: "uuid" },
            district: { type: "object", properties: { name: { type: "string" }, state: { type: "string" } } },
            mode: { enum: ["trial", "standard"] },
            status: { enum: ["active", "deactivated"] },
            origin: { enum: ["district", "vendor_request"] },
            autoProvisioned: { type: "boolean" },
            activatedAt: { type: "string", format: "date-time" },
            deactivatedAt: { type: ["string", "null"], format: "date-time" },
          },
        },
        Token: {
          type: "object",
          required: ["access_token", "token_type", "expires_in"],
          properties: { access_token: { type: "string" }, token_type: { const: "bearer" }, expires_in: { type: "integer", const: 3600 } },
        },
      },
    },
    paths: {
      "/api/partner/v1/districts/{districtGUID}/credentials": {
        get: {
          summary: "Data API credentials for one district",
          description:
            "Only for a district with an active activation of one of your applications, or the sandbox district `00000000-0000-4000-8000-000000000000`; any other GUID is 404, whether or not the district exists. The same credentials come back on every call.",
          parameters: [{ name: "districtGUID", in: "path", required: true, schema: { type: "string", format: "uuid" } }],
          responses: {
            "200": { description: "The credentials", content: { "application/json": { schema: { $ref: "#/components/schemas/Credentials" } } } },
            "401": { description: "Missing, unknown or revoked API key", content: { "application/json": { schema: errorSchema } } },
            "403": {
              description: "`vendor_suspended`: the operator suspended the vendor; `district_suspended`: the operator suspended this district (its Data API refuses every token until it is resumed)",
              content: { "application/json": { schema: errorSchema } },
            },
            "404": { description: "No such district among your customers", content: { "application/json": { schema: errorSchema } } },
          },
        },
      },
      "/api/partner/v1/activations": {
        get: {
          summary: "Your applications' activations, newest first",
          parameters: [
            { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 1000, default: 100 }, description: "Larger values are clamped to 1000." },
            { name: "offset", in: "query", schema: { type: "integer", minimum: 0, default: 0 } },
          ],
          responses: {
            "200": {
              description: "One page; `X-Total-Count` and a `Link: <…>; rel=\"next\"` header when there is more",
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    properties: {
                      activations: { type: "array", items: { $ref: "#/components/schemas/Activation" } },
                      paging: { type: "object", properties: { total: { type: "integer" }, limit: { type: "integer" }, offset: { type: "integer" }, next: { type: ["string", "null"] } } },
                    },
                  },
                },
              },
            },
            "400": { description: "Bad limit or offset", content: { "application/json": { schema: errorSchema } } },
            "401": { description: "Missing, unknown or revoked API key", content: { "application/json": { schema: errorSchema } } },
            "403": { description: "`vendor_suspended`: the operator suspended the vendor", content: { "application/json": { schema: errorSchema } } },
          },
        },
      },
      "/api/oauth/token": {
        post: {
          summary: "A Data API access token (OAuth 2.0 client credentials)",
          description: "Client id and secret as HTTP Basic authentication or as form fields. Tokens last one hour.",
          security: [{ clientCredentials: [] }],
          requestBody: {
            required: true,
            content: {
              "application/x-www-form-urlencoded": {
                schema: {
                  type: "object",
                  required: ["grant_type"],
                  properties: { grant_type: { const: "client_credentials" }, client_id: { type: "string" }, client_secret: { type: "string" } },
                },
              },
            },
          },
          responses: {
            "200": { description: "A bearer token", content: { "application/json": { schema: { $ref: "#/components/schemas/Token" } } } },
            "400": { description: "`invalid_request` or `unsupported_grant_type` (RFC 6749)" },
            "401": { description: "`invalid_client`: unknown client id or wrong secret" },
            "403": { description: "`unauthorized_client`: the operator suspended the vendor or the district" },
          },
        },
      },
    },
  };
}
