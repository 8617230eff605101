// A district's identity provider, from its SAML metadata (pasted or fetched) or from values
// typed by hand, checked the same way: one IdP, an HTTP-Redirect sign-in URL, usable certificates.
import { checkSigningCertificate, formatDay } from "@/lib/sso/certificate";
import { attributeOf, childElement, childElements, parseUntrustedXml, SAML_METADATA_NS, textOf, XMLDSIG_NS } from "@/lib/sso/safe-xml";
import { getConfig } from "@/lib/config";
import { outboundClient } from "@/lib/outbound";

export type IdentityProvider = { entityId: string; ssoUrl: string; certificates: string[] /* PEM */ };
export type IdpCheck = { ok: true; idp: IdentityProvider; warnings: string[] } | { ok: false; message: string };

const REDIRECT_BINDING = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";
const SAML2_PROTOCOL = "urn:oasis:names:tc:SAML:2.0:protocol";
const MAX_METADATA_BYTES = 1024 * 1024;
const FETCH_TIMEOUT_MS = 10_000;
const MAX_ENTITY_ID_LENGTH = 1024;

export function parseIdpMetadata(xml: string, now: Date = new Date()): IdpCheck {
  const parsed = parseUntrustedXml(xml);
  if (!parsed.ok) return refuse(`The metadata ${parsed.problem}.`);
  const entity = findIdentityProviderEntity(parsed.root);
  if (typeof entity === "string") return refuse(entity);
  const descriptor = childElement(entity, SAML_METADATA_NS, "IDPSSODescriptor")!;
  if (!(attributeOf(descriptor, "protocolSupportEnumeration") ?? "").split(/\s+/).includes(SAML2_PROTOCOL)) {
    return refuse("The identity provider in this metadata does not support SAML 2.0 (protocolSupportEnumeration). Rollcall signs people in with SAML 2.0.");
  }

  const services = childElements(descriptor, SAML_METADATA_NS, "SingleSignOnService");
  const redirect = services.find((service) => attributeOf(service, "Binding") === REDIRECT_BINDING);
  if (!redirect) {
    const bindings = services.map((service) => bindingName(attributeOf(service, "Binding")));
    return refuse(
      bindings.length === 0
        ? "The metadata has no SingleSignOnService. Rollcall needs the identity provider's sign-in URL for the HTTP-Redirect binding."
        : `The metadata offers sign-in only with the ${bindings.join(" and ")} binding. Rollcall sends sign-in requests with HTTP-Redirect: turn that binding on at the identity provider, or enter its sign-in URL by hand.`,
    );
  }

  const certificates = childElements(descriptor, SAML_METADATA_NS, "KeyDescriptor")
    .filter((key) => (attributeOf(key, "use") ?? "signing") === "signing")
    .flatMap((key) => childElements(key, XMLDSIG_NS, "KeyInfo"))
    .flatMap((keyInfo) => childElements(keyInfo, XMLDSIG_NS, "X509Data"))
    .flatMap((data) => childElements(data, XMLDSIG_NS, "X509Certificate"))
    .map((element) => textOf(element) ?? "");
  const values = { entityId: attributeOf(entity, "entityID") ?? "", ssoUrl: attributeOf(redirect, "Location") ?? "", certificates };
  return checkValues(values, now, { source: "metadata" });
}

/** Checks values a district admin typed: entity ID, sign-in URL and one or more certificates. */
export function checkIdentityProvider(input: { entityId: string; ssoUrl: string; certificates: string[] }, now: Date = new Date()): IdpCheck {
  return checkValues({ ...input, certificates: input.certificates.filter((certificate) => certificate.trim() !== "") }, now, { source: "form" });
}

export async function fetchIdpMetadata(url: string): Promise<IdpCheck> {
  const urlProblem = checkUrl(url.trim(), "metadata URL");
  if (urlProblem) return refuse(urlProblem);
  const result = await outboundClient().send({
    method: "GET",
    url: url.trim(),
    headers: [["accept", "application/samlmetadata+xml, application/xml, text/xml"]],
    timeoutMs: FETCH_TIMEOUT_MS,
    maxResponseBytes: MAX_METADATA_BYTES,
  });
  if (!result.ok) return refuse(`The metadata URL could not be reached: ${result.error.message}. Check the URL, or paste the metadata instead.`);
  if (result.status >= 300 && result.status < 400) {
    const location = result.headers["location"];
    return refuse(`The metadata URL answered ${result.status} (a redirect${location ? ` to ${location}` : ""}). Enter the address it redirects to.`);
  }
  if (result.status !== 200) return refuse(`The metadata URL answered ${result.status}. Check the URL at your identity provider, or paste the metadata instead.`);
  if (result.bodyTruncated) return refuse("The metadata at that URL is larger than 1 MB. Use the URL of your identity provider's own metadata, not a federation's.");
  return parseIdpMetadata(result.body);
}

type Values = { entityId: string; ssoUrl: string; certificates: string[] };

function checkValues(values: Values, now: Date, { source }: { source: "metadata" | "form" }): IdpCheck {
  const entityId = values.entityId.trim();
  const ssoUrl = values.ssoUrl.trim();
  if (!entityId) return refuse(source === "metadata" ? "The metadata's EntityDescriptor has no entityID." : "Enter the identity provider's entity ID.");
  if (entityId.length > MAX_ENTITY_ID_LENGTH || /\s/.test(entityId)) {
    return refuse(`The entity ID must be one URI of at most ${MAX_ENTITY_ID_LENGTH} characters, without spaces.`);
  }
  const urlProblem = checkUrl(ssoUrl, "sign-in (SSO) URL");
  if (urlProblem) return refuse(urlProblem);
  if (values.certificates.length === 0) {
    return refuse(
      source === "metadata"
        ? "The metadata lists no signing certificate (KeyDescriptor with an X509Certificate). Rollcall needs it to check the identity provider's signatures."
        : "Add the identity provider's signing certificate.",
    );
  }

  const numbered = values.certificates.length > 1;
  const checks = values.certificates.map((certificate, index) =>
    checkSigningCertificate(certificate, now, numbered ? `Signing certificate ${index + 1}` : "The signing certificate"),
  );
  const usable = checks.flatMap((check) => (check.ok ? [check] : []));
  const warnings = usable.flatMap((check) => (check.warning ? [check.warning] : []));
  for (const check of checks) {
    if (check.ok) continue;
    // During a key rollover metadata lists the old certificate beside the new one: an expired
    // old one is no reason to refuse, as long as a current one is there.
    if (source === "metadata" && check.expiredOn && usable.length > 0) {
      warnings.push(`${check.name} expired on ${formatDay(check.expiredOn)}; Rollcall ignores it and uses the current one.`);
      continue;
    }
    return refuse(check.message);
  }
  const certificates = [...new Set(usable.map((check) => check.pem))];
  return { ok: true, idp: { entityId, ssoUrl, certificates }, warnings };
}

/** The one identity provider in the document, or why there is not exactly one. */
function findIdentityProviderEntity(root: Element): Element | string {
  if (root.namespaceURI === SAML_METADATA_NS && root.localName === "EntityDescriptor") {
    return childElement(root, SAML_METADATA_NS, "IDPSSODescriptor")
      ? root
      : "The metadata describes no identity provider (it has no IDPSSODescriptor). Paste the metadata of your identity provider, not of an application.";
  }
  if (root.namespaceURI !== SAML_METADATA_NS || root.localName !== "EntitiesDescriptor") {
    return "The XML is not SAML metadata (its root must be an EntityDescriptor). Download the SAML 2.0 metadata from your identity provider.";
  }
  const entities = entityDescriptorsIn(root);
  const providers = entities.filter((entity) => childElement(entity, SAML_METADATA_NS, "IDPSSODescriptor"));
  if (providers.length === 1) return providers[0]!;
  if (providers.length === 0) return "The metadata describes no identity provider (no entity has an IDPSSODescriptor).";
  return `The metadata contains ${providers.length} identity providers; paste the metadata of one.`;
}

function entityDescriptorsIn(group: Element): Element[] {
  return [
    ...childElements(group, SAML_METADATA_NS, "EntityDescriptor"),
    ...childElements(group, SAML_METADATA_NS, "EntitiesDescriptor").flatMap(entityDescriptorsIn),
  ];
}

/** A problem with the URL, or null. Plain http is for the hosts the operator allowed (development). */
function checkUrl(value: string, name: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return value ? `The ${name} is not a valid URL.` : `Enter the identity provider's ${name}.`;
  }
  if (url.protocol === "https:") return null;
  if (url.protocol === "http:" && getConfig().httpWebhookHosts.includes(url.hostname.toLowerCase())) return null;
  return `The ${name} must start with https:// (it is ${url.protocol.replace(":", "")}).`;
}

function bindingName(binding: string | null): string {
  return binding?.replace("urn:oasis:names:tc:SAML:2.0:bindings:", "") ?? "an unnamed";
}

function refuse(message: string): IdpCheck {
  return { ok: false, message };
}
