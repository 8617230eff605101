import { authenticatePartner } from "@/lib/partner-api/api-keys";
import { listPartnerActivations, pageRequestOf } from "@/lib/partner-api/activations";
import { partnerError, partnerJson } from "@/lib/partner-api/responses";

export async function GET(request: Request) {
  const partner = await authenticatePartner(request);
  if (!partner.ok) return partner.response;
  const url = new URL(request.url);
  const page = pageRequestOf(url);
  if ("error" in page) return partnerError(400, "invalid_paging", page.error);

  const { total, activations } = await listPartnerActivations(partner.vendorId, page);
  const next = page.offset + page.limit < total ? nextPageUrl(url, page.offset + page.limit) : null;
  return partnerJson(
    { activations, paging: { total, limit: page.limit, offset: page.offset, next } },
    { headers: { "x-total-count": String(total), ...(next && { link: `<${next}>; rel="next"` }) } },
  );
}

function nextPageUrl(url: URL, offset: number): string {
  const next = new URL(url);
  next.searchParams.set("offset", String(offset));
  return next.toString();
}
