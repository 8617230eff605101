import type { Role } from "@/generated/prisma/enums";

export type { Role };

/** Where each kind of user lands after signing in. */
export function homePathFor(role: Role): string {
  return role === "VENDOR_ADMIN" ? "/apps" : "/district";
}
