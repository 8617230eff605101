// Where an outbound SFTP connection may go: the vendor's host resolved once and every address
// vetted against the same SSRF policy as webhooks, so the client connects to the vetted address.
import { getConfig } from "@/lib/config";
import { lookupAllAddresses, resolveVettedAddress, type Lookup, type ResolvedAddress } from "@/lib/outbound/vetted-address";
import type { DeliveryFailure } from "@/lib/deliveries/types";

export type { Lookup, ResolvedAddress };

export type DestinationAddress = { ok: true; address: ResolvedAddress } | { ok: false; failure: DeliveryFailure };

export async function resolveDestinationAddress(
  host: string,
  { lookup = lookupAllAddresses, timeoutMs }: { lookup?: Lookup; timeoutMs: number },
): Promise<DestinationAddress> {
  const signal = AbortSignal.timeout(timeoutMs);
  // A host typed as [::1] is the bare IPv6 address.
  const hostname = host.trim().replace(/^\[(.*)\]$/, "$1");
  const vetted = await resolveVettedAddress(hostname, { allowedNetworks: getConfig().outboundAllowedNetworks, lookup, signal, timeoutMs });
  if (vetted.ok) return vetted;
  const { kind, message } = vetted.error;
  if (kind === "blocked_address") return { ok: false, failure: { kind: "blocked_address", message: `${message}.`, retry: false } };
  if (kind === "timeout") return { ok: false, failure: { kind: "timeout", message: `${message}.`, retry: true } };
  return { ok: false, failure: { kind: "unreachable", message: `${message}. Check the host name on the File delivery tab.`, retry: true } };
}
