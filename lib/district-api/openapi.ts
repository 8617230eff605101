// OpenAPI 3.1 description of the district API (the people upsert endpoint), served as JSON at
// /api/openapi/district and rendered at /developers. Built from the request's own property
// list and limits, so the two cannot drift apart.
import { getConfig } from "@/lib/config";
import { COLUMN_HELP } from "@/lib/imports/people/columns";
import { ITEM_OUTCOMES, MAX_BODY_BYTES, MAX_PEOPLE_PER_REQUEST, PERSON_PROPERTIES } from "@/lib/district-api/people-request";
import { MATCH_KEYS } from "@/lib/imports/types";

const PEOPLE_PATH = "/api/district/v1/people";

const errorSchema = {
  type: "object",
  required: ["error"],
  properties: { error: { type: "object", required: ["code", "message"], properties: { code: { type: "string" }, message: { type: "string" } } } },
} as const;

const errorAnswer = (description: string) => ({ description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } });

function personSchema() {
  const property = (name: (typeof PERSON_PROPERTIES)[number]) => {
    if (name === "status") return { type: ["string", "null"], enum: ["active", "inactive", null], description: "inactive deactivates the person (OneRoster status tobedeleted); active brings them back." };
    if (name === "graduation_year") return { type: ["string", "integer", "null"], description: COLUMN_HELP.graduation_year, examples: [2031] };
    return { type: ["string", "null"], description: COLUMN_HELP[name] };
  };
  return {
    type: "object",
    additionalProperties: false,
    description:
      "Only the properties sent change; null or an empty string changes nothing. A new person needs email, first_name, last_name and account_type. An unknown property makes the item an error naming it.",
    properties: Object.fromEntries(PERSON_PROPERTIES.map((name) => [name, property(name)])),
  };
}

export function districtOpenApi() {
  return {
    openapi: "3.1.0",
    info: {
      title: "Rollcall District API",
      version: "1.0.0",
      description:
        "For a district's own systems (student information system, directory). Create, update and deactivate the district's people; vendors then read them over OneRoster.",
    },
    servers: [{ url: getConfig().publicUrl }],
    security: [{ districtToken: [] }],
    components: {
      securitySchemes: {
        districtToken: { type: "http", scheme: "bearer", description: "A district API token (`rc_dist_…`) from the API tokens tab of the Imports page." },
      },
      schemas: {
        Error: errorSchema,
        Person: personSchema(),
        ItemError: {
          type: "object",
          required: ["field", "message"],
          properties: { field: { type: ["string", "null"], description: "The property at fault, or null for the item as a whole." }, message: { type: "string" } },
        },
        ItemResult: {
          type: "object",
          required: ["index", "outcome", "matchedBy", "sourcedId", "errors"],
          properties: {
            index: { type: "integer", description: "The item's 0-based position in the request." },
            outcome: { enum: [...ITEM_OUTCOMES], description: "A deactivation is `updated`. `conflict`: the identifiers point at different people; nothing was changed." },
            matchedBy: { enum: [...MATCH_KEYS, null], description: "The identifier that found an existing person." },
            sourcedId: { type: ["string", "null"], description: "The person's OneRoster sourcedId, as vendors see it." },
            errors: { type: "array", items: { $ref: "#/components/schemas/ItemError" } },
            warnings: { type: "array", items: { $ref: "#/components/schemas/ItemError" }, description: "Present only when there are some; the item was applied." },
          },
        },
      },
    },
    paths: {
      [PEOPLE_PATH]: {
        post: {
          summary: "Create, update or deactivate people",
          description: `One person as a JSON object, or {"people": [ … ]} with 1 to ${MAX_PEOPLE_PER_REQUEST.toLocaleString("en-US")} people, applied in one transaction. An existing person is matched by netid3, then netid2, then netid, then email (without regard to case). Each item is answered on its own, in request order: one item's error does not stop the others. Sending the same request again changes nothing (every item is unchanged). Every request is recorded in the district's import history.`,
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: {
                  oneOf: [
                    { $ref: "#/components/schemas/Person" },
                    {
                      type: "object",
                      required: ["people"],
                      additionalProperties: false,
                      properties: { people: { type: "array", minItems: 1, maxItems: MAX_PEOPLE_PER_REQUEST, items: { $ref: "#/components/schemas/Person" } } },
                    },
                  ],
                },
              },
            },
          },
          responses: {
            "200": {
              description: "The request was processed, even if some items are errors: one result per item, in request order, and the counts",
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    required: ["importId", "results", "summary"],
                    properties: {
                      importId: { type: "string", format: "uuid", description: "This request in the district's import history." },
                      results: { type: "array", items: { $ref: "#/components/schemas/ItemResult" } },
                      summary: { type: "object", properties: Object.fromEntries(["total", ...ITEM_OUTCOMES].map((name) => [name, { type: "integer" }])) },
                    },
                  },
                },
              },
            },
            "400": errorAnswer("`invalid_json`: the body is not JSON; `invalid_body`: not a person or {\"people\": [ … ]}, or an empty list. Nothing was stored."),
            "401": errorAnswer("`unauthorised`: a missing, unknown or revoked token."),
            "403": errorAnswer("`district_suspended`: the operator suspended the district; the token works again once it is resumed."),
            "413": errorAnswer(
              `\`too_many_people\`: more than ${MAX_PEOPLE_PER_REQUEST.toLocaleString("en-US")} people; \`body_too_large\`: a body over ${MAX_BODY_BYTES / 1024 / 1024} MB, refused before reading it. Nothing was stored.`,
            ),
            "415": errorAnswer("`unsupported_media_type`: the body was not sent as Content-Type: application/json."),
          },
        },
      },
    },
  };
}
