// Which IP addresses Rollcall may send requests to: classifies an address (the SSRF
// decision) and says, in a vendor's words, why a refused one was refused.
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";

export type AddressClass =
  | "public"
  | "loopback"
  | "private"
  | "carrier-grade-nat"
  | "link-local"
  | "metadata"
  | "multicast"
  | "unspecified"
  | "reserved";

/** Networks an operator may open besides the public internet (development, on-premises receivers). */
export type AllowedNetwork = "loopback" | "private";

const METADATA_ADDRESSES = new Set(
  ["169.254.169.254", "169.254.170.2", "fd00:ec2::254", "100.100.100.200", "192.0.0.192"].map((ip) =>
    addressKey(ipaddr.parse(ip)),
  ),
);

const IPV4_CLASSES: Record<string, AddressClass> = {
  unicast: "public",
  loopback: "loopback",
  private: "private",
  carrierGradeNat: "carrier-grade-nat",
  linkLocal: "link-local",
  multicast: "multicast",
  unspecified: "unspecified",
};

const IPV6_CLASSES: Record<string, AddressClass> = {
  loopback: "loopback",
  uniqueLocal: "private",
  linkLocal: "link-local",
  multicast: "multicast",
  unspecified: "unspecified",
};

// ipaddr.js calls these "unicast" although they are not public: IPv6 documentation
// (RFC 9637) and the NAT64 local-use prefix (RFC 8215), whose embedded IPv4 is not at a fixed place.
const NON_PUBLIC_IPV6_UNICAST = ["3fff::/20", "64:ff9b:1::/48"].map((cidr) => ipaddr.IPv6.parseCIDR(cidr));
const GLOBAL_UNICAST_IPV6 = ipaddr.IPv6.parseCIDR("2000::/3");
const SITE_LOCAL_IPV6 = ipaddr.IPv6.parseCIDR("fec0::/10");

/** Classifies an IP address string; anything that is not a plain IPv4/IPv6 address is "reserved". */
export function classifyAddress(ip: string): AddressClass {
  if (isIP(ip) === 0) return "reserved";
  const address = ipaddr.process(ip);
  if (METADATA_ADDRESSES.has(addressKey(address))) return "metadata";
  if (address instanceof ipaddr.IPv4) return IPV4_CLASSES[address.range()] ?? "reserved";
  return classifyIPv6(address);
}

/** Public addresses always; loopback and private ranges only when opened; the rest never. */
export function isAddressAllowed(ip: string, allowed: ReadonlyArray<AllowedNetwork>): boolean {
  switch (classifyAddress(ip)) {
    case "public":
      return true;
    case "loopback":
      return allowed.includes("loopback");
    case "private":
    case "carrier-grade-nat":
      return allowed.includes("private");
    default:
      return false;
  }
}

export function describeBlockedAddress(addressClass: AddressClass): string {
  switch (addressClass) {
    case "public":
      return "a public address";
    case "loopback":
      return "a loopback address (the Rollcall server itself)";
    case "private":
      return "a private network address";
    case "carrier-grade-nat":
      return "a carrier-grade NAT (shared) address";
    case "link-local":
      return "a link-local address";
    case "metadata":
      return "the cloud metadata service";
    case "multicast":
      return "a multicast address";
    case "unspecified":
      return "an unspecified address (0.0.0.0 or ::)";
    case "reserved":
      return "a reserved or special-purpose address";
  }
}

function classifyIPv6(address: ipaddr.IPv6): AddressClass {
  const embedded = embeddedIPv4(address);
  if (embedded) return classifyAddress(embedded);
  const range = address.range();
  if (range !== "unicast") return IPV6_CLASSES[range] ?? "reserved";
  if (address.match(SITE_LOCAL_IPV6)) return "private";
  if (!address.match(GLOBAL_UNICAST_IPV6)) return "reserved";
  if (NON_PUBLIC_IPV6_UNICAST.some((cidr) => address.match(cidr))) return "reserved";
  return "public";
}

// Forms that carry an IPv4 address and may be routed to it: SIIT (::ffff:0:a.b.c.d),
// NAT64 (64:ff9b::a.b.c.d), 6to4 (2002:aabb:ccdd::) and IPv4-compatible (::a.b.c.d).
function embeddedIPv4(address: ipaddr.IPv6): string | null {
  const bytes = address.toByteArray();
  const range = address.range();
  if (range === "rfc6145" || range === "rfc6052") return bytes.slice(12, 16).join(".");
  if (range === "6to4") return bytes.slice(2, 6).join(".");
  const isIPv4Compatible = bytes.slice(0, 12).every((byte) => byte === 0) && range === "unicast";
  return isIPv4Compatible ? bytes.slice(12, 16).join(".") : null;
}

// Bytes, so that "fd00:ec2::254" and "fd00:ec2:0::254%eth0" compare equal.
function addressKey(address: ipaddr.IPv4 | ipaddr.IPv6): string {
  return address.toByteArray().join(".");
}
