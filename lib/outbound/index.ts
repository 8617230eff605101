// The app-wide outbound HTTP client: everything Rollcall sends to another server goes
// through `outboundClient().send(...)`, with the networks the operator allowed.
import { getConfig } from "@/lib/config";
import { createOutboundClient, headersOnTheWire as wireHeaders, type OutboundClient, type OutboundRequest } from "@/lib/outbound/http-client";

// Keep-alive spares a vendor's endpoint a TCP and TLS handshake for every webhook of a burst.
const KEEP_ALIVE = true;

let client: OutboundClient | undefined;

export function outboundClient(): OutboundClient {
  client ??= createOutboundClient({ allowedNetworks: getConfig().outboundAllowedNetworks, keepAlive: KEEP_ALIVE });
  return client;
}

/** The headers exactly as outboundClient() sends them, in order. */
export function headersOnTheWire(request: Pick<OutboundRequest, "url" | "method" | "headers" | "body">): Array<[string, string]> {
  return wireHeaders(request, KEEP_ALIVE);
}

export type { OutboundClient, OutboundErrorKind, OutboundRequest, OutboundResult, Timings } from "@/lib/outbound/http-client";
export { type AddressClass, type AllowedNetwork, classifyAddress, isAddressAllowed } from "@/lib/outbound/address-policy";
