// Secrets never reach the audit log: a changed secret shows as changed, never its value.
export const MASKED = "••••••";

/** MASKED for a value that is set, null for one that is not: enough to see that a secret was added, changed or removed. */
export function maskSecret(value: string | null | undefined): string | null {
  return value ? MASKED : null;
}

/** A URL without its query string, which often carries tokens: only where requests go. */
export function maskUrlQuery(value: string): string;
export function maskUrlQuery(value: string | null): string | null;
export function maskUrlQuery(value: string | null): string | null {
  if (value === null) return null;
  try {
    const url = new URL(value);
    return `${url.origin}${url.pathname}${url.search ? "?…" : ""}`;
  } catch {
    return value;
  }
}
