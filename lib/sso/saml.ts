// SAML 2.0 sign-in for a district: sends AuthnRequests (HTTP-Redirect) and reads the
// identity provider's POSTed responses. node-saml verifies signatures, audience and validity;
// this module adds what it leaves out: issuer, recipient, destination, InResponseTo from the
// database, replay protection, and refusals a district admin can act on.
import { SAML, ValidateInResponseTo } from "@node-saml/node-saml";
import { forgetExpiredAssertions, rememberAssertion } from "@/lib/sso/assertion-replay";
import { readAssertion, readResponse } from "@/lib/sso/saml-assertion";
import { checkAssertion, CLOCK_SKEW_MS, describeValidationError } from "@/lib/sso/saml-refusals";
import {
  claimPendingRequest,
  findPendingRequest,
  forgetStalePendingRequests,
  isFresh,
  pendingRequestStore,
  type RequestPurpose,
} from "@/lib/sso/saml-requests";
import { parseUntrustedXml } from "@/lib/sso/safe-xml";
import { NAME_ID_UNSPECIFIED, type ServiceProvider, serviceProviderFor } from "@/lib/sso/service-provider";
import type { ReceivedAssertion } from "@/lib/sso/types";

export type SamlResult =
  | { ok: true; assertion: ReceivedAssertion; purpose: RequestPurpose; adminUserId: string | null; idpInitiated: boolean }
  | { ok: false; reason: string; nameId: string | null; purpose: RequestPurpose; adminUserId: string | null };

type District = { id: string; districtGuid: string };
type Connection = { idpEntityId: string; idpCertificates: string[]; idpInitiatedAllowed: boolean };

const MAX_RESPONSE_CHARS = 512 * 1024;

/** Records a pending AuthnRequest and returns the IdP URL (HTTP-Redirect binding) to send the browser to. */
export async function startSamlRequest(
  district: District,
  idp: { idpEntityId: string; idpSsoUrl: string },
  purpose: RequestPurpose,
  adminUserId?: string,
): Promise<string> {
  await forgetStalePendingRequests(new Date());
  const saml = new SAML({
    ...commonOptions(serviceProviderFor(district.districtGuid)),
    entryPoint: idp.idpSsoUrl,
    // Not used to build a request; node-saml requires the option.
    idpCert: [],
    // "always" makes node-saml save each request's ID in the store (with its purpose).
    validateInResponseTo: ValidateInResponseTo.always,
    cacheProvider: pendingRequestStore(district.id, purpose, adminUserId ?? null),
  });
  return saml.getAuthorizeUrlAsync("", undefined, {});
}

/** Validates a POSTed SAMLResponse for this district; never throws for bad input. */
export async function readSamlResponse(district: District, connection: Connection, form: { SAMLResponse?: string | null; RelayState?: string | null }): Promise<SamlResult> {
  const now = new Date();
  await Promise.all([forgetExpiredAssertions(now), forgetStalePendingRequests(now)]);
  const sp = serviceProviderFor(district.districtGuid);
  const unread = { nameId: null, purpose: "sign_in", adminUserId: null } as const;

  const body = decodeResponse(form.SAMLResponse);
  if (typeof body === "string") return { ok: false, reason: body, ...unread };
  const parsed = parseUntrustedXml(body.xml);
  if (!parsed.ok) return { ok: false, reason: `The SAML response ${parsed.problem}.`, ...unread };
  const response = readResponse(parsed.root);
  if (typeof response === "string") return { ok: false, reason: response, ...unread };

  // What the result reports before anything is verified: the request it claims to answer and
  // the NameID it claims, so that a refused test sign-in reaches the admin who started it.
  const claimed = response.inResponseTo ? await findPendingRequest(district.id, response.inResponseTo) : null;
  const sentNameId = response.assertions.length === 1 ? readAssertion(response.assertions[0]!).nameId : null;
  const refuse = (reason: string): SamlResult => ({
    ok: false,
    reason,
    nameId: sentNameId,
    purpose: claimed?.purpose ?? "sign_in",
    adminUserId: claimed?.adminUserId ?? null,
  });

  let verifiedXml: string;
  try {
    const { profile } = await validatorFor(sp, connection).validatePostResponseAsync({ SAMLResponse: body.base64 });
    const signedAssertion = profile?.getAssertionXml?.();
    if (!signedAssertion) return refuse("The message is a logout response, not a sign-in response. Check that the identity provider posts sign-in responses to the ACS URL.");
    verifiedXml = signedAssertion;
  } catch (error) {
    return refuse(describeValidationError(error, response, sp, connection, now));
  }

  // From here on, only the XML the signature covers is read.
  const verified = parseUntrustedXml(verifiedXml);
  if (!verified.ok) return refuse(`The signed assertion ${verified.problem}.`);
  const assertion = readAssertion(verified.root);
  const accepted = checkAssertion(assertion, response, sp, connection, now);
  if (typeof accepted === "string") return refuse(accepted);

  const signedInResponseTo = accepted.confirmation.inResponseTo;
  if (signedInResponseTo && response.inResponseTo && signedInResponseTo !== response.inResponseTo) {
    return refuse(`The response answers request ${response.inResponseTo} but its assertion answers ${signedInResponseTo}. It was refused.`);
  }
  const assertionId = assertion.id!;
  if (!(await rememberAssertion(district.id, assertionId, new Date(accepted.notOnOrAfter.getTime() + CLOCK_SKEW_MS)))) {
    return refuse(`This assertion was already used (ID ${assertionId}). Each assertion signs in once: start the sign-in again.`);
  }

  const received: ReceivedAssertion = {
    assertionId,
    issuer: assertion.issuer!,
    nameId: assertion.nameId,
    attributes: assertion.attributes,
    friendlyNames: assertion.friendlyNames,
    notOnOrAfter: accepted.notOnOrAfter,
  };
  const inResponseTo = signedInResponseTo ?? response.inResponseTo;
  if (!inResponseTo) {
    if (!connection.idpInitiatedAllowed) {
      return refuse("The identity provider sent a sign-in Rollcall did not ask for, and IdP-initiated sign-in is off for this district. Start from the district's sign-in page, or allow IdP-initiated sign-in.");
    }
    return { ok: true, assertion: received, purpose: "sign_in", adminUserId: null, idpInitiated: true };
  }

  const request = inResponseTo === claimed?.id ? claimed : await findPendingRequest(district.id, inResponseTo);
  if (!request) {
    return refuse(`The response answers a sign-in request Rollcall did not send for this district, or one already answered (InResponseTo ${inResponseTo}). Start the sign-in again.`);
  }
  const answered = { purpose: request.purpose, adminUserId: request.adminUserId };
  if (!isFresh(request, now) || !(await claimPendingRequest(district.id, request.id, now))) {
    const why = isFresh(request, now) ? "was already answered" : "was started more than 10 minutes ago";
    return { ok: false, reason: `The sign-in request this response answers ${why}. Start the sign-in again.`, nameId: received.nameId, ...answered };
  }
  return { ok: true, assertion: received, ...answered, idpInitiated: false };
}

function commonOptions(sp: ServiceProvider) {
  return {
    issuer: sp.entityId,
    callbackUrl: sp.acsUrl,
    audience: sp.entityId,
    identifierFormat: NAME_ID_UNSPECIFIED,
    // A requested AuthnContext makes some IdPs refuse people who used MFA or Windows sign-in.
    disableRequestedAuthnContext: true,
  };
}

function validatorFor(sp: ServiceProvider, connection: Connection): SAML {
  return new SAML({
    ...commonOptions(sp),
    idpCert: connection.idpCertificates,
    // Either the assertion or the whole response around it must be signed by a configured
    // certificate; node-saml refuses a response with neither.
    wantAssertionsSigned: false,
    wantAuthnResponseSigned: false,
    acceptedClockSkewMs: CLOCK_SKEW_MS,
    // InResponseTo is checked afterwards, against the database, once the signature holds.
    validateInResponseTo: ValidateInResponseTo.never,
  });
}

/** The XML of a POSTed SAMLResponse, or why it cannot be one. */
function decodeResponse(value: string | null | undefined): { base64: string; xml: string } | string {
  if (!value) return "The request carries no SAMLResponse. The identity provider must POST its response to the ACS URL.";
  if (value.length > MAX_RESPONSE_CHARS) return "The SAMLResponse is larger than 512 KB, more than any sign-in needs. It was refused.";
  const base64 = value.replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64) || base64.length % 4 !== 0) return "The SAMLResponse is not base64-encoded.";
  return { base64, xml: Buffer.from(base64, "base64").toString("utf8") };
}
