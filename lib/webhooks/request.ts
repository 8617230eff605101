// The headers of a webhook request, in the order they are sent: Rollcall's own first,
// then the vendor's custom headers, which can never replace Rollcall's.
import { headersOnTheWire, type OutboundRequest } from "@/lib/outbound";
import { isReservedHeaderName } from "@/lib/provisioning/header-rules";
import { signatureHeader } from "@/lib/webhooks/signing";

export const USER_AGENT = "Rollcall-Webhooks/1.0";
export const MASK = "••••••••";

export type CustomHeader = { name: string; value: string; secret: boolean };
export type HeaderList = Array<[name: string, value: string]>;

export type SignedRequestInput = {
  messageId: string;
  timestamp: number;
  body: string;
  signingSecrets: readonly string[];
  customHeaders: readonly CustomHeader[];
};

export function buildWebhookHeaders(input: SignedRequestInput): HeaderList {
  const own: HeaderList = [
    ["content-type", "application/json"],
    ["user-agent", USER_AGENT],
    ["webhook-id", input.messageId],
    ["webhook-timestamp", String(input.timestamp)],
    ["webhook-signature", signatureHeader(input.signingSecrets, input.messageId, input.timestamp, input.body)],
  ];
  const custom = input.customHeaders
    .filter((header) => !isReservedHeaderName(header.name))
    .map((header): [string, string] => [header.name, header.value]);
  return [...own, ...custom];
}

/** The same list with secret custom header values masked, for the deliveries log and screens. */
export function maskHeaders(headers: HeaderList, customHeaders: readonly CustomHeader[]): HeaderList {
  const secretNames = new Set(customHeaders.filter((header) => header.secret).map((header) => header.name.toLowerCase()));
  return headers.map(([name, value]) => [name, secretNames.has(name.toLowerCase()) ? MASK : value]);
}

export type SignedRequest = {
  /** What the client sends; null when there is no URL to send it to. */
  request: (OutboundRequest & { method: "POST" }) | null;
  /** The headers as they go on the wire, secret values masked: for the log and the sample. */
  loggedHeaders: HeaderList;
};

/** The whole request for one attempt (or the Test Webhook sample), signed for `timestamp`. */
export function buildSignedRequest(input: SignedRequestInput & { url: string | null }): SignedRequest {
  const headers = buildWebhookHeaders(input);
  const request = input.url ? { method: "POST" as const, url: input.url, headers, body: input.body } : null;
  // An unparsable URL is refused by the client; its log then shows the headers Rollcall set.
  const onTheWire = request && URL.canParse(request.url) ? headersOnTheWire(request) : headers;
  return { request, loggedHeaders: maskHeaders(onTheWire, input.customHeaders) };
}
