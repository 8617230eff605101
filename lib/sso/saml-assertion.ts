// Reads the parts of a SAML Response and Assertion that Rollcall checks or uses. Only an
// assertion read from signature-verified XML is trusted; the rest serves error messages.
import { attributeOf, childElement, childElements, SAML_ASSERTION_NS, SAML_PROTOCOL_NS, textOf, XMLDSIG_NS } from "@/lib/sso/safe-xml";

const BEARER = "urn:oasis:names:tc:SAML:2.0:cm:bearer";

export type SubjectConfirmation = { recipient: string | null; notBefore: string | null; notOnOrAfter: string | null; inResponseTo: string | null };
export type Conditions = { notBefore: string | null; notOnOrAfter: string | null; audiences: string[] };

export type AssertionContent = {
  id: string | null;
  issuer: string | null;
  nameId: string | null;
  /** Bearer subject confirmations only: the Web SSO profile's kind. */
  bearer: SubjectConfirmation[];
  conditions: Conditions | null;
  attributes: Record<string, string[]>;
  friendlyNames: Record<string, string>;
};

export type ResponseEnvelope = {
  element: Element;
  inResponseTo: string | null;
  destination: string | null;
  issuer: string | null;
  /** The Response's own Assertion children, as sent (not verified). */
  assertions: Element[];
  encryptedAssertions: number;
};

/** The Response element's attributes and children, or why the message is not a Response. */
export function readResponse(root: Element): ResponseEnvelope | string {
  if (root.namespaceURI !== SAML_PROTOCOL_NS || root.localName !== "Response") {
    return `The message is a ${root.localName || "document"}, not a SAML Response. Check that the identity provider posts its response to the ACS URL.`;
  }
  return {
    element: root,
    inResponseTo: attributeOf(root, "InResponseTo"),
    destination: attributeOf(root, "Destination"),
    issuer: textOf(childElement(root, SAML_ASSERTION_NS, "Issuer")),
    assertions: childElements(root, SAML_ASSERTION_NS, "Assertion"),
    encryptedAssertions: childElements(root, SAML_ASSERTION_NS, "EncryptedAssertion").length,
  };
}

export function readAssertion(assertion: Element): AssertionContent {
  const subject = childElement(assertion, SAML_ASSERTION_NS, "Subject");
  const bearer = subject
    ? childElements(subject, SAML_ASSERTION_NS, "SubjectConfirmation")
        .filter((confirmation) => attributeOf(confirmation, "Method") === BEARER)
        .map((confirmation) => {
          const data = childElement(confirmation, SAML_ASSERTION_NS, "SubjectConfirmationData");
          return {
            recipient: attributeOf(data, "Recipient"),
            notBefore: attributeOf(data, "NotBefore"),
            notOnOrAfter: attributeOf(data, "NotOnOrAfter"),
            inResponseTo: attributeOf(data, "InResponseTo"),
          };
        })
    : [];
  const conditionsElement = childElement(assertion, SAML_ASSERTION_NS, "Conditions");
  const conditions = conditionsElement
    ? {
        notBefore: attributeOf(conditionsElement, "NotBefore"),
        notOnOrAfter: attributeOf(conditionsElement, "NotOnOrAfter"),
        audiences: childElements(conditionsElement, SAML_ASSERTION_NS, "AudienceRestriction")
          .flatMap((restriction) => childElements(restriction, SAML_ASSERTION_NS, "Audience"))
          .flatMap((audience) => textOf(audience) ?? []),
      }
    : null;
  return {
    id: attributeOf(assertion, "ID"),
    issuer: textOf(childElement(assertion, SAML_ASSERTION_NS, "Issuer")),
    nameId: subject ? textOf(childElement(subject, SAML_ASSERTION_NS, "NameID")) : null,
    bearer,
    conditions,
    ...readAttributes(assertion),
  };
}

/** Every released attribute by its Name, values as strings; an attribute sent twice has its values joined. */
function readAttributes(assertion: Element): Pick<AssertionContent, "attributes" | "friendlyNames"> {
  const attributes = new Map<string, string[]>();
  const friendlyNames = new Map<string, string>();
  const released = childElements(assertion, SAML_ASSERTION_NS, "AttributeStatement").flatMap((statement) =>
    childElements(statement, SAML_ASSERTION_NS, "Attribute"),
  );
  for (const attribute of released) {
    const name = attributeOf(attribute, "Name");
    if (!name) continue;
    const values = childElements(attribute, SAML_ASSERTION_NS, "AttributeValue").flatMap((value) => textOf(value) ?? []);
    attributes.set(name, [...(attributes.get(name) ?? []), ...values]);
    const friendlyName = attributeOf(attribute, "FriendlyName");
    if (friendlyName) friendlyNames.set(name, friendlyName);
  }
  // fromEntries defines own properties, so a name such as "__proto__" stays a plain key.
  return { attributes: Object.fromEntries(attributes), friendlyNames: Object.fromEntries(friendlyNames) };
}

/** The base64 certificate in an element's enveloped signature's KeyInfo, if it names one. */
export function signatureCertificateOf(element: Element): string | null {
  const signature = childElement(element, XMLDSIG_NS, "Signature");
  const keyInfo = signature && childElement(signature, XMLDSIG_NS, "KeyInfo");
  const data = keyInfo && childElement(keyInfo, XMLDSIG_NS, "X509Data");
  return textOf(data ? childElement(data, XMLDSIG_NS, "X509Certificate") : undefined);
}

export function isSigned(element: Element): boolean {
  return childElement(element, XMLDSIG_NS, "Signature") !== undefined;
}
