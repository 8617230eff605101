import { NextResponse } from "next/server";
import { notFoundJson, vendorAdminForApi } from "@/lib/auth/api-guards";
import { getDelivery } from "@/lib/webhooks/deliveries";

export async function GET(_request: Request, { params }: { params: Promise<{ appId: string; messageId: string }> }) {
  const guard = await vendorAdminForApi();
  if (guard.response) return guard.response;
  const { appId, messageId } = await params;
  const delivery = await getDelivery(guard.user.vendorId, appId, messageId);
  return delivery ? NextResponse.json(delivery, { headers: { "cache-control": "no-store" } }) : notFoundJson();
}
