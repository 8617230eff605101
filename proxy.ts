// Sends signed-out visitors to sign-in and back where they were going. Only a redirect:
// every page, server action and route handler still authorises on its own.
import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";

export async function proxy(request: NextRequest) {
  const token = await getToken({ req: request, secret: process.env.NEXTAUTH_SECRET });
  if (token) return NextResponse.next();
  const signIn = new URL("/sign-in", request.url);
  const { pathname, search } = request.nextUrl;
  if (pathname !== "/") signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(signIn);
}

export const config = {
  // Everything but sign-in, invitation links (their secret is the credential), the public API
  // reference, the API routes, the OneRoster and SCIM APIs (they answer 401 themselves), school
  // sign-in and what follows it (the person's own session guards My apps and launches), the
  // JWKS and static files.
  matcher: ["/((?!sign-in|invite/|developers|api/|ims/|scim/|sso/|my-apps|launch/|\\.well-known/|_next/|favicon.ico|.*\\.(?:svg|png|ico|txt)$).*)"],
};
