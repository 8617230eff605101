// How the audit log names an actor's role; token kinds and other recorded roles show as recorded.
const ROLE_LABELS: Record<string, string> = {
  VENDOR_ADMIN: "Vendor admin",
  DISTRICT_ADMIN: "District admin",
  OPERATOR: "Operator",
  system: "Rollcall",
};

export function roleLabel(role: string): string {
  return ROLE_LABELS[role] ?? role;
}
