// Parses the XML that identity providers send (metadata, SAML responses) without ever
// processing a document type declaration, so external entities are never resolved.
import { DOMParser } from "@xmldom/xmldom";

export const SAML_ASSERTION_NS = "urn:oasis:names:tc:SAML:2.0:assertion";
export const SAML_PROTOCOL_NS = "urn:oasis:names:tc:SAML:2.0:protocol";
export const SAML_METADATA_NS = "urn:oasis:names:tc:SAML:2.0:metadata";
export const XMLDSIG_NS = "http://www.w3.org/2000/09/xmldsig#";

const ELEMENT_NODE = 1;

export const DOCTYPE_REFUSED = "contains a DOCTYPE; Rollcall refuses XML with document type declarations";

export type ParsedXml = { ok: true; document: Document; root: Element } | { ok: false; problem: string };

/** `problem` completes a sentence such as "The metadata …" ("contains a DOCTYPE; …", "is not well-formed XML: …"). */
export function parseUntrustedXml(xml: string): ParsedXml {
  if (/<!DOCTYPE/i.test(xml) || /<!ENTITY/i.test(xml)) return { ok: false, problem: DOCTYPE_REFUSED };
  if (!xml.trimStart().replace(/^\uFEFF/, "").startsWith("<")) return { ok: false, problem: "is not XML" };
  const errors: string[] = [];
  let document: Document;
  try {
    document = new DOMParser({
      locator: {},
      errorHandler: { warning: () => {}, error: (message) => errors.push(message), fatalError: (message) => errors.push(message) },
    }).parseFromString(xml, "text/xml");
  } catch (error) {
    return { ok: false, problem: `is not well-formed XML: ${firstLine(error instanceof Error ? error.message : String(error))}` };
  }
  const root = document.documentElement;
  if (errors.length > 0 || !root) return { ok: false, problem: `is not well-formed XML: ${firstLine(errors[0] ?? "no root element")}` };
  return { ok: true, document, root };
}

/** The element's children in `namespace` named `localName` (direct children only: never a match nested elsewhere). */
export function childElements(parent: Element, namespace: string, localName: string): Element[] {
  const found: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === ELEMENT_NODE) {
      const element = node as Element;
      if (element.namespaceURI === namespace && element.localName === localName) found.push(element);
    }
  }
  return found;
}

export function childElement(parent: Element, namespace: string, localName: string): Element | undefined {
  return childElements(parent, namespace, localName)[0];
}

/** All text inside the element, trimmed (comments are not text, so they cannot split a value). */
export function textOf(element: Element | undefined): string | null {
  const text = element?.textContent?.trim();
  return text ? text : null;
}

export function attributeOf(element: Element | undefined, name: string): string | null {
  return element?.hasAttribute(name) ? element.getAttribute(name) : null;
}

function firstLine(message: string): string {
  return message.replace(/^\[xmldom [^\]]*\]\s*/, "").split("\n")[0]!.trim();
}
