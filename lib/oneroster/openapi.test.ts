// The OpenAPI document describes every endpoint the router serves, and hangs together.
import { describe, expect, it } from "vitest";
import { ENDPOINTS } from "./endpoints";
import { ENTITY_FIELDS } from "./fields";
import { oneRosterOpenApi } from "./openapi";

describe("oneRosterOpenApi", () => {
  const document = oneRosterOpenApi();

  it("has a GET for every endpoint, each with its own operationId and path parameters", () => {
    expect(Object.keys(document.paths).sort()).toEqual(ENDPOINTS.map((endpoint) => endpoint.path).sort());
    expect(Object.keys(document.paths)).toHaveLength(41);
    const operations = Object.entries(document.paths).map(([path, item]) => ({ path, ...(item.get as { operationId: string; parameters: { name?: string; in?: string }[] }) }));
    expect(new Set(operations.map((operation) => operation.operationId)).size).toBe(41);
    for (const operation of operations) {
      const inPath = [...operation.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => name);
      expect(operation.parameters.filter((parameter) => parameter.in === "path").map((parameter) => parameter.name)).toEqual(inPath);
    }
  });

  it("resolves every $ref", () => {
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"#\/([^"]+)"/g)].map(([, ref]) => ref!);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of new Set(refs)) {
      const target = ref.split("/").reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], document);
      expect(target, ref).toBeDefined();
    }
  });

  it("describes each entity's fields and the client-credentials token endpoint", () => {
    const user = (document.components.schemas as Record<string, { properties: object; required: string[] }>).User!;
    expect(Object.keys(user.properties)).toEqual(Object.keys(ENTITY_FIELDS.user));
    expect(user.required).toContain("sourcedId");
    expect(user.required).not.toContain("email");
    expect(document.components.securitySchemes.oauth2.flows.clientCredentials.tokenUrl).toMatch(/\/api\/oauth\/token$/);
    expect(document.servers[0]!.url).toMatch(/\/ims\/oneroster\/v1p1$/);
  });
});
