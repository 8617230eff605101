// Secrets never reach the audit log: a changed secret shows as changed, never its value.
export const MASKED = "••••••";

/** MASKED for a value that is set, null for one that is not: enough to see that a secret was added, changed or removed. */
export function maskSecret(value: string | null | undefined): string | null {
  return value ? MASKED : null;
}
