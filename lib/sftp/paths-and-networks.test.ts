// The SFTP account's view of its folder, and its allowed networks: pure decisions the server makes first.
import { describe, expect, it } from "vitest";
import { isAddressAllowed } from "@/lib/sftp/networks";
import { allowedNetworksSchema } from "@/lib/sftp/schema";
import { resolveVirtualPath } from "@/lib/sftp/virtual-paths";

describe("resolveVirtualPath", () => {
  it.each([
    [".", { kind: "root", path: "/" }],
    ["/", { kind: "root", path: "/" }],
    ["inbox", { kind: "folder", path: "/inbox", folder: "inbox" }],
    ["./inbox/people.csv", { kind: "file", path: "/inbox/people.csv", folder: "inbox", name: "people.csv" }],
    ["/archive/../inbox//people.csv", { kind: "file", path: "/inbox/people.csv", folder: "inbox", name: "people.csv" }],
  ])("keeps %s inside the account", (requested, expected) => {
    expect(resolveVirtualPath(requested)).toEqual(expected);
  });

  it.each(["..", "../other-district/inbox/x.csv", "/inbox/../../etc/passwd", "/etc/passwd", "/tmp", "inbox/sub/x.csv", "inbox/a\0b"])("refuses %s", (requested) => {
    expect(resolveVirtualPath(requested)).toBeNull();
  });
});

describe("isAddressAllowed", () => {
  it("allows any address when no networks are listed", () => {
    expect(isAddressAllowed("198.51.100.7", [])).toBe(true);
  });
  it("matches IPv4, IPv4-mapped IPv6 and IPv6 addresses against their own kind of range", () => {
    const networks = ["203.0.113.0/24", "2001:db8::/32"];
    expect(isAddressAllowed("203.0.113.99", networks)).toBe(true);
    expect(isAddressAllowed("::ffff:203.0.113.99", networks)).toBe(true);
    expect(isAddressAllowed("2001:db8::5", networks)).toBe(true);
    expect(isAddressAllowed("203.0.114.1", networks)).toBe(false);
    expect(isAddressAllowed("127.0.0.1", networks)).toBe(false);
    expect(isAddressAllowed("not an address", networks)).toBe(false);
  });
});

describe("allowedNetworksSchema", () => {
  it("normalises ranges, one a line, and drops blanks and repeats", () => {
    expect(allowedNetworksSchema.parse({ networks: " 203.0.113.7/24\n\n2001:DB8::1/32\r\n203.0.113.0/24\n" })).toEqual({ networks: ["203.0.113.0/24", "2001:db8::/32"] });
  });
  it("says which line is not a range", () => {
    const result = allowedNetworksSchema.safeParse({ networks: "203.0.113.0/24\n10.0.0.0/33" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/^Line 2: “10\.0\.0\.0\/33” is not an address range/);
    expect(allowedNetworksSchema.safeParse({ networks: "203.0.113.5" }).error?.issues[0]?.message).toMatch(/^Line 1: /);
  });
});
