// Whether a connection's address is inside the account's allowed networks (none listed: any).
import ipaddr from "ipaddr.js";

export function isAddressAllowed(address: string, networks: readonly string[]): boolean {
  if (networks.length === 0) return true;
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    // ::ffff:203.0.113.7 (an IPv4 client on a dual-stack socket) counts as 203.0.113.7.
    parsed = ipaddr.process(address);
  } catch {
    return false;
  }
  return networks.some((network) => {
    try {
      const range = ipaddr.parseCIDR(network);
      return parsed.kind() === range[0].kind() && parsed.match(range);
    } catch {
      return false;
    }
  });
}
