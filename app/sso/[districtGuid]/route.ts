// A district's sign-in address (SP-initiated): sends the browser to the district's identity provider.
import { NextResponse } from "next/server";
import { getConfig } from "@/lib/config";
import { findSsoDistrict, signInProblemPath } from "@/lib/sso/district";
import { startSamlRequest } from "@/lib/sso/saml";

export async function GET(_request: Request, { params }: { params: Promise<{ districtGuid: string }> }) {
  const { districtGuid } = await params;
  const district = await findSsoDistrict(districtGuid);
  if (!district) return new NextResponse("No district signs in at this address.", { status: 404 });
  const { connection } = district;
  if (!connection) return redirectTo(signInProblemPath(districtGuid, "not_configured"));
  if (!connection.signInEnabled) return redirectTo(signInProblemPath(districtGuid, "off"));
  return redirectTo(await startSamlRequest(district, connection, "sign_in"));
}

function redirectTo(location: string): NextResponse {
  const response = NextResponse.redirect(new URL(location, getConfig().publicUrl), 303);
  response.headers.set("Cache-Control", "no-store");
  return response;
}
