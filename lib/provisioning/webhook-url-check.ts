// "Check the webhook URL, in words": resolves the URL's host through the same vetting the
// outbound client uses and says what a delivery would meet. Sends no HTTP request.
import { z } from "zod";
import { getConfig } from "@/lib/config";
import { type AllowedNetwork, classifyAddress, describeBlockedAddress } from "@/lib/outbound/address-policy";
import { type Lookup, lookupAllAddresses, resolveVettedAddress, type VettedAddress } from "@/lib/outbound/vetted-address";
import { MAX_WEBHOOK_URL_LENGTH } from "@/lib/provisioning/webhook-url-rules";

export type WebhookUrlCheck = { tone: "ok" | "warning" | "info"; message: string };

/** What the operator opened: decides which addresses and which plain-http hosts are fine. */
export type WebhookUrlCheckPolicy = {
  allowedNetworks: ReadonlyArray<AllowedNetwork>;
  httpWebhookHosts: readonly string[];
};

export type WebhookUrlCheckDependencies = Partial<WebhookUrlCheckPolicy> & { lookup?: Lookup; timeoutMs?: number };

// Shorter than a delivery's 10 s: the admin is waiting under the field.
const CHECK_TIMEOUT_MS = 5_000;

/** The action's input: any http(s) URL the form could hold; whether it may be saved is the form's rule. */
export const webhookUrlToCheckSchema = z
  .string()
  .trim()
  .max(MAX_WEBHOOK_URL_LENGTH, `Webhook URL can be at most ${MAX_WEBHOOK_URL_LENGTH} characters`)
  .refine((value) => parseHttpUrl(value) !== null, "Enter a full URL, like https://example.com/webhook");

export async function checkWebhookUrl(rawUrl: string, dependencies: WebhookUrlCheckDependencies = {}): Promise<WebhookUrlCheck> {
  const url = parseHttpUrl(rawUrl);
  if (!url) return { tone: "warning", message: "This is not a full http:// or https:// URL, so it can't be checked." };
  const policy: WebhookUrlCheckPolicy = {
    allowedNetworks: dependencies.allowedNetworks ?? getConfig().outboundAllowedNetworks,
    httpWebhookHosts: dependencies.httpWebhookHosts ?? getConfig().httpWebhookHosts,
  };
  const timeoutMs = dependencies.timeoutMs ?? CHECK_TIMEOUT_MS;
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), timeoutMs);
  try {
    const vetted = await resolveVettedAddress(bareHostname(url), {
      allowedNetworks: policy.allowedNetworks,
      lookup: dependencies.lookup ?? lookupAllAddresses,
      signal: deadline.signal,
      timeoutMs,
    });
    return describeWebhookUrlCheck(url, vetted, policy);
  } finally {
    clearTimeout(timer);
  }
}

/** The words for one vetting result: where the host leads, then what the scheme means here. */
export function describeWebhookUrlCheck(url: URL, vetted: VettedAddress, policy: WebhookUrlCheckPolicy): WebhookUrlCheck {
  const address = describeAddress(bareHostname(url), vetted);
  const scheme = describeScheme(url, policy.httpWebhookHosts);
  // "Deliveries use HTTPS" is noise beside a host that cannot be reached.
  const parts = address.tone !== "ok" && scheme.tone === "ok" ? [address] : [address, scheme];
  return { tone: worstTone(parts), message: parts.map((part) => part.message).join(" ") };
}

function describeAddress(hostname: string, vetted: VettedAddress): WebhookUrlCheck {
  if (!vetted.ok) {
    const { kind, message, dnsCode } = vetted.error;
    if (kind === "dns") {
      const fact = dnsCode ? `${hostname} does not resolve (DNS: ${dnsCode})` : message;
      return { tone: "warning", message: `${fact}. Deliveries will fail until it does.` };
    }
    if (kind === "timeout") return { tone: "warning", message: `${message}. Deliveries will fail while DNS is this slow.` };
    // Already says where the host leads and which addresses Rollcall delivers to.
    return { tone: "warning", message: `${message}.` };
  }
  const ip = vetted.address.address;
  const addressClass = classifyAddress(ip);
  const where = ip === hostname ? `${ip} is ${describeBlockedAddress(addressClass)}` : `${hostname} resolves to ${ip}, ${describeBlockedAddress(addressClass)}`;
  if (addressClass === "public") return { tone: "ok", message: `${where}.` };
  // Vetting passed a non-public address: the operator opened this range.
  return { tone: "info", message: `${where}; Rollcall delivers there only because this instance is configured to allow it.` };
}

function describeScheme(url: URL, httpWebhookHosts: readonly string[]): WebhookUrlCheck {
  if (url.protocol === "https:") return { tone: "ok", message: "Deliveries use HTTPS." };
  if (httpWebhookHosts.includes(bareHostname(url).toLowerCase())) {
    return { tone: "info", message: "Plain http:// is allowed here only because this instance is configured for development." };
  }
  return { tone: "warning", message: "Plain http:// is not allowed for this host: use https:// or the URL can't be saved." };
}

function worstTone(parts: WebhookUrlCheck[]): WebhookUrlCheck["tone"] {
  if (parts.some((part) => part.tone === "warning")) return "warning";
  return parts.some((part) => part.tone === "info") ? "info" : "ok";
}

function parseHttpUrl(value: string): URL | null {
  try {
    const url = new URL(value.trim());
    return url.protocol === "http:" || url.protocol === "https:" ? url : null;
  } catch {
    return null;
  }
}

function bareHostname(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, "$1");
}
