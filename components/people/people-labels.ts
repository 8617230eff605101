// Roles and statuses of roster people in the words the People pages use.
import type { RosterRole, RosterStatus } from "@/generated/prisma/client";

export const ROLE_LABELS: Record<RosterRole, string> = {
  student: "Student",
  teacher: "Teacher",
  administrator: "Administrator",
  aide: "Aide",
  guardian: "Guardian",
  parent: "Parent",
  proctor: "Proctor",
  relative: "Relative",
};

export const STATUS_LABELS: Record<RosterStatus, string> = { active: "Active", tobedeleted: "To be deleted" };

export const personHref = (sourcedId: string) => `/district/people/${encodeURIComponent(sourcedId)}`;
