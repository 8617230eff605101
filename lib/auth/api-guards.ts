// Authorisation for route handlers: the same checks as the page guards, answered as JSON
// status codes instead of redirects.
import { NextResponse } from "next/server";
import { isDistrictAdmin, isOperator, isVendorAdmin, type DistrictAdmin, type Operator, type VendorAdmin } from "@/lib/auth/guards";
import { getSessionUser } from "@/lib/auth/session";

export type ApiGuardResult<User> = { user: User; response?: never } | { user?: never; response: NextResponse };

export async function vendorAdminForApi(): Promise<ApiGuardResult<VendorAdmin>> {
  const user = await getSessionUser();
  if (!user) return { response: NextResponse.json({ error: "Sign in to continue." }, { status: 401 }) };
  if (!isVendorAdmin(user)) return { response: notFoundJson() };
  return { user };
}

export async function districtAdminForApi(): Promise<ApiGuardResult<DistrictAdmin>> {
  const user = await getSessionUser();
  if (!user) return { response: NextResponse.json({ error: "Sign in to continue." }, { status: 401 }) };
  if (!isDistrictAdmin(user)) return { response: notFoundJson() };
  return { user };
}

export async function operatorForApi(): Promise<ApiGuardResult<Operator>> {
  const user = await getSessionUser();
  if (!user) return { response: NextResponse.json({ error: "Sign in to continue." }, { status: 401 }) };
  if (!isOperator(user)) return { response: notFoundJson() };
  return { user };
}

export function notFoundJson(): NextResponse {
  return NextResponse.json({ error: "Not found." }, { status: 404 });
}
