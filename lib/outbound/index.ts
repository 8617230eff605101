// The app-wide outbound HTTP client: everything Rollcall sends to another server goes
// through `outboundClient().send(...)`, with the networks the operator allowed.
import { getConfig } from "@/lib/config";
import { createOutboundClient, type OutboundClient } from "@/lib/outbound/http-client";

export { headersOnTheWire } from "@/lib/outbound/http-client";

let client: OutboundClient | undefined;

export function outboundClient(): OutboundClient {
  client ??= createOutboundClient({ allowedNetworks: getConfig().outboundAllowedNetworks });
  return client;
}

export type { OutboundClient, OutboundErrorKind, OutboundRequest, OutboundResult, Timings } from "@/lib/outbound/http-client";
export { type AddressClass, type AllowedNetwork, classifyAddress, isAddressAllowed } from "@/lib/outbound/address-policy";
