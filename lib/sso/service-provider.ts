// Rollcall as a SAML service provider for one district: the entity ID, ACS URL and metadata
// a district admin gives their identity provider. Each district is its own service provider.
import { getConfig } from "@/lib/config";

export type ServiceProvider = { entityId: string; acsUrl: string; metadataUrl: string; signInUrl: string; testSignInUrl: string };

const POST_BINDING = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST";
export const NAME_ID_UNSPECIFIED = "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified";
const NAME_ID_EMAIL = "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress";

export function serviceProviderFor(districtGuid: string): ServiceProvider {
  const entityId = `${getConfig().publicUrl}/sso/${encodeURIComponent(districtGuid)}`;
  return {
    entityId,
    signInUrl: entityId,
    acsUrl: `${entityId}/acs`,
    metadataUrl: `${entityId}/metadata`,
    testSignInUrl: `${entityId}/test`,
  };
}

/** SP metadata an identity provider can import; assertions must come signed, to the one POST endpoint. */
export function serviceProviderMetadataXml(districtGuid: string): string {
  const { entityId, acsUrl } = serviceProviderFor(districtGuid);
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="${escapeXml(entityId)}">`,
    `  <md:SPSSODescriptor AuthnRequestsSigned="false" WantAssertionsSigned="true" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">`,
    `    <md:NameIDFormat>${NAME_ID_UNSPECIFIED}</md:NameIDFormat>`,
    `    <md:NameIDFormat>${NAME_ID_EMAIL}</md:NameIDFormat>`,
    `    <md:AssertionConsumerService Binding="${POST_BINDING}" Location="${escapeXml(acsUrl)}" index="0" isDefault="true"/>`,
    `  </md:SPSSODescriptor>`,
    `</md:EntityDescriptor>`,
    ``,
  ].join("\n");
}

function escapeXml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
