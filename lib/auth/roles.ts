import type { Role } from "@/generated/prisma/enums";

export type { Role };

const HOME_PATHS: Record<Role, string> = {
  VENDOR_ADMIN: "/apps",
  DISTRICT_ADMIN: "/district",
  OPERATOR: "/operator",
};

/** Where each kind of user lands after signing in. */
export function homePathFor(role: Role): string {
  return HOME_PATHS[role];
}
