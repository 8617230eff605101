// Attacks on SAML sign-in, each refused: XML signature wrapping in its usual forms, external
// entities (nothing fetched, nothing read), and a comment splitting the signed NameID.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { readSamlResponse, startSamlRequest } from "@/lib/sso/saml";
import { serviceProviderFor } from "@/lib/sso/service-provider";
import { createDistrictAdmin } from "@/test/factories";
import { createIdpKeys, type IdpKeys } from "@/test/saml-idp/keys";
import { buildAssertionXml, buildSamlResponse, buildSamlResponseXml, buildUnsignedResponseXml, newId, type SamlResponseOptions } from "@/test/saml-idp/response";
import { authnRequestIn, OID } from "@/test/saml-idp/server";

const IDP_ENTITY_ID = "https://idp.springfield.test/saml";

let keys: IdpKeys;
let district: { id: string; districtGuid: string };

beforeAll(async () => {
  keys = await createIdpKeys();
  const admin = await createDistrictAdmin();
  district = await db().district.findUniqueOrThrow({ where: { id: admin.districtId! }, select: { id: true, districtGuid: true } });
});

const sp = () => serviceProviderFor(district.districtGuid);

async function startRequest() {
  const redirect = await startSamlRequest(district, { idpEntityId: IDP_ENTITY_ID, idpSsoUrl: "https://idp.springfield.test/sso" }, "sign_in");
  return { id: authnRequestIn(redirect)!.id };
}

function responseFor(inResponseTo: string, overrides: Partial<SamlResponseOptions> = {}): SamlResponseOptions {
  return {
    idpEntityId: IDP_ENTITY_ID,
    acsUrl: sp().acsUrl,
    audience: sp().entityId,
    inResponseTo,
    nameId: "ada@springfield.test",
    attributes: { [OID.mail]: ["ada@springfield.test"] },
    keys,
    sign: "assertion",
    ...overrides,
  };
}

const postXml = (xml: string) =>
  readSamlResponse(district, { idpEntityId: IDP_ENTITY_ID, idpCertificates: [keys.certificate], idpInitiatedAllowed: false }, { SAMLResponse: Buffer.from(xml).toString("base64") });

describe("XML attacks are refused", () => {
  const ASSERTION = /<saml:Assertion[\s\S]*<\/saml:Assertion>/;
  const SIGNATURE = /<Signature[\s\S]*<\/Signature>/;
  const WRAPPING = "The signature does not cover the assertion where Rollcall reads it: the response was rearranged after signing (XML signature wrapping). It was refused.";
  const forgedFor = (id: string, overrides: Partial<SamlResponseOptions> = {}) =>
    buildAssertionXml(responseFor(id, { nameId: "principal@springfield.test", attributes: { [OID.mail]: ["principal@springfield.test"] }, ...overrides }));

  it("a forged assertion placed beside the signed one", async () => {
    const { id } = await startRequest();
    const signed = buildSamlResponseXml(responseFor(id));
    const xml = signed.replace("<saml:Assertion", `${forgedFor(id)}<saml:Assertion`);
    expect(await postXml(xml)).toMatchObject({ ok: false, reason: expect.stringMatching(/^The response contains more than one assertion/) });
  });

  it("the signed assertion moved into Extensions and a forged one put where it is read", async () => {
    const { id } = await startRequest();
    const signedAssertion = ASSERTION.exec(buildSamlResponseXml(responseFor(id)))![0];
    const wrap = (forged: string) =>
      buildUnsignedResponseXml(responseFor(id)).replace(ASSERTION, forged).replace("</saml:Issuer>", `</saml:Issuer><samlp:Extensions>${signedAssertion}</samlp:Extensions>`);
    const signature = SIGNATURE.exec(signedAssertion)![0];
    const originalId = /ID="([^"]+)"/.exec(signedAssertion)![1]!;

    // Unsigned forgery; then one carrying the original signature, with the original's ID and with its own.
    const unsigned = wrap(forgedFor(id));
    const sameId = wrap(forgedFor(id, { assertionId: originalId }).replace("</saml:Issuer>", `</saml:Issuer>${signature}`));
    const ownId = wrap(forgedFor(id).replace("</saml:Issuer>", `</saml:Issuer>${signature}`));
    expect(await postXml(unsigned)).toMatchObject({ ok: false, reason: expect.stringMatching(/^The assertion is not signed/) });
    expect(await postXml(sameId)).toMatchObject({ ok: false, reason: WRAPPING });
    expect(await postXml(ownId)).toMatchObject({ ok: false, reason: WRAPPING });
  });

  it("a signed response wrapped inside a forged one that carries its signature", async () => {
    const { id } = await startRequest();
    const signed = buildSamlResponseXml(responseFor(id, { sign: "response" }));
    const signature = SIGNATURE.exec(signed)![0];
    const original = signed.replace(signature, "");
    const forged = buildUnsignedResponseXml(responseFor(id, { nameId: "principal@springfield.test" }))
      .replace("</saml:Issuer>", `</saml:Issuer>${signature}<samlp:Extensions>${original}</samlp:Extensions>`);
    expect(await postXml(forged)).toMatchObject({ ok: false, reason: WRAPPING });
  });

  it("a DOCTYPE with external entities, before anything is fetched or read", async () => {
    const hits: string[] = [];
    const tripwire = createServer((request, response) => {
      hits.push(request.url ?? "");
      response.end("tripwire");
    });
    await new Promise<void>((resolve) => tripwire.listen(0, "127.0.0.1", resolve));
    const folder = await mkdtemp(path.join(tmpdir(), "rollcall-xxe-"));
    const secretFile = path.join(folder, "secret.txt");
    const secret = `secret-${newId()}`;
    await writeFile(secretFile, secret);
    try {
      const { id } = await startRequest();
      const body = buildUnsignedResponseXml(responseFor(id, { nameId: "NAME", attributes: { [OID.mail]: ["MAIL"] } }))
        .replace(">NAME<", ">&local;<")
        .replace(">MAIL<", ">&remote;<");
      const port = (tripwire.address() as AddressInfo).port;
      const doctype = `<!DOCTYPE samlp:Response [<!ENTITY remote SYSTEM "http://127.0.0.1:${port}/entity"><!ENTITY local SYSTEM "file://${secretFile}">]>`;
      for (const xml of [`<?xml version="1.0"?>${doctype}${body}`, `${doctype.replace("DOCTYPE", "doctype")}${body}`]) {
        const result = await postXml(xml);
        expect(result).toEqual({
          ok: false,
          reason: "The SAML response contains a DOCTYPE; Rollcall refuses XML with document type declarations.",
          nameId: null,
          purpose: "sign_in",
          adminUserId: null,
        });
        expect(JSON.stringify(result)).not.toContain(secret);
      }
      expect(hits).toEqual([]);
    } finally {
      await new Promise((resolve) => tripwire.close(resolve));
      await rm(folder, { recursive: true, force: true });
    }
  });
});

describe("a NameID split by a comment", () => {
  it("reads the NameID that was signed, even when a comment splits it", async () => {
    const { id } = await startRequest();
    const options = responseFor(id, { nameId: "ada@springfield.test.evil.test" });
    const base64 = buildSamlResponse(options);
    // Canonicalization drops comments, so the signature still holds; the value read must be the whole signed text.
    const xml = Buffer.from(base64, "base64").toString("utf8").replace("ada@springfield.test.evil.test</saml:NameID>", "ada@springfield.test<!---->.evil.test</saml:NameID>");
    expect(await postXml(xml)).toMatchObject({ ok: true, assertion: { nameId: "ada@springfield.test.evil.test" } });
  });
});
