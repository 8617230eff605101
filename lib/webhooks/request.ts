// The headers of a webhook request, in the order they are sent: Rollcall's own first,
// then the vendor's custom headers, which can never replace Rollcall's.
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
