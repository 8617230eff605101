import { credentialsForDistrict } from "@/lib/data-api/credentials";
import { authenticatePartner } from "@/lib/partner-api/api-keys";
import { partnerError, partnerJson } from "@/lib/partner-api/responses";
import { DISTRICT_SUSPENDED_MESSAGE } from "@/lib/tenants/suspension";

export async function GET(request: Request, { params }: { params: Promise<{ districtGuid: string }> }) {
  const partner = await authenticatePartner(request);
  if (!partner.ok) return partner.response;
  const { districtGuid } = await params;
  const lookup = await credentialsForDistrict(partner.vendorId, districtGuid.toLowerCase());
  if (lookup.ok) return partnerJson(lookup.credentials);
  return lookup.reason === "district_suspended"
    ? partnerError(403, "district_suspended", DISTRICT_SUSPENDED_MESSAGE)
    : partnerError(404, "not_found", "No district with this GUID uses any of your applications.");
}
