// The service-provider details and metadata a district admin hands to their identity provider.
import { DOMParser } from "@xmldom/xmldom";
import { describe, expect, it } from "vitest";
import { getConfig } from "@/lib/config";
import { serviceProviderFor, serviceProviderMetadataXml } from "@/lib/sso/service-provider";

const MD = "urn:oasis:names:tc:SAML:2.0:metadata";
const GUID = "6f1c1d1e-0b7a-4a53-9a55-2d3f1f0c9b21";

describe("serviceProviderFor", () => {
  it("gives each district its own entity ID, ACS, metadata and sign-in URLs under the instance's address", () => {
    const base = getConfig().publicUrl;
    expect(serviceProviderFor(GUID)).toEqual({
      entityId: `${base}/sso/${GUID}`,
      signInUrl: `${base}/sso/${GUID}`,
      acsUrl: `${base}/sso/${GUID}/acs`,
      metadataUrl: `${base}/sso/${GUID}/metadata`,
      testSignInUrl: `${base}/sso/${GUID}/test`,
    });
  });
});

describe("serviceProviderMetadataXml", () => {
  it("describes an SP that wants signed assertions posted to its ACS URL", () => {
    const root = new DOMParser().parseFromString(serviceProviderMetadataXml(GUID), "text/xml").documentElement!;
    const sp = serviceProviderFor(GUID);
    expect(root.getAttribute("entityID")).toBe(sp.entityId);
    const descriptor = root.getElementsByTagNameNS(MD, "SPSSODescriptor")[0]!;
    expect(descriptor.getAttribute("WantAssertionsSigned")).toBe("true");
    const acs = descriptor.getElementsByTagNameNS(MD, "AssertionConsumerService")[0]!;
    expect([acs.getAttribute("Binding"), acs.getAttribute("Location")]).toEqual(["urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST", sp.acsUrl]);
    const formats = Array.from(descriptor.getElementsByTagNameNS(MD, "NameIDFormat")).map((format) => format.textContent);
    expect(formats).toEqual(["urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified", "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress"]);
  });
});
