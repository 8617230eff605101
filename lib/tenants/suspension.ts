// Suspension of vendors and districts by an operator: sign-in, API keys and tokens refused,
// webhooks and file deliveries paused, nothing deleted. Token lookups fold the check into
// their own query (`ACTIVE_TENANT`); other code asks here, once per request.
import { cache } from "react";
import { db } from "@/lib/db";

/** A Prisma `where` fragment for a vendor or district that is not suspended. */
export const ACTIVE_TENANT = { suspendedAt: null } as const;

/** Paused work (a webhook message, a delivery run) of a suspended tenant is looked at again after this long. */
export const SUSPENSION_RECHECK_MS = 5 * 60_000;

export const VENDOR_SUSPENDED_MESSAGE =
  "This vendor's account is suspended by the Rollcall operator: its API keys and tokens are refused until the operator resumes it.";
export const DISTRICT_SUSPENDED_MESSAGE =
  "This district's account is suspended by the Rollcall operator: its tokens are refused until the operator resumes it.";
export const PERSON_DISTRICT_SUSPENDED_MESSAGE =
  "Your district's Rollcall account is suspended, so you cannot sign in right now. Ask your district administrator.";

/** Whether the vendor is suspended; unknown vendors are not. Cached for the rest of the request. */
export const isVendorSuspended = cache(async (vendorId: string): Promise<boolean> => {
  const vendor = await db().vendor.findUnique({ where: { id: vendorId }, select: { suspendedAt: true } });
  return Boolean(vendor?.suspendedAt);
});

/** Whether the district is suspended; unknown districts are not. Cached for the rest of the request. */
export const isDistrictSuspended = cache(async (districtId: string): Promise<boolean> => {
  const district = await db().district.findUnique({ where: { id: districtId }, select: { suspendedAt: true } });
  return Boolean(district?.suspendedAt);
});

/** When paused work of a suspended tenant is next looked at. */
export function suspensionRecheckAt(now = new Date()): Date {
  return new Date(now.getTime() + SUSPENSION_RECHECK_MS);
}
