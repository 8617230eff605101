// Builds SAML Responses as an identity provider would, signed with xml-crypto: the happy path
// for the test IdP, and the pieces (unsigned XML, signing one element) tests use to forge.
import { randomBytes } from "node:crypto";
import { SignedXml } from "xml-crypto";
import type { IdpKeys } from "./keys";

export type ResponseTimes = { issueInstant?: Date; notBefore?: Date; notOnOrAfter?: Date };

export type SamlResponseOptions = {
  idpEntityId: string;
  /** The ACS URL: the Response's Destination and the SubjectConfirmationData's Recipient. */
  acsUrl: string;
  audience: string;
  inResponseTo?: string;
  nameId: string;
  attributes: Record<string, string[]>;
  /** FriendlyName per attribute name; the common OIDs have theirs by default. */
  friendlyNames?: Record<string, string>;
  assertionId?: string;
  responseId?: string;
  times?: ResponseTimes;
  keys: IdpKeys;
  sign: "assertion" | "response" | "none";
  /** Overrides for tests of one wrong value. */
  recipient?: string;
  destination?: string | null;
};

const SIGNATURE_ALGORITHM = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
const DIGEST_ALGORITHM = "http://www.w3.org/2001/04/xmlenc#sha256";
const EXCLUSIVE_C14N = "http://www.w3.org/2001/10/xml-exc-c14n#";
const ENVELOPED = "http://www.w3.org/2000/09/xmldsig#enveloped-signature";
const FIVE_MINUTES_MS = 5 * 60_000;

export const FRIENDLY_NAMES: Record<string, string> = {
  "urn:oid:2.5.4.42": "givenName",
  "urn:oid:2.5.4.4": "sn",
  "urn:oid:0.9.2342.19200300.100.1.3": "mail",
  "urn:oid:0.9.2342.19200300.100.1.1": "uid",
  "urn:oid:1.3.6.1.4.1.5923.1.1.1.9": "eduPersonScopedAffiliation",
  "urn:oid:1.3.6.1.4.1.5923.1.1.1.1": "eduPersonAffiliation",
  "urn:oid:1.3.6.1.4.1.5923.1.1.1.6": "eduPersonPrincipalName",
  "urn:oid:2.16.840.1.113730.3.1.241": "displayName",
};

/** The SAMLResponse form value (base64 of the XML). */
export function buildSamlResponse(options: SamlResponseOptions): string {
  return toBase64(buildSamlResponseXml(options));
}

export function buildSamlResponseXml(options: SamlResponseOptions): string {
  const unsigned = buildUnsignedResponseXml(options);
  if (options.sign === "none") return unsigned;
  return signElement(unsigned, options.sign === "assertion" ? "Assertion" : "Response", options.keys);
}

export function toBase64(xml: string): string {
  return Buffer.from(xml, "utf8").toString("base64");
}

export function newId(): string {
  return `_${randomBytes(16).toString("hex")}`;
}

/** The Response, nothing signed; `assertionXml` alone is what `buildAssertionXml` gives. */
export function buildUnsignedResponseXml(options: SamlResponseOptions): string {
  const issueInstant = options.times?.issueInstant ?? new Date();
  const destination = options.destination === undefined ? options.acsUrl : options.destination;
  return (
    `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion"` +
    ` ID="${escape(options.responseId ?? newId())}" Version="2.0" IssueInstant="${issueInstant.toISOString()}"` +
    (destination === null ? "" : ` Destination="${escape(destination)}"`) +
    (options.inResponseTo ? ` InResponseTo="${escape(options.inResponseTo)}"` : "") +
    `>` +
    `<saml:Issuer>${escape(options.idpEntityId)}</saml:Issuer>` +
    `<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>` +
    buildAssertionXml(options) +
    `</samlp:Response>`
  );
}

/** An unsigned Assertion (its namespace prefix `saml` declared on it, so it stands alone too). */
export function buildAssertionXml(options: SamlResponseOptions): string {
  const issueInstant = options.times?.issueInstant ?? new Date();
  const notBefore = options.times?.notBefore ?? issueInstant;
  const notOnOrAfter = options.times?.notOnOrAfter ?? new Date(issueInstant.getTime() + FIVE_MINUTES_MS);
  const friendlyNames = { ...FRIENDLY_NAMES, ...options.friendlyNames };
  const inResponseTo = options.inResponseTo ? ` InResponseTo="${escape(options.inResponseTo)}"` : "";
  const attributes = Object.entries(options.attributes)
    .map(([name, values]) => {
      const friendly = friendlyNames[name] ? ` FriendlyName="${escape(friendlyNames[name])}"` : "";
      const valueXml = values.map((value) => `<saml:AttributeValue>${escape(value)}</saml:AttributeValue>`).join("");
      return `<saml:Attribute Name="${escape(name)}" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:uri"${friendly}>${valueXml}</saml:Attribute>`;
    })
    .join("");
  return (
    `<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${escape(options.assertionId ?? newId())}" Version="2.0" IssueInstant="${issueInstant.toISOString()}">` +
    `<saml:Issuer>${escape(options.idpEntityId)}</saml:Issuer>` +
    `<saml:Subject>` +
    `<saml:NameID Format="urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress">${escape(options.nameId)}</saml:NameID>` +
    `<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer">` +
    `<saml:SubjectConfirmationData NotOnOrAfter="${notOnOrAfter.toISOString()}" Recipient="${escape(options.recipient ?? options.acsUrl)}"${inResponseTo}/>` +
    `</saml:SubjectConfirmation>` +
    `</saml:Subject>` +
    `<saml:Conditions NotBefore="${notBefore.toISOString()}" NotOnOrAfter="${notOnOrAfter.toISOString()}">` +
    `<saml:AudienceRestriction><saml:Audience>${escape(options.audience)}</saml:Audience></saml:AudienceRestriction>` +
    `</saml:Conditions>` +
    `<saml:AuthnStatement AuthnInstant="${issueInstant.toISOString()}">` +
    `<saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext>` +
    `</saml:AuthnStatement>` +
    (attributes ? `<saml:AttributeStatement>${attributes}</saml:AttributeStatement>` : "") +
    `</saml:Assertion>`
  );
}

/**
 * Signs the first element with this local name (enveloped signature placed after its Issuer,
 * as the SAML schema wants), RSA-SHA256 with exclusive canonicalization, certificate in KeyInfo.
 */
export function signElement(xml: string, localName: "Assertion" | "Response", keys: IdpKeys): string {
  const element = `//*[local-name(.)='${localName}']`;
  const signer = new SignedXml({
    privateKey: keys.privateKey,
    publicCert: keys.certificate,
    signatureAlgorithm: SIGNATURE_ALGORITHM,
    canonicalizationAlgorithm: EXCLUSIVE_C14N,
  });
  signer.addReference({ xpath: element, transforms: [ENVELOPED, EXCLUSIVE_C14N], digestAlgorithm: DIGEST_ALGORITHM });
  signer.computeSignature(xml, { location: { reference: `${element}/*[local-name(.)='Issuer']`, action: "after" } });
  return signer.getSignedXml();
}

export function escape(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
