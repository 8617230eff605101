// The district API's OpenAPI document names every property the endpoint takes, and hangs together.
import { describe, expect, it } from "vitest";
import { districtOpenApi } from "@/lib/district-api/openapi";
import { checkPerson, PERSON_PROPERTIES } from "@/lib/district-api/people-request";

describe("districtOpenApi", () => {
  const document = districtOpenApi();

  it("describes exactly the person properties the endpoint accepts", () => {
    const documented = Object.keys(document.components.schemas.Person.properties);
    expect(documented).toEqual([...PERSON_PROPERTIES]);
    expect(checkPerson(Object.fromEntries(documented.map((name) => [name, "x"]))).ok).toBe(true);
    expect(document.paths["/api/district/v1/people"].post.responses).toHaveProperty("413");
  });

  it("resolves every $ref", () => {
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"#\/([^"]+)"/g)].map(([, ref]) => ref!);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of new Set(refs)) {
      const target = ref.split("/").reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], document);
      expect(target, ref).toBeDefined();
    }
  });
});
