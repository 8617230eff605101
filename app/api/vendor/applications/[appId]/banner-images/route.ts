// Banner image upload: the raw image as the request body (any Content-Type; the content
// decides). Answers { id, url, width, height }, or { error } saying what to do instead.
import { NextResponse } from "next/server";
import { notFoundJson, vendorAdminForApi } from "@/lib/auth/api-guards";
import { findVendorApplication } from "@/lib/applications/queries";
import { storeBannerImage } from "@/lib/banners/images";
import { IMAGE_TOO_LARGE, MAX_IMAGE_BYTES } from "@/lib/banners/schema";
import { readBodyWithin } from "@/lib/http/limited-body";

const NO_STORE = { "cache-control": "no-store" };

export async function POST(request: Request, { params }: { params: Promise<{ appId: string }> }) {
  const guard = await vendorAdminForApi();
  if (guard.response) return guard.response;
  const { appId } = await params;
  if (!(await findVendorApplication(guard.user.vendorId, appId))) return notFoundJson();

  const body = await readBodyWithin(request, MAX_IMAGE_BYTES);
  if (!body.ok) return NextResponse.json({ error: IMAGE_TOO_LARGE }, { status: 413, headers: NO_STORE });
  const stored = await storeBannerImage(guard.user.vendorId, appId, body.bytes);
  return stored.ok
    ? NextResponse.json(stored.image, { status: 201, headers: NO_STORE })
    : NextResponse.json({ error: stored.error }, { status: stored.status, headers: NO_STORE });
}
