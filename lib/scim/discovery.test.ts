// The discovery endpoints identity providers read before provisioning.
import { describe, expect, it } from "vitest";
import { districtWithToken, scimClient } from "@/lib/scim/test-support";

describe("SCIM discovery", () => {
  it("describes the service, its resource types and schemas to an authenticated client only", async () => {
    const { scim } = await districtWithToken();
    const config = await scim("GET", "/ServiceProviderConfig");
    expect(config.status).toBe(200);
    expect(config.body).toMatchObject({ patch: { supported: true }, bulk: { supported: false }, filter: { supported: true }, etag: { supported: true } });

    const types = await scim("GET", "/ResourceTypes");
    expect(types.body.Resources.map((type: { id: string; endpoint: string }) => [type.id, type.endpoint])).toEqual([["User", "/Users"], ["Group", "/Groups"]]);
    expect((await scim("GET", "/ResourceTypes/group")).body.schema).toBe("urn:ietf:params:scim:schemas:core:2.0:Group");

    const schemas = await scim("GET", "/Schemas");
    expect(schemas.body.totalResults).toBe(3);
    const user = await scim("GET", "/Schemas/urn:ietf:params:scim:schemas:core:2.0:User");
    const userName = user.body.attributes.find((attribute: { name: string }) => attribute.name === "userName");
    expect(userName).toMatchObject({ type: "string", required: true, caseExact: false, uniqueness: "server" });
    expect((await scim("GET", "/Schemas/urn:example:nothing")).status).toBe(404);
    expect((await scim("POST", "/ServiceProviderConfig", {})).status).toBe(405);
    expect((await scimClient(null)("GET", "/ServiceProviderConfig")).status).toBe(401);
  });
});
