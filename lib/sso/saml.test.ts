// SAML sign-in against the real database, with responses built and signed like an identity
// provider's: what is accepted, and each attack or mistake refused with a reason an admin can act on.
import { inflateRawSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { readSamlResponse, startSamlRequest } from "@/lib/sso/saml";
import { serviceProviderFor } from "@/lib/sso/service-provider";
import { createDistrictAdmin } from "@/test/factories";
import { createIdpKeys, type IdpKeys } from "@/test/saml-idp/keys";
import { buildSamlResponse, newId, type SamlResponseOptions } from "@/test/saml-idp/response";
import { authnRequestIn, OID, startTestIdp } from "@/test/saml-idp/server";

const IDP_ENTITY_ID = "https://idp.springfield.test/saml";
const MINUTE = 60_000;

let keys: IdpKeys;
let strangerKeys: IdpKeys;
let district: { id: string; districtGuid: string };
let connection: { idpEntityId: string; idpCertificates: string[]; idpInitiatedAllowed: boolean };
let adminUserId: string;

beforeAll(async () => {
  [keys, strangerKeys] = await Promise.all([createIdpKeys(), createIdpKeys({ commonName: "stranger.test" })]);
  const admin = await createDistrictAdmin();
  adminUserId = admin.id;
  district = await db().district.findUniqueOrThrow({ where: { id: admin.districtId! }, select: { id: true, districtGuid: true } });
  connection = { idpEntityId: IDP_ENTITY_ID, idpCertificates: [keys.certificate], idpInitiatedAllowed: false };
});

const sp = () => serviceProviderFor(district.districtGuid);
const idp = { idpEntityId: IDP_ENTITY_ID, idpSsoUrl: "https://idp.springfield.test/sso?tenant=springfield" };

/** Starts a sign-in as Rollcall would, and reads the AuthnRequest the browser carries to the IdP. */
async function startRequest(purpose: "sign_in" | "test" = "sign_in", admin?: string) {
  const url = new URL(await startSamlRequest(district, idp, purpose, admin));
  const xml = inflateRawSync(Buffer.from(url.searchParams.get("SAMLRequest")!, "base64")).toString("utf8");
  return { url, xml, id: authnRequestIn(url.toString())!.id };
}

function responseFor(inResponseTo: string | undefined, overrides: Partial<SamlResponseOptions> = {}): SamlResponseOptions {
  return {
    idpEntityId: IDP_ENTITY_ID,
    acsUrl: sp().acsUrl,
    audience: sp().entityId,
    inResponseTo,
    nameId: "ada@springfield.test",
    attributes: { [OID.givenName]: ["Ada"], [OID.mail]: ["ada@springfield.test"], [OID.affiliation]: ["student@springfield.test", "member@springfield.test"] },
    keys,
    sign: "assertion",
    ...overrides,
  };
}

const read = (xmlOrBase64: { SAMLResponse: string }, settings: Partial<typeof connection> = {}) => readSamlResponse(district, { ...connection, ...settings }, xmlOrBase64);
const post = (options: SamlResponseOptions, settings: Partial<typeof connection> = {}) => read({ SAMLResponse: buildSamlResponse(options) }, settings);
const postXml = (xml: string) => read({ SAMLResponse: Buffer.from(xml).toString("base64") });

async function signIn(overrides: Partial<SamlResponseOptions> = {}) {
  const { id } = await startRequest();
  return post(responseFor(id, overrides));
}

describe("startSamlRequest", () => {
  it("sends the browser to the IdP's sign-in URL with an AuthnRequest from this district's service provider", async () => {
    const { url, xml, id } = await startRequest();
    expect(`${url.origin}${url.pathname}`).toBe("https://idp.springfield.test/sso");
    expect(url.searchParams.get("tenant")).toBe("springfield");
    expect(xml).toContain(`AssertionConsumerServiceURL="${sp().acsUrl}"`);
    expect(xml).toContain(`Destination="${idp.idpSsoUrl.replace("&", "&amp;")}"`);
    expect(xml).toContain(`>${sp().entityId}</saml:Issuer>`);
    expect(await db().samlPendingRequest.findUnique({ where: { id } })).toMatchObject({ districtId: district.id, purpose: "sign_in", adminUserId: null });
  });
});

describe("a valid response", () => {
  it("is accepted with every released attribute and its friendly name", async () => {
    const result = await signIn();
    expect(result).toMatchObject({ ok: true, purpose: "sign_in", adminUserId: null, idpInitiated: false });
    if (!result.ok) return;
    expect(result.assertion).toMatchObject({
      issuer: IDP_ENTITY_ID,
      nameId: "ada@springfield.test",
      attributes: { [OID.givenName]: ["Ada"], [OID.mail]: ["ada@springfield.test"], [OID.affiliation]: ["student@springfield.test", "member@springfield.test"] },
      friendlyNames: { [OID.givenName]: "givenName", [OID.mail]: "mail", [OID.affiliation]: "eduPersonScopedAffiliation" },
    });
    expect(result.assertion.notOnOrAfter.getTime()).toBeGreaterThan(Date.now());
  });

  it("answering a test sign-in carries the purpose and the admin who started it", async () => {
    const { id } = await startRequest("test", adminUserId);
    expect(await post(responseFor(id))).toMatchObject({ ok: true, purpose: "test", adminUserId });
  });

  it("is accepted when the whole response, not the assertion, is signed", async () => {
    expect(await signIn({ sign: "response" })).toMatchObject({ ok: true });
  });

  it("is accepted within 3 minutes of clock skew either way", async () => {
    const now = Date.now();
    expect(await signIn({ times: { issueInstant: new Date(now + 2 * MINUTE), notBefore: new Date(now + 2 * MINUTE) } })).toMatchObject({ ok: true });
    expect(await signIn({ times: { issueInstant: new Date(now - 6 * MINUTE), notOnOrAfter: new Date(now - 2 * MINUTE) } })).toMatchObject({ ok: true });
  });

});

describe("a response is refused, with the reason, when", () => {
  it("its content was changed after signing", async () => {
    const { id } = await startRequest();
    const xml = Buffer.from(buildSamlResponse(responseFor(id)), "base64").toString("utf8").replace(">Ada<", ">Eve<");
    expect(await postXml(xml)).toMatchObject({
      ok: false,
      nameId: "ada@springfield.test",
      reason: "The signature was made with this district's signing certificate but does not match the assertion: its content was changed after it was signed. It was refused.",
    });
  });

  it("it is signed with a certificate the district did not configure", async () => {
    const reason = /^The signature does not match any of the district's signing certificates \(it was signed with CN=stranger\.test.*\)\. Upload the identity provider's current certificate\.$/;
    expect(await signIn({ keys: strangerKeys })).toMatchObject({ ok: false, reason: expect.stringMatching(reason) });
    expect(await signIn({ keys: strangerKeys, sign: "response" })).toMatchObject({ ok: false, reason: expect.stringMatching(reason) });
  });

  it("nothing is signed", async () => {
    expect(await signIn({ sign: "none" })).toMatchObject({ ok: false, reason: expect.stringMatching(/^The assertion is not signed/) });
  });

  it("it is for another audience", async () => {
    expect(await signIn({ audience: "https://other.test/sso" })).toMatchObject({
      ok: false,
      reason: `The assertion is for audience https://other.test/sso, but this district's entity ID is ${sp().entityId}. Set the identity provider's entity ID (audience) for Rollcall to ${sp().entityId}.`,
    });
  });

  it("its Recipient or Destination is not this district's ACS URL", async () => {
    expect(await signIn({ recipient: "https://other.test/acs" })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(new RegExp(`^The assertion is for recipient https://other\\.test/acs, but this district's ACS URL is ${sp().acsUrl}\\.`)),
    });
    expect(await signIn({ destination: "https://other.test/acs" })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^The response was addressed to https:\/\/other\.test\/acs, but this district's ACS URL is/),
    });
  });

  it("it was issued by another identity provider", async () => {
    expect(await signIn({ idpEntityId: "https://evil.test/idp" })).toMatchObject({
      ok: false,
      reason: `The assertion was issued by https://evil.test/idp, but this district's identity provider is ${IDP_ENTITY_ID}. Check the entity ID in the identity provider settings.`,
    });
  });

  it("it expired, or is not yet valid, beyond 3 minutes of clock skew", async () => {
    const expiry = new Date(Math.floor((Date.now() - 4 * MINUTE) / 1000) * 1000);
    const expired = await signIn({ times: { issueInstant: new Date(expiry.getTime() - 5 * MINUTE), notOnOrAfter: expiry } });
    const clock = expiry.toISOString().slice(11, 19);
    expect(expired).toMatchObject({ ok: false, reason: expect.stringMatching(new RegExp(`^The assertion expired at ${clock} UTC( on .*)? \\(3 minutes of clock skew allowed\\)\\. Check the identity provider's clock`)) });
    const start = new Date(Date.now() + 4 * MINUTE);
    expect(await signIn({ times: { issueInstant: start, notBefore: start } })).toMatchObject({ ok: false, reason: expect.stringMatching(/^The assertion is not valid until .* UTC.* \(3 minutes of clock skew allowed\)/) });
  });

  it("it answers a request Rollcall did not send, another district's, or one already answered", async () => {
    expect(await post(responseFor("_never-sent"))).toMatchObject({ ok: false, reason: expect.stringMatching(/answers a sign-in request Rollcall did not send for this district, or one already answered/) });

    const otherAdmin = await createDistrictAdmin();
    const other = await db().district.findUniqueOrThrow({ where: { id: otherAdmin.districtId! } });
    const foreign = authnRequestIn(await startSamlRequest(other, idp, "sign_in"))!;
    expect(await post(responseFor(foreign.id))).toMatchObject({ ok: false, reason: expect.stringMatching(/did not send for this district/) });

    const { id } = await startRequest();
    expect(await post(responseFor(id))).toMatchObject({ ok: true });
    expect(await post(responseFor(id))).toMatchObject({ ok: false, reason: expect.stringMatching(/or one already answered \(InResponseTo/) });
  });

  it("its request was started more than 10 minutes ago", async () => {
    const { id } = await startRequest("test", adminUserId);
    await db().samlPendingRequest.update({ where: { id }, data: { createdAt: new Date(Date.now() - 11 * MINUTE) } });
    expect(await post(responseFor(id))).toMatchObject({
      ok: false,
      purpose: "test",
      adminUserId,
      reason: "The sign-in request this response answers was started more than 10 minutes ago. Start the sign-in again.",
    });
  });

  it("it is replayed, even by two requests at once", async () => {
    const { id } = await startRequest();
    const SAMLResponse = buildSamlResponse(responseFor(id));
    expect(await read({ SAMLResponse })).toMatchObject({ ok: true });
    expect(await read({ SAMLResponse })).toMatchObject({ ok: false, reason: expect.stringMatching(/^This assertion was already used \(ID _[0-9a-f]+\)\. Each assertion signs in once/) });

    const unsolicited = buildSamlResponse(responseFor(undefined));
    const results = await Promise.all([1, 2, 3].map(() => read({ SAMLResponse: unsolicited }, { idpInitiatedAllowed: true })));
    expect(results.filter((result) => result.ok)).toHaveLength(1);
  });

  it("it is unsolicited and IdP-initiated sign-in is off (and accepted when on)", async () => {
    expect(await post(responseFor(undefined))).toMatchObject({ ok: false, reason: expect.stringMatching(/IdP-initiated sign-in is off for this district/) });
    expect(await post(responseFor(undefined), { idpInitiatedAllowed: true })).toMatchObject({ ok: true, idpInitiated: true, purpose: "sign_in", adminUserId: null });
  });

  it("the body is missing, too large, not base64, not XML, or not a Response", async () => {
    const reasons = await Promise.all(
      [null, "A".repeat(512 * 1024 + 4), "not base64!", Buffer.from("hello").toString("base64"), Buffer.from("<samlp:AuthnRequest xmlns:samlp='urn:oasis:names:tc:SAML:2.0:protocol'/>").toString("base64")].map(
        async (SAMLResponse) => ((await readSamlResponse(district, connection, { SAMLResponse })) as { reason: string }).reason,
      ),
    );
    expect(reasons).toEqual([
      expect.stringMatching(/carries no SAMLResponse/),
      expect.stringMatching(/larger than 512 KB/),
      "The SAMLResponse is not base64-encoded.",
      "The SAML response is not XML.",
      expect.stringMatching(/^The message is a AuthnRequest, not a SAML Response/),
    ]);
  });

  it("the identity provider answered with an error status", async () => {
    const { id } = await startRequest();
    const xml =
      `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="${newId()}" Version="2.0" IssueInstant="${new Date().toISOString()}" InResponseTo="${id}">` +
      `<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Responder"/><samlp:StatusMessage>User is disabled</samlp:StatusMessage></samlp:Status></samlp:Response>`;
    expect(await postXml(xml)).toMatchObject({ ok: false, reason: "The identity provider did not sign the person in (Responder error: User is disabled). Its sign-in logs say why." });
  });
});

describe("the test identity provider", () => {
  it("signs a person in end to end: AuthnRequest, sign-in form, auto-posted response", async () => {
    const testIdp = await startTestIdp({ keys });
    try {
      const viaTestIdp = { idpEntityId: testIdp.entityId, idpSsoUrl: `${testIdp.url}/sso` };
      const redirect = await startSamlRequest(district, viaTestIdp, "sign_in");
      const form = await (await fetch(redirect)).text();
      expect(form).toContain('<label for="affiliation">Affiliation</label>');
      const hidden = Object.fromEntries([...form.matchAll(/type="hidden" name="(\w+)" value="([^"]*)"/g)].map((match) => [match[1], match[2]]));
      const typed = { email: "grace@springfield.test", givenName: "Grace", familyName: "Hopper", uid: "ghopper", affiliation: "faculty@springfield.test, member" };
      const page = await (await fetch(`${testIdp.url}/sso`, { method: "POST", body: new URLSearchParams({ ...hidden, ...typed }) })).text();
      expect(page).toContain(`action="${sp().acsUrl}"`);
      const SAMLResponse = /name="SAMLResponse" value="([^"]+)"/.exec(page)![1]!;

      const result = await readSamlResponse(district, { ...connection, idpEntityId: testIdp.entityId }, { SAMLResponse });
      expect(result).toMatchObject({
        ok: true,
        idpInitiated: false,
        assertion: {
          nameId: "grace@springfield.test",
          attributes: {
            [OID.givenName]: ["Grace"],
            [OID.sn]: ["Hopper"],
            [OID.mail]: ["grace@springfield.test"],
            [OID.uid]: ["ghopper"],
            [OID.affiliation]: ["faculty@springfield.test", "member"],
            [OID.unscopedAffiliation]: ["faculty", "member"],
          },
          friendlyNames: { [OID.sn]: "sn", [OID.uid]: "uid" },
        },
      });
      expect(testIdp.authnRequests).toHaveLength(1);
    } finally {
      await testIdp.close();
    }
  });

  it("posts an unsolicited response for IdP-initiated sign-in", async () => {
    const testIdp = await startTestIdp({ keys });
    try {
      const query = new URLSearchParams({ acs: sp().acsUrl, audience: sp().entityId, email: "kim@springfield.test", givenName: "Kim" });
      const page = await (await fetch(`${testIdp.url}/idp-initiated?${query}`)).text();
      const SAMLResponse = /name="SAMLResponse" value="([^"]+)"/.exec(page)![1]!;
      const result = await readSamlResponse(district, { ...connection, idpEntityId: testIdp.entityId, idpInitiatedAllowed: true }, { SAMLResponse });
      expect(result).toMatchObject({ ok: true, idpInitiated: true, assertion: { nameId: "kim@springfield.test", attributes: { [OID.givenName]: ["Kim"] } } });
    } finally {
      await testIdp.close();
    }
  });
});

describe("housekeeping", () => {
  it("remembers an assertion until it expires (plus skew), and forgets expired ids and old requests", async () => {
    const notOnOrAfter = new Date(Math.floor((Date.now() + 5 * MINUTE) / 1000) * 1000);
    const result = await signIn({ times: { issueInstant: new Date(notOnOrAfter.getTime() - 5 * MINUTE), notOnOrAfter } });
    if (!result.ok) throw new Error(result.reason);
    const seen = await db().samlAssertionSeen.findUniqueOrThrow({ where: { districtId_assertionId: { districtId: district.id, assertionId: result.assertion.assertionId } } });
    expect(seen.expiresAt).toEqual(new Date(notOnOrAfter.getTime() + 3 * MINUTE));

    await db().samlAssertionSeen.create({ data: { districtId: district.id, assertionId: "_old", expiresAt: new Date(Date.now() - MINUTE) } });
    await db().samlPendingRequest.create({ data: { id: "_stale", districtId: district.id, purpose: "sign_in", createdAt: new Date(Date.now() - 61 * MINUTE) } });
    await post(responseFor(undefined));
    expect(await db().samlAssertionSeen.findMany({ where: { assertionId: "_old" } })).toEqual([]);
    expect(await db().samlPendingRequest.findMany({ where: { id: "_stale" } })).toEqual([]);
  });
});
