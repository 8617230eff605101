import { describe, expect, it } from "vitest";
import { attributeLabel, attributeMappingSchema, DEFAULT_ATTRIBUTE_MAPPING, SUPPORTED_ATTRIBUTES } from "@/lib/sso/attributes";

describe("SUPPORTED_ATTRIBUTES", () => {
  it("holds seed 003's 41 attributes once each, eppn and affiliation scoped", () => {
    expect(SUPPORTED_ATTRIBUTES).toHaveLength(41);
    expect(new Set(SUPPORTED_ATTRIBUTES.map((attribute) => attribute.name)).size).toBe(41);
    expect(SUPPORTED_ATTRIBUTES.filter((attribute) => attribute.scoped).map((attribute) => attribute.friendlyName)).toEqual(["eppn", "affiliation"]);
    expect(SUPPORTED_ATTRIBUTES[0]).toEqual({ name: "urn:oid:1.3.6.1.4.1.5923.1.1.1.6", friendlyName: "eppn", scoped: true });
    expect(SUPPORTED_ATTRIBUTES.at(-1)).toEqual({ name: "urn:oid:2.5.4.19", friendlyName: "physicalDeliveryOfficeName", scoped: false });
  });
});

describe("attributeLabel", () => {
  it("shows the friendly name with the OID, and an unknown name as it is", () => {
    expect(attributeLabel("urn:oid:2.5.4.42")).toBe("givenName (urn:oid:2.5.4.42)");
    expect(attributeLabel("urn:oid:0.9.2342.19200300.100.1.3")).toBe("mail (urn:oid:0.9.2342.19200300.100.1.3)");
    expect(attributeLabel("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname")).toBe("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname");
    expect(attributeLabel("URN:OID:2.5.4.42")).toBe("URN:OID:2.5.4.42");
  });
});

describe("attributeMappingSchema", () => {
  const messages = (input: unknown) => {
    const result = attributeMappingSchema.safeParse(input);
    return result.success ? [] : result.error.issues.map((issue) => [issue.path.join("."), issue.message]);
  };
  it("accepts the default mapping", () => {
    expect(attributeMappingSchema.parse(DEFAULT_ATTRIBUTE_MAPPING)).toEqual(DEFAULT_ATTRIBUTE_MAPPING);
  });
  it("takes a blank choice as not mapped", () => {
    expect(attributeMappingSchema.parse({ ...DEFAULT_ATTRIBUTE_MAPPING, netid: "", graduationYear: "" })).toEqual({
      givenName: "urn:oid:2.5.4.42",
      familyName: "urn:oid:2.5.4.4",
      email: "urn:oid:0.9.2342.19200300.100.1.3",
      accountType: "urn:oid:1.3.6.1.4.1.5923.1.1.1.9",
    });
  });
  it("asks for first name, last name and email", () => {
    expect(messages({ givenName: "", accountType: "urn:oid:1.3.6.1.4.1.5923.1.1.1.9" })).toEqual([
      ["givenName", "Choose the attribute that gives the first name."],
      ["familyName", "Choose the attribute that gives the last name."],
      ["email", "Choose the attribute that gives the email."],
    ]);
  });
  it("refuses an attribute that is not on the supported list", () => {
    expect(messages({ ...DEFAULT_ATTRIBUTE_MAPPING, netid: "urn:oid:9.9.9" })).toEqual([["netid", "Choose one of the supported attributes."]]);
  });
});
