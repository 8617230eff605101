// A SAML identity provider for tests and browser journeys: an HTTP server on 127.0.0.1 that
// publishes metadata, shows a sign-in form for each AuthnRequest (HTTP-Redirect binding), and
// posts a signed response to the service provider's ACS URL. Attributes go out as OIDs.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { inflateRawSync } from "node:zlib";
import { DOMParser } from "@xmldom/xmldom";
import type { IdpKeys } from "./keys";
import { buildSamlResponse, escape } from "./response";

export type TestIdp = {
  url: string;
  entityId: string;
  metadataUrl: string;
  metadataXml: string;
  /** The AuthnRequests it received, oldest first. */
  authnRequests: AuthnRequest[];
  close(): Promise<void>;
};
export type AuthnRequest = { id: string; issuer: string; acsUrl: string; relayState: string | null };

export const OID = {
  givenName: "urn:oid:2.5.4.42",
  sn: "urn:oid:2.5.4.4",
  mail: "urn:oid:0.9.2342.19200300.100.1.3",
  uid: "urn:oid:0.9.2342.19200300.100.1.1",
  affiliation: "urn:oid:1.3.6.1.4.1.5923.1.1.1.9",
  unscopedAffiliation: "urn:oid:1.3.6.1.4.1.5923.1.1.1.1",
} as const;

type Answer = { acsUrl: string; audience: string; inResponseTo?: string; relayState: string | null };

export async function startTestIdp(options: { keys: IdpKeys; entityId?: string }): Promise<TestIdp> {
  const authnRequests: AuthnRequest[] = [];
  let base = "";
  let entityId = "";
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", base);
    const route = `${request.method} ${url.pathname}`;
    if (route === "GET /metadata") return send(response, 200, metadataXml(entityId, base, options.keys), "application/samlmetadata+xml");
    if (route === "GET /sso") return showAuthnRequest(url, response);
    if (route === "GET /idp-initiated") return showIdpInitiated(url, response);
    if (route === "POST /sso") return void readForm(request).then((form) => postResponse(form, response));
    send(response, 404, "Not found", "text/plain");
  });

  function showAuthnRequest(url: URL, response: ServerResponse) {
    const authnRequest = readAuthnRequest(url.searchParams.get("SAMLRequest"), url.searchParams.get("RelayState"));
    if (!authnRequest) return send(response, 400, "SAMLRequest missing or unreadable", "text/plain");
    authnRequests.push(authnRequest);
    const answer = { acsUrl: authnRequest.acsUrl, audience: authnRequest.issuer, inResponseTo: authnRequest.id, relayState: authnRequest.relayState };
    send(response, 200, signInPage(answer), "text/html");
  }

  function showIdpInitiated(url: URL, response: ServerResponse) {
    const acsUrl = url.searchParams.get("acs");
    const audience = url.searchParams.get("audience");
    if (!acsUrl || !audience) return send(response, 400, "acs and audience are required", "text/plain");
    const answer = { acsUrl, audience, relayState: url.searchParams.get("RelayState") };
    const email = url.searchParams.get("email");
    // With the person's details in the query it posts at once; otherwise it asks, like a portal.
    if (email) return postResponse({ ...Object.fromEntries(url.searchParams), ...answerFields(answer), email }, response);
    send(response, 200, signInPage(answer), "text/html");
  }

  function postResponse(form: Record<string, string>, response: ServerResponse) {
    const email = form.email?.trim() ?? "";
    const samlResponse = buildSamlResponse({
      idpEntityId: entityId,
      acsUrl: form.acsUrl ?? "",
      audience: form.audience ?? "",
      inResponseTo: form.inResponseTo || undefined,
      nameId: email,
      attributes: attributesFrom(form),
      keys: options.keys,
      sign: "assertion",
    });
    send(response, 200, autoPostPage(form.acsUrl ?? "", samlResponse, form.relayState || null), "text/html");
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  entityId = options.entityId ?? `${base}/idp`;
  return {
    url: base,
    entityId,
    metadataUrl: `${base}/metadata`,
    metadataXml: metadataXml(entityId, base, options.keys),
    authnRequests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Released attributes: only those with a value; affiliation values "staff@x.org, student" go out as typed and unscoped. */
export function attributesFrom(form: Record<string, string>): Record<string, string[]> {
  const affiliations = (form.affiliation ?? "").split(",").map((value) => value.trim()).filter(Boolean);
  const released: Record<string, string[]> = {
    [OID.givenName]: [form.givenName?.trim() ?? ""],
    [OID.sn]: [form.familyName?.trim() ?? ""],
    [OID.mail]: [form.email?.trim() ?? ""],
    [OID.uid]: [form.uid?.trim() ?? ""],
    [OID.affiliation]: affiliations,
    [OID.unscopedAffiliation]: [...new Set(affiliations.map((value) => value.split("@")[0]!))],
  };
  return Object.fromEntries(
    Object.entries(released).flatMap(([name, values]) => {
      const given = values.filter(Boolean);
      return given.length > 0 ? [[name, given]] : [];
    }),
  );
}

/** The AuthnRequest in a redirect URL an SP sent the browser to (what /sso receives). */
export function authnRequestIn(redirectUrl: string): AuthnRequest | null {
  const { searchParams } = new URL(redirectUrl);
  return readAuthnRequest(searchParams.get("SAMLRequest"), searchParams.get("RelayState"));
}

function readAuthnRequest(samlRequest: string | null, relayState: string | null): AuthnRequest | null {
  if (!samlRequest) return null;
  try {
    const xml = inflateRawSync(Buffer.from(samlRequest, "base64")).toString("utf8");
    const root = new DOMParser().parseFromString(xml, "text/xml").documentElement;
    const issuer = root?.getElementsByTagNameNS("urn:oasis:names:tc:SAML:2.0:assertion", "Issuer")[0]?.textContent?.trim();
    const id = root?.getAttribute("ID");
    const acsUrl = root?.getAttribute("AssertionConsumerServiceURL");
    return id && acsUrl && issuer ? { id, issuer, acsUrl, relayState } : null;
  } catch {
    return null;
  }
}

function answerFields(answer: Answer): Record<string, string> {
  return { acsUrl: answer.acsUrl, audience: answer.audience, inResponseTo: answer.inResponseTo ?? "", relayState: answer.relayState ?? "" };
}

function signInPage(answer: Answer): string {
  const hidden = Object.entries(answerFields(answer))
    .map(([name, value]) => `<input type="hidden" name="${name}" value="${escape(value)}">`)
    .join("");
  const field = (name: string, label: string, type = "text") =>
    `<p><label for="${name}">${label}</label> <input id="${name}" name="${name}" type="${type}"></p>`;
  return page(
    "Test identity provider: sign in",
    `<h1>Test identity provider</h1><form method="post" action="/sso">${hidden}` +
      field("email", "Email", "email") +
      field("givenName", "Given name") +
      field("familyName", "Family name") +
      field("uid", "Username (uid)") +
      field("affiliation", "Affiliation") +
      `<button type="submit">Sign in</button></form>`,
  );
}

function autoPostPage(acsUrl: string, samlResponse: string, relayState: string | null): string {
  const relay = relayState ? `<input type="hidden" name="RelayState" value="${escape(relayState)}">` : "";
  return page(
    "Signing in",
    `<form method="post" action="${escape(acsUrl)}"><input type="hidden" name="SAMLResponse" value="${samlResponse}">${relay}` +
      `<p>Signing you in to the service provider.</p><button type="submit">Continue</button></form>` +
      `<script>document.forms[0].submit();</script>`,
  );
}

function metadataXml(entityId: string, base: string, keys: IdpKeys): string {
  const certificate = keys.certificate.replace(/-----(BEGIN|END) CERTIFICATE-----|\s+/g, "");
  return (
    `<?xml version="1.0" encoding="UTF-8"?>` +
    `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="${escape(entityId)}">` +
    `<md:IDPSSODescriptor WantAuthnRequestsSigned="false" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">` +
    `<md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${certificate}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>` +
    `<md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress</md:NameIDFormat>` +
    `<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${escape(base)}/sso"/>` +
    `</md:IDPSSODescriptor>` +
    `</md:EntityDescriptor>`
  );
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title></head><body>${body}</body></html>`;
}

function send(response: ServerResponse, status: number, body: string, contentType: string) {
  response.writeHead(status, { "content-type": `${contentType}; charset=utf-8` }).end(body);
}

async function readForm(request: IncomingMessage): Promise<Record<string, string>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString("utf8")));
}
