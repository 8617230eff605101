// The Assertion Consumer Service: the identity provider posts the browser here with a
// SAMLResponse. A valid assertion signs the person in (or creates them, when just-in-time
// provisioning is on); a test sign-in goes to the admin's result page; anything else is
// refused and written to the district's sign-in log.
import { NextResponse } from "next/server";
import { startPersonSession } from "@/lib/auth/person-session";
import { getConfig } from "@/lib/config";
import { readBodyWithin } from "@/lib/http/limited-body";
import { findSsoDistrict, signInProblemPath } from "@/lib/sso/district";
import { readSamlResponse } from "@/lib/sso/saml";
import { completeSignIn, recordRefusal, recordTestSignIn } from "@/lib/sso/sign-in";

const MAX_FORM_BYTES = 1024 * 1024;
const TURNED_OFF = "Sign-in with the identity provider is turned off for this district. Turn on Allow sign-in on the Single sign-on page.";

export async function POST(request: Request, { params }: { params: Promise<{ districtGuid: string }> }) {
  const { districtGuid } = await params;
  const district = await findSsoDistrict(districtGuid);
  if (!district) return new NextResponse("No district signs in at this address.", { status: 404 });
  const { connection } = district;
  if (!connection) return redirectTo(signInProblemPath(districtGuid, "not_configured"));

  const body = await readBodyWithin(request, MAX_FORM_BYTES);
  if (!body.ok) return new NextResponse("The sign-in response is too large.", { status: 413 });
  const form = new URLSearchParams(new TextDecoder().decode(body.bytes));

  const result = await readSamlResponse(district, connection, { SAMLResponse: form.get("SAMLResponse"), RelayState: form.get("RelayState") });
  if (!result.ok) {
    const { eventId } = await recordRefusal(district.id, result.reason, {
      nameId: result.nameId,
      idpInitiated: false,
      purpose: result.purpose,
      adminUserId: result.adminUserId,
    });
    return result.purpose === "test" ? redirectTo(`/district/sso/test/${eventId}`) : redirectTo(signInProblemPath(districtGuid, "refused", eventId));
  }

  if (result.purpose === "test" && result.adminUserId) {
    const { eventId } = await recordTestSignIn(district, connection, result.assertion, result.adminUserId);
    return redirectTo(`/district/sso/test/${eventId}`);
  }

  if (!connection.signInEnabled) {
    const { eventId } = await recordRefusal(district.id, TURNED_OFF, {
      nameId: result.assertion.nameId,
      idpInitiated: result.idpInitiated,
      purpose: "sign_in",
      adminUserId: null,
    });
    return redirectTo(signInProblemPath(districtGuid, "off", eventId));
  }

  const outcome = await completeSignIn(district, connection, result.assertion, { idpInitiated: result.idpInitiated });
  switch (outcome.kind) {
    case "signed_in":
    case "created": {
      const response = redirectTo("/my-apps");
      await startPersonSession(response, outcome.person);
      return response;
    }
    case "not_provisioned":
      return redirectTo(signInProblemPath(districtGuid, "not_provisioned"));
    case "refused":
      return redirectTo(signInProblemPath(districtGuid, "refused"));
  }
}

function redirectTo(path: string): NextResponse {
  const response = NextResponse.redirect(new URL(path, getConfig().publicUrl), 303);
  response.headers.set("Cache-Control", "no-store");
  return response;
}
