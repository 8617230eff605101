// What one HTTP exchange means for a message, in words a vendor can act on. Pure.
import type { OutboundResult } from "@/lib/outbound";
import { parseRetryAfter, verdictForStatus, type AttemptVerdict } from "@/lib/webhooks/retry-schedule";

export type AttemptOutcome = {
  verdict: AttemptVerdict;
  errorKind: string | null;
  errorMessage: string | null;
  retryAfterMs: number | null;
};

export const NO_URL_MESSAGE = "No webhook URL is saved for this application. Add one on the Provisioning tab.";

export function outcomeOf(result: OutboundResult | null, now: Date): AttemptOutcome {
  if (!result) return { verdict: "retry", errorKind: "no_url", errorMessage: NO_URL_MESSAGE, retryAfterMs: null };
  if (!result.ok) return { verdict: "retry", errorKind: result.error.kind, errorMessage: result.error.message, retryAfterMs: null };

  const verdict = verdictForStatus(result.status);
  if (verdict === "delivered") return { verdict, errorKind: null, errorMessage: null, retryAfterMs: null };
  return {
    verdict,
    errorKind: "status",
    errorMessage: statusMessage(result.status, result.headers),
    retryAfterMs: result.status === 429 || result.status === 503 ? parseRetryAfter(result.headers["retry-after"], now) : null,
  };
}

function statusMessage(status: number, headers: Record<string, string>): string {
  if (status >= 300 && status < 400) {
    const location = headers["location"] ? ` to ${headers["location"]}` : "";
    return `Your endpoint answered ${status}, a redirect${location}. Rollcall does not follow redirects: save the final URL as the webhook URL.`;
  }
  if (status === 408) return "Your endpoint answered 408 (request timeout).";
  if (status === 429) return "Your endpoint answered 429 (too many requests).";
  if (status >= 500) return `Your endpoint answered ${status}, a server error.`;
  if (status >= 400) return `Your endpoint answered ${status}. Rollcall does not retry this answer: check the response below, fix the receiver, then redeliver.`;
  return `Your endpoint answered ${status}, which is not a success (2xx).`;
}
