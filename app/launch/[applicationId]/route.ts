// Opens an application from My apps: the vendor's launch URL with a fresh launch token, for
// a signed-in person whose district shows them the application; anyone else goes back with a reason.
import { NextResponse } from "next/server";
import { getSignedInPerson } from "@/lib/auth/person-session";
import { getConfig } from "@/lib/config";
import { launchTarget } from "@/lib/launch/portal";

export async function GET(_request: Request, { params }: { params: Promise<{ applicationId: string }> }) {
  const { applicationId } = await params;
  const person = await getSignedInPerson();
  if (!person) return seeOther(new URL("/sign-in/school", getConfig().publicUrl));
  const target = await launchTarget(person, applicationId);
  if (!target.ok) return seeOther(new URL(`/my-apps?problem=${target.problem}`, getConfig().publicUrl));
  return seeOther(target.location);
}

function seeOther(location: URL | string): NextResponse {
  return NextResponse.redirect(location, { status: 303, headers: { "cache-control": "no-store", "referrer-policy": "no-referrer" } });
}
