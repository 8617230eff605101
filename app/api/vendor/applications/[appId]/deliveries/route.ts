import { NextResponse, type NextRequest } from "next/server";
import { notFoundJson, vendorAdminForApi } from "@/lib/auth/api-guards";
import { listDeliveries, parseDeliveryFilter } from "@/lib/webhooks/deliveries";

export async function GET(request: NextRequest, { params }: { params: Promise<{ appId: string }> }) {
  const guard = await vendorAdminForApi();
  if (guard.response) return guard.response;
  const { appId } = await params;
  const page = await listDeliveries(guard.user.vendorId, appId, parseDeliveryFilter(request.nextUrl.searchParams));
  return page ? NextResponse.json(page, { headers: { "cache-control": "no-store" } }) : notFoundJson();
}
