// Rollcall's SAML service-provider metadata for one district, for its identity provider to import.
import { NextResponse } from "next/server";
import { findSsoDistrict } from "@/lib/sso/district";
import { serviceProviderMetadataXml } from "@/lib/sso/service-provider";

export async function GET(request: Request, { params }: { params: Promise<{ districtGuid: string }> }) {
  const { districtGuid } = await params;
  const district = await findSsoDistrict(districtGuid);
  if (!district) return new NextResponse("Not found.", { status: 404 });
  const headers = new Headers({ "Content-Type": "application/samlmetadata+xml; charset=utf-8", "Cache-Control": "public, max-age=300" });
  if (new URL(request.url).searchParams.has("download")) {
    headers.set("Content-Disposition", `attachment; filename="rollcall-sp-metadata.xml"`);
  }
  return new NextResponse(serviceProviderMetadataXml(district.districtGuid), { headers });
}
