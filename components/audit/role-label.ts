// How the audit log names an actor's role; token kinds and other recorded roles show as recorded.
const ROLE_LABELS: Record<string, string> = {
  VENDOR_ADMIN: "Vendor admin",
  DISTRICT_ADMIN: "District admin",
  OPERATOR: "Operator",
  system: "Rollcall",
  district_api_token: "API token",
  sftp: "SFTP inbox",
  sftp_key: "SFTP key",
  sso: "School sign-in",
};

export function roleLabel(role: string): string {
  return ROLE_LABELS[role] ?? role;
}
