// Authorisation in one place. The first line of every page loader and server action is one
// of these; every query after it is scoped by the returned vendor or district id.
import { notFound, redirect } from "next/navigation";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";

export type VendorAdmin = SessionUser & { role: "VENDOR_ADMIN"; vendorId: string };
export type DistrictAdmin = SessionUser & { role: "DISTRICT_ADMIN"; districtId: string };
/** Runs the instance: belongs to no vendor or district. */
export type Operator = SessionUser & { role: "OPERATOR" };

export function isVendorAdmin(user: SessionUser): user is VendorAdmin {
  return user.role === "VENDOR_ADMIN" && user.vendorId !== null;
}

export function isDistrictAdmin(user: SessionUser): user is DistrictAdmin {
  return user.role === "DISTRICT_ADMIN" && user.districtId !== null;
}

export function isOperator(user: SessionUser): user is Operator {
  return user.role === "OPERATOR";
}

/** For pages: signed-out visitors go to sign-in (the proxy normally got there first). */
export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in");
  return user;
}

/** For pages: anyone else gets "not found", which reveals nothing about what exists. */
export async function requireVendorAdmin(): Promise<VendorAdmin> {
  const user = await requireUser();
  if (!isVendorAdmin(user)) notFound();
  return user;
}

export async function requireDistrictAdmin(): Promise<DistrictAdmin> {
  const user = await requireUser();
  if (!isDistrictAdmin(user)) notFound();
  return user;
}

export async function requireOperator(): Promise<Operator> {
  const user = await requireUser();
  if (!isOperator(user)) notFound();
  return user;
}
