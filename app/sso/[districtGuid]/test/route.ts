// Test sign-in: a district admin goes through the identity provider and comes back to a page
// showing what was received and what would happen. Nothing is created.
import { NextResponse } from "next/server";
import { isDistrictAdmin } from "@/lib/auth/guards";
import { getSessionUser } from "@/lib/auth/session";
import { getConfig } from "@/lib/config";
import { findSsoDistrict } from "@/lib/sso/district";
import { startSamlRequest } from "@/lib/sso/saml";

export async function GET(request: Request, { params }: { params: Promise<{ districtGuid: string }> }) {
  const { districtGuid } = await params;
  const user = await getSessionUser();
  if (!user) {
    const signIn = new URL("/sign-in", getConfig().publicUrl);
    signIn.searchParams.set("callbackUrl", new URL(request.url).pathname);
    return NextResponse.redirect(signIn, 303);
  }
  const district = await findSsoDistrict(districtGuid);
  if (!district || !isDistrictAdmin(user) || user.districtId !== district.id) return new NextResponse("Not found.", { status: 404 });
  if (!district.connection) {
    return NextResponse.redirect(new URL("/district/sso?test=no-identity-provider", getConfig().publicUrl), 303);
  }
  const location = await startSamlRequest(district, district.connection, "test", user.id);
  const response = NextResponse.redirect(location, 303);
  response.headers.set("Cache-Control", "no-store");
  return response;
}
