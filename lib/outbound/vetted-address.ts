// Resolves a host once and checks every address against the SSRF policy, so the caller
// connects to exactly the address that was vetted (a second lookup could be rebound).
import { lookup as dnsLookup } from "node:dns/promises";
import { isIP } from "node:net";
import { type AllowedNetwork, classifyAddress, describeBlockedAddress, isAddressAllowed } from "@/lib/outbound/address-policy";
import { errorCode, seconds } from "@/lib/outbound/network-errors";

export type ResolvedAddress = { address: string; family: 4 | 6 };
export type Lookup = (hostname: string) => Promise<ResolvedAddress[]>;

export type VettedAddress =
  | { ok: true; address: ResolvedAddress }
  | { ok: false; error: { kind: "dns" | "blocked_address" | "timeout"; message: string; dnsCode?: string } };

type VettingOptions = {
  allowedNetworks: ReadonlyArray<AllowedNetwork>;
  lookup: Lookup;
  /** Aborts when the exchange's time is up; the lookup itself cannot be cancelled, only abandoned. */
  signal: AbortSignal;
  timeoutMs: number;
};

/** `hostname` is a DNS name or a bare IP address (no brackets); an IP address is checked without DNS. */
export async function resolveVettedAddress(hostname: string, options: VettingOptions): Promise<VettedAddress> {
  const literalFamily = isIP(hostname);
  if (literalFamily === 4 || literalFamily === 6) {
    return refusal(hostname, `${hostname} is`, options.allowedNetworks) ?? { ok: true, address: { address: hostname, family: literalFamily } };
  }

  let addresses: ResolvedAddress[] | typeof ABANDONED;
  try {
    addresses = await unlessAborted(options.lookup(hostname), options.signal);
  } catch (error) {
    const dnsCode = errorCode(error) ?? String(error);
    return { ok: false, error: { kind: "dns", message: `Could not resolve ${hostname} (DNS: ${dnsCode})`, dnsCode } };
  }
  if (addresses === ABANDONED) return failure("timeout", `Could not resolve ${hostname} within ${seconds(options.timeoutMs)}`);
  const [first] = addresses;
  if (!first) return { ok: false, error: { kind: "dns", message: `Could not resolve ${hostname} (DNS: no addresses)`, dnsCode: "no addresses" } };
  // Every address must pass: the connection must not depend on which one is picked.
  for (const { address } of addresses) {
    const refused = refusal(address, `${hostname} resolves to ${address},`, options.allowedNetworks);
    if (refused) return refused;
  }
  return { ok: true, address: { address: first.address, family: isIP(first.address) === 6 ? 6 : 4 } };
}

export async function lookupAllAddresses(hostname: string): Promise<ResolvedAddress[]> {
  const addresses = await dnsLookup(hostname, { all: true, verbatim: true });
  return addresses.map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));
}

function refusal(address: string, subject: string, allowed: ReadonlyArray<AllowedNetwork>) {
  if (isAddressAllowed(address, allowed)) return null;
  const kinds = ["public", ...allowed];
  const reachable = kinds.length > 1 ? `${kinds.slice(0, -1).join(", ")} and ${kinds.at(-1)}` : "public";
  const why = describeBlockedAddress(classifyAddress(address));
  return failure("blocked_address", `${subject} ${why}; Rollcall only delivers to ${reachable} addresses`);
}

const ABANDONED = Symbol("abandoned");

function unlessAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T | typeof ABANDONED> {
  if (signal.aborted) return Promise.resolve(ABANDONED);
  return new Promise((resolve, reject) => {
    const onAbort = () => resolve(ABANDONED);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.finally(() => signal.removeEventListener("abort", onAbort)).then(resolve, reject);
  });
}

function failure<Kind extends "dns" | "blocked_address" | "timeout">(kind: Kind, message: string) {
  return { ok: false as const, error: { kind, message } };
}
