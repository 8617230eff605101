import { credentialsForDistrict } from "@/lib/data-api/credentials";
import { authenticatePartner } from "@/lib/partner-api/api-keys";
import { partnerError, partnerJson } from "@/lib/partner-api/responses";

export async function GET(request: Request, { params }: { params: Promise<{ districtGuid: string }> }) {
  const partner = await authenticatePartner(request);
  if (!partner.ok) return partner.response;
  const { districtGuid } = await params;
  const credentials = await credentialsForDistrict(partner.vendorId, districtGuid.toLowerCase());
  return credentials
    ? partnerJson(credentials)
    : partnerError(404, "not_found", "No district with this GUID uses any of your applications.");
}
