// Reading a district's identity provider from metadata (pasted or fetched) or from typed values.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { certificateSummary } from "@/lib/sso/certificate";
import { checkIdentityProvider, fetchIdpMetadata, parseIdpMetadata } from "@/lib/sso/idp-metadata";
import { createIdpKeys, type IdpKeys } from "@/test/saml-idp/keys";
import { startTestIdp, type TestIdp } from "@/test/saml-idp/server";

const NOW = new Date("2025-06-01T12:00:00Z");
const REDIRECT = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";
const POST = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST";

let current: IdpKeys;
let idp: TestIdp;

beforeAll(async () => {
  current = await createIdpKeys({ validFrom: new Date("2025-01-01T00:00:00Z"), validTo: new Date("2027-01-01T00:00:00Z") });
  idp = await startTestIdp({ keys: current, entityId: "https://idp.springfield.test/saml" });
});
afterAll(() => idp.close());

const bare = (keys: IdpKeys) => keys.certificate.replace(/-----(BEGIN|END) CERTIFICATE-----|\s+/g, "");

function entity({
  entityId = "https://idp.springfield.test/saml",
  bindings = [REDIRECT, POST],
  certificates = [bare(current)],
  use = "signing" as string | null,
  ssoUrl = "https://idp.springfield.test/sso",
} = {}) {
  const keys = certificates
    .map((cert) => `<md:KeyDescriptor${use ? ` use="${use}"` : ""}><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${cert}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>`)
    .join("");
  const services = bindings.map((binding) => `<md:SingleSignOnService Binding="${binding}" Location="${ssoUrl}"/>`).join("");
  return `<md:EntityDescriptor entityID="${entityId}"><md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">${keys}${services}</md:IDPSSODescriptor></md:EntityDescriptor>`;
}
const NS = `xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#"`;
const metadata = (options?: Parameters<typeof entity>[0]) => entity(options).replace("<md:EntityDescriptor ", `<md:EntityDescriptor ${NS} `);
const group = (...entities: string[]) => `<md:EntitiesDescriptor ${NS}>${entities.join("")}</md:EntitiesDescriptor>`;

describe("parseIdpMetadata", () => {
  it("reads the entity ID, the HTTP-Redirect sign-in URL and the signing certificate as PEM", () => {
    const result = parseIdpMetadata(metadata(), NOW);
    expect(result).toEqual({
      ok: true,
      idp: { entityId: "https://idp.springfield.test/saml", ssoUrl: "https://idp.springfield.test/sso", certificates: [expect.stringMatching(/^-----BEGIN CERTIFICATE-----\n/)] },
      warnings: [],
    });
    if (result.ok) expect(certificateSummary(result.idp.certificates[0]!).sha256Fingerprint).toBe(certificateSummary(current.certificate).sha256Fingerprint);
  });

  it("reads the test identity provider's own metadata, and a KeyDescriptor without use", () => {
    expect(parseIdpMetadata(idp.metadataXml, NOW)).toMatchObject({ ok: true, idp: { entityId: idp.entityId, ssoUrl: `${idp.url}/sso` } });
    expect(parseIdpMetadata(metadata({ use: null }), NOW)).toMatchObject({ ok: true });
  });

  it("ignores encryption-only keys, and says so when no signing certificate is left", () => {
    expect(parseIdpMetadata(metadata({ use: "encryption" }), NOW)).toEqual({ ok: false, message: expect.stringMatching(/lists no signing certificate/) });
  });

  it("refuses metadata that offers only the HTTP-POST binding, saying Rollcall sends requests with HTTP-Redirect", () => {
    const result = parseIdpMetadata(metadata({ bindings: [POST] }), NOW);
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/only with the HTTP-POST binding\. Rollcall sends sign-in requests with HTTP-Redirect/) });
  });

  it("refuses an expired certificate with the day it expired", async () => {
    const expired = await createIdpKeys({ validFrom: new Date("2024-03-03T00:00:00Z"), validTo: new Date("2025-03-03T10:00:00Z") });
    const result = parseIdpMetadata(metadata({ certificates: [bare(expired)] }), NOW);
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/expired on 3 March 2025\. Download the current one from your identity provider\.$/) });
  });

  it("refuses a certificate that is not valid yet, and one that cannot be read", async () => {
    const future = await createIdpKeys({ validFrom: new Date("2025-09-01T00:00:00Z"), validTo: new Date("2026-09-01T00:00:00Z") });
    expect(parseIdpMetadata(metadata({ certificates: [bare(future)] }), NOW)).toEqual({ ok: false, message: expect.stringMatching(/is not valid until 1 September 2025/) });
    expect(parseIdpMetadata(metadata({ certificates: ["bm90IGEgY2VydGlmaWNhdGU="] }), NOW)).toEqual({ ok: false, message: expect.stringMatching(/could not be read/) });
  });

  it("warns about a certificate that expires within 30 days", async () => {
    const soon = await createIdpKeys({ validFrom: new Date("2025-01-01T00:00:00Z"), validTo: new Date("2025-06-11T12:00:00Z") });
    const result = parseIdpMetadata(metadata({ certificates: [bare(soon)] }), NOW);
    expect(result).toMatchObject({ ok: true, warnings: [expect.stringMatching(/expires on 11 June 2025 \(in 10 days\)/)] });
  });

  it("during a key rollover keeps the current certificate and ignores the expired one, with a warning", async () => {
    const expired = await createIdpKeys({ validFrom: new Date("2024-01-01T00:00:00Z"), validTo: new Date("2025-01-01T00:00:00Z") });
    const result = parseIdpMetadata(metadata({ certificates: [bare(expired), bare(current)] }), NOW);
    expect(result).toMatchObject({ ok: true, warnings: [expect.stringMatching(/Signing certificate 1 .* expired on 1 January 2025; Rollcall ignores it/)] });
    if (result.ok) expect(result.idp.certificates.map((pem) => certificateSummary(pem).validTo)).toEqual([new Date("2027-01-01T00:00:00Z")]);
  });

  it("refuses a document with several identity providers, and accepts a group holding one", () => {
    const other = entity({ entityId: "https://idp.shelbyville.test/saml" });
    expect(parseIdpMetadata(group(entity(), other), NOW)).toEqual({ ok: false, message: "The metadata contains 2 identity providers; paste the metadata of one." });
    const serviceProvider = `<md:EntityDescriptor entityID="https://app.test"><md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"/></md:EntityDescriptor>`;
    expect(parseIdpMetadata(group(serviceProvider, entity()), NOW)).toMatchObject({ ok: true, idp: { entityId: "https://idp.springfield.test/saml" } });
    expect(parseIdpMetadata(group(serviceProvider), NOW)).toEqual({ ok: false, message: expect.stringMatching(/describes no identity provider/) });
  });

  it("refuses a DOCTYPE before parsing, so no entity is ever expanded", () => {
    const withDoctype = `<?xml version="1.0"?><!DOCTYPE md [<!ENTITY x SYSTEM "file:///etc/passwd">]>${metadata({ entityId: "&x;" })}`;
    expect(parseIdpMetadata(withDoctype, NOW)).toEqual({
      ok: false,
      message: "The metadata contains a DOCTYPE; Rollcall refuses XML with document type declarations.",
    });
  });

  it("says what is wrong with XML that is not metadata, not well-formed, or with an http sign-in URL", () => {
    expect(parseIdpMetadata("just text", NOW)).toEqual({ ok: false, message: "The metadata is not XML." });
    expect(parseIdpMetadata("<md:EntityDescriptor", NOW)).toEqual({ ok: false, message: expect.stringMatching(/^The metadata is not well-formed XML/) });
    expect(parseIdpMetadata("<html><body/></html>", NOW)).toEqual({ ok: false, message: expect.stringMatching(/is not SAML metadata/) });
    expect(parseIdpMetadata(metadata({ ssoUrl: "http://idp.springfield.test/sso" }), NOW)).toEqual({
      ok: false,
      message: "The sign-in (SSO) URL must start with https:// (it is http).",
    });
  });
});

describe("checkIdentityProvider", () => {
  const typed = { entityId: "https://idp.springfield.test/saml", ssoUrl: "https://idp.springfield.test/sso" };

  it("accepts a certificate pasted as PEM or as bare base64, and stores PEM", () => {
    for (const certificate of [current.certificate, bare(current)]) {
      const result = checkIdentityProvider({ ...typed, certificates: [certificate] }, NOW);
      expect(result).toMatchObject({ ok: true, idp: { ...typed, certificates: [expect.stringMatching(/^-----BEGIN CERTIFICATE-----/)] } });
    }
  });

  it("says which value is missing or wrong", () => {
    expect(checkIdentityProvider({ ...typed, entityId: " ", certificates: [current.certificate] }, NOW)).toEqual({ ok: false, message: "Enter the identity provider's entity ID." });
    expect(checkIdentityProvider({ ...typed, ssoUrl: "idp/sso", certificates: [current.certificate] }, NOW)).toEqual({ ok: false, message: "The sign-in (SSO) URL is not a valid URL." });
    expect(checkIdentityProvider({ ...typed, certificates: [""] }, NOW)).toEqual({ ok: false, message: "Add the identity provider's signing certificate." });
    expect(checkIdentityProvider({ ...typed, certificates: [current.certificate, "garbage"] }, NOW)).toEqual({ ok: false, message: expect.stringMatching(/^Signing certificate 2 could not be read/) });
  });

  it("allows plain http only for the hosts the operator allowed (127.0.0.1 in tests)", () => {
    expect(checkIdentityProvider({ ...typed, ssoUrl: `${idp.url}/sso`, certificates: [current.certificate] }, NOW)).toMatchObject({ ok: true });
  });
});

describe("fetchIdpMetadata", () => {
  it("fetches and reads the identity provider's metadata URL", async () => {
    expect(await fetchIdpMetadata(idp.metadataUrl)).toMatchObject({ ok: true, idp: { entityId: idp.entityId } });
  });

  it("says what the server answered, or why it could not be reached", async () => {
    expect(await fetchIdpMetadata(`${idp.url}/missing`)).toEqual({ ok: false, message: expect.stringMatching(/^The metadata URL answered 404\./) });
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    expect(await fetchIdpMetadata(`http://127.0.0.1:${port}/metadata`)).toEqual({ ok: false, message: expect.stringMatching(/^The metadata URL could not be reached: Connection refused/) });
    expect(await fetchIdpMetadata("ftp://idp.springfield.test/metadata")).toEqual({ ok: false, message: "The metadata URL must start with https:// (it is ftp)." });
  });

  it("refuses metadata larger than 1 MB", async () => {
    const large = createServer((_request, response) => response.end(`<x>${"a".repeat(1024 * 1024 + 10)}</x>`));
    await new Promise<void>((resolve) => large.listen(0, "127.0.0.1", resolve));
    try {
      const result = await fetchIdpMetadata(`http://127.0.0.1:${(large.address() as AddressInfo).port}/metadata`);
      expect(result).toEqual({ ok: false, message: expect.stringMatching(/larger than 1 MB/) });
    } finally {
      await new Promise((resolve) => large.close(resolve));
    }
  });
});
