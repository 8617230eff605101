// Ends a teacher's or student's session. A form posted from another site may not sign
// someone out.
import { NextResponse } from "next/server";
import { endPersonSession } from "@/lib/auth/person-session";
import { getConfig } from "@/lib/config";

export async function POST(request: Request) {
  if (!postedFromThisSite(request)) return new NextResponse("Sign out from Rollcall's own page.", { status: 403 });
  await endPersonSession();
  const response = NextResponse.redirect(new URL("/sign-in/school", getConfig().publicUrl), 303);
  response.headers.set("cache-control", "no-store");
  return response;
}

// Browsers send "null" (or nothing) under strict referrer policies; only a named other origin is refused.
function postedFromThisSite(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin || origin === "null") return true;
  try {
    return new URL(origin).host === request.headers.get("host");
  } catch {
    return false;
  }
}
