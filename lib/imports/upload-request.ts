// The browser upload's request: the file as the raw body (so that the browser can report
// upload progress and nothing is buffered twice), its name in the query string.
import { NextResponse } from "next/server";
import { getConfig } from "@/lib/config";
import { readBodyWithin } from "@/lib/http/limited-body";
import { receiveUpload } from "@/lib/imports/receive";
import type { DistrictAdmin } from "@/lib/auth/guards";

const FILE_NAME = /^[^/\\\u0000-\u001f]{1,200}$/;

function sameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  return origin === null || origin === new URL(request.url).origin || origin === getConfig().publicUrl;
}

export async function handleUpload(request: Request, admin: DistrictAdmin): Promise<NextResponse> {
  // A cross-site page cannot send this content type without a preflight Rollcall never grants.
  if (!sameOrigin(request) || request.headers.get("content-type") !== "application/octet-stream") {
    return NextResponse.json({ error: "Upload the file from Rollcall's Imports page." }, { status: 403 });
  }
  const fileName = new URL(request.url).searchParams.get("name")?.trim() ?? "";
  if (!FILE_NAME.test(fileName)) return NextResponse.json({ error: "Give the file a name of at most 200 characters." }, { status: 400 });
  const limit = getConfig().importMaxBytes;
  const body = await readBodyWithin(request, limit);
  if (!body.ok) {
    return NextResponse.json({ error: `${fileName} is larger than ${Math.round(limit / (1024 * 1024))} MB, the most an import accepts. Split it into smaller files.` }, { status: 413 });
  }
  const received = await receiveUpload({ districtId: admin.districtId, fileName, content: Buffer.from(body.bytes.buffer, body.bytes.byteOffset, body.bytes.byteLength), createdById: admin.id });
  return NextResponse.json(received, { status: 201 });
}
