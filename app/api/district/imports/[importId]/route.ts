import { NextResponse } from "next/server";
import { districtAdminForApi, notFoundJson } from "@/lib/auth/api-guards";
import { importDetail } from "@/lib/imports/queries";

export async function GET(_request: Request, { params }: { params: Promise<{ importId: string }> }) {
  const guard = await districtAdminForApi();
  if (guard.response) return guard.response;
  const detail = await importDetail(guard.user.districtId, (await params).importId);
  return detail ? NextResponse.json(detail, { headers: { "Cache-Control": "no-store" } }) : notFoundJson();
}
