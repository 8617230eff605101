// The checks node-saml does not make (issuer, recipient, destination, both validity windows)
// and the sentences a district admin reads when a response is refused, including node-saml's.
import { SamlStatusError } from "@node-saml/node-saml";
import { formatDay, readCertificate } from "@/lib/sso/certificate";
import { type AssertionContent, isSigned, readAssertion, type ResponseEnvelope, signatureCertificateOf, type SubjectConfirmation } from "@/lib/sso/saml-assertion";
import type { ServiceProvider } from "@/lib/sso/service-provider";

export const CLOCK_SKEW_MS = 180_000;
const SKEW_WORDS = "3 minutes of clock skew allowed";

type Connection = { idpEntityId: string; idpCertificates: string[] };
export type AcceptedAssertion = { confirmation: SubjectConfirmation; notOnOrAfter: Date };

/** Checks a signature-verified assertion against this district; a refusal's sentence, or what the checks found. */
export function checkAssertion(
  assertion: AssertionContent,
  response: ResponseEnvelope,
  sp: ServiceProvider,
  connection: Connection,
  now: Date,
): AcceptedAssertion | string {
  if (!assertion.id) return "The assertion has no ID. Rollcall needs it to make sure no assertion is used twice.";
  if (assertion.issuer !== connection.idpEntityId) {
    return `The assertion was issued by ${assertion.issuer ?? "no one (it has no Issuer)"}, but this district's identity provider is ${connection.idpEntityId}. Check the entity ID in the identity provider settings.`;
  }
  if (response.issuer !== null && response.issuer !== connection.idpEntityId) {
    return `The response was issued by ${response.issuer}, but this district's identity provider is ${connection.idpEntityId}. Check the entity ID in the identity provider settings.`;
  }
  if (response.destination !== null && response.destination !== sp.acsUrl) {
    return `The response was addressed to ${response.destination}, but this district's ACS URL is ${sp.acsUrl}. Set the identity provider's reply (ACS) URL to ${sp.acsUrl}.`;
  }
  if (assertion.bearer.length === 0) return "The assertion has no bearer SubjectConfirmation, so it cannot sign anyone in. Check the identity provider's SAML settings for Rollcall.";
  const confirmation = assertion.bearer.find((candidate) => candidate.recipient === sp.acsUrl);
  if (!confirmation) {
    const recipient = assertion.bearer[0]!.recipient;
    return recipient
      ? `The assertion is for recipient ${recipient}, but this district's ACS URL is ${sp.acsUrl}. Set the identity provider's reply (ACS) URL to ${sp.acsUrl}.`
      : `The assertion names no Recipient; Rollcall needs it to be this district's ACS URL, ${sp.acsUrl}.`;
  }
  const timing = timeProblem([assertion.conditions, confirmation], now);
  if (timing) return timing;
  const ends = [assertion.conditions?.notOnOrAfter, confirmation.notOnOrAfter].flatMap((value) => (value ? [new Date(value)] : []));
  if (ends.length === 0) return "The assertion has no expiry (NotOnOrAfter). Rollcall needs one to remember that it was used.";
  return { confirmation, notOnOrAfter: new Date(Math.min(...ends.map((end) => end.getTime()))) };
}

/** Why a validity window (Conditions or SubjectConfirmationData) excludes `now`, or null. */
export function timeProblem(windows: Array<{ notBefore: string | null; notOnOrAfter: string | null } | null>, now: Date): string | null {
  for (const window of windows) {
    if (!window) continue;
    for (const [name, value] of [["NotBefore", window.notBefore], ["NotOnOrAfter", window.notOnOrAfter]] as const) {
      if (value !== null && Number.isNaN(Date.parse(value))) return `The assertion's ${name} (${value}) is not a date and time Rollcall can read.`;
    }
    if (window.notBefore && now.getTime() + CLOCK_SKEW_MS < Date.parse(window.notBefore)) {
      return `The assertion is not valid until ${formatInstant(new Date(window.notBefore), now)} (${SKEW_WORDS}). Check the identity provider's clock.`;
    }
    if (window.notOnOrAfter && now.getTime() - CLOCK_SKEW_MS >= Date.parse(window.notOnOrAfter)) {
      return `The assertion expired at ${formatInstant(new Date(window.notOnOrAfter), now)} (${SKEW_WORDS}). Check the identity provider's clock, then sign in again.`;
    }
  }
  return null;
}

/** node-saml's errors, in a district admin's words. */
export function describeValidationError(error: unknown, response: ResponseEnvelope, sp: ServiceProvider, connection: Connection, now: Date): string {
  if (error instanceof SamlStatusError) {
    return `The identity provider did not sign the person in (${error.message.replace(/^SAML provider returned /, "")}). Its sign-in logs say why.`;
  }
  const message = error instanceof Error ? error.message : String(error);
  const sent = response.assertions.length === 1 ? readAssertion(response.assertions[0]!) : null;

  if (message === "Invalid signature: multiple assertions") {
    return "The response contains more than one assertion. Rollcall accepts exactly one, so that the assertion it reads is the one that was signed.";
  }
  if (/ID cannot refer to more than one element|does not refer to it's parent element|Too many signatures|Cannot obtain assertion from signed data|Only 1 signed references/.test(message)) {
    return "The signature does not cover the assertion where Rollcall reads it: the response was rearranged after signing (XML signature wrapping). It was refused.";
  }
  if (message === "Invalid signature, too many transforms") return "The signature uses more transforms than a SAML signature may. Check the identity provider's signing settings.";
  if (message === "Invalid signature") return describeBadSignature(response, connection);
  if (/EncryptedAssertion|decryption key/i.test(message) || response.encryptedAssertions > 0) {
    return "The assertion is encrypted. Turn off assertion encryption for Rollcall at the identity provider: Rollcall publishes no encryption key.";
  }
  if (message === "Missing SAML assertion") return "The response carries no assertion. The identity provider's sign-in logs say why it did not sign the person in.";
  if (message.startsWith("SAML assertion not yet valid") || message.startsWith("SAML assertion expired")) {
    return (sent && timeProblem([sent.conditions, ...sent.bearer], now)) ?? `The assertion is outside its validity period (${SKEW_WORDS}). Check the identity provider's clock.`;
  }
  if (message.startsWith("SAML assertion audience mismatch")) {
    const audiences = sent?.conditions?.audiences.join(", ") || "another service provider";
    return `The assertion is for audience ${audiences}, but this district's entity ID is ${sp.entityId}. Set the identity provider's entity ID (audience) for Rollcall to ${sp.entityId}.`;
  }
  if (message.includes("AudienceRestriction") || (sent && !sent.conditions)) {
    return `The assertion has no audience restriction. Rollcall accepts only assertions limited to this district's entity ID, ${sp.entityId}.`;
  }
  if (message === "Unable to process multiple conditions in SAML assertion") return "The assertion has more than one Conditions element, which Rollcall cannot read.";
  return `The response could not be checked (${message}). Try signing in again; if it keeps failing, check the identity provider's SAML settings for Rollcall.`;
}

function describeBadSignature(response: ResponseEnvelope, connection: Connection): string {
  const signed = [response.assertions[0], response.element].find((element) => element && isSigned(element));
  if (!signed) return "The assertion is not signed (and neither is the response around it). Set the identity provider to sign the assertion.";
  const signedWith = readCertificate(signatureCertificateOf(signed) ?? "");
  const ours = new Set(connection.idpCertificates.map((pem) => readCertificate(pem)?.fingerprint256));
  if (signedWith && ours.has(signedWith.fingerprint256)) {
    return `The signature was made with this district's signing certificate but does not match the ${signed.localName === "Response" ? "response" : "assertion"}: its content was changed after it was signed. It was refused.`;
  }
  const which = signedWith ? ` (it was signed with ${signedWith.subject.split("\n").join(", ")}, SHA-256 ${signedWith.fingerprint256})` : "";
  return `The signature does not match any of the district's signing certificates${which}. Upload the identity provider's current certificate.`;
}

/** "10:02:11 UTC", with the day when it is not today. */
function formatInstant(instant: Date, now: Date): string {
  const time = `${instant.toISOString().slice(11, 19)} UTC`;
  return instant.toISOString().slice(0, 10) === now.toISOString().slice(0, 10) ? time : `${time} on ${formatDay(instant)}`;
}
