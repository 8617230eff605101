// What a webhook URL must look like before Rollcall will store it. Whether its host is
// reachable and public is checked again when a request is sent (the SSRF guard).

export const MAX_WEBHOOK_URL_LENGTH = 2048;

export function webhookUrlProblem(value: string, httpHosts: readonly string[]): string | null {
  if (value.length > MAX_WEBHOOK_URL_LENGTH) return `Webhook URL can be at most ${MAX_WEBHOOK_URL_LENGTH} characters`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "Enter a full URL, like https://example.com/webhook";
  }
  if (url.username || url.password) {
    return "Remove the user name and password from the URL; send credentials in a header instead";
  }
  if (url.protocol === "https:") return null;
  if (url.protocol === "http:" && httpHosts.includes(bareHostname(url))) return null;
  if (url.protocol === "http:") {
    return httpHosts.length > 0
      ? `Use https:// (plain http:// is allowed only for ${httpHosts.join(", ")})`
      : "Use an https:// URL";
  }
  return "Use an https:// URL";
}

function bareHostname(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, "$1").toLowerCase();
}
