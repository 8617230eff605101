import { describe, expect, it } from "vitest";
import { type AddressClass, type AllowedNetwork, classifyAddress, describeBlockedAddress, isAddressAllowed } from "@/lib/outbound/address-policy";

// [address, class, allowed with [], with ["loopback"], with ["loopback", "private"]]
const table: Array<[string, AddressClass, boolean, boolean, boolean]> = [
  ["127.0.0.1", "loopback", false, true, true],
  ["127.1.2.3", "loopback", false, true, true],
  ["::1", "loopback", false, true, true],
  ["::ffff:127.0.0.1", "loopback", false, true, true],
  ["::ffff:7f00:1", "loopback", false, true, true],
  ["10.1.2.3", "private", false, false, true],
  ["172.16.0.1", "private", false, false, true],
  ["172.32.0.1", "public", true, true, true],
  ["192.168.1.1", "private", false, false, true],
  ["169.254.169.254", "metadata", false, false, false],
  ["169.254.170.2", "metadata", false, false, false],
  ["fd00:ec2::254", "metadata", false, false, false],
  ["100.100.100.200", "metadata", false, false, false],
  ["192.0.0.192", "metadata", false, false, false],
  ["100.64.0.1", "carrier-grade-nat", false, false, true],
  ["169.254.1.1", "link-local", false, false, false],
  ["fe80::1", "link-local", false, false, false],
  ["0.0.0.0", "unspecified", false, false, false],
  ["::", "unspecified", false, false, false],
  ["224.0.0.1", "multicast", false, false, false],
  ["ff02::1", "multicast", false, false, false],
  ["255.255.255.255", "reserved", false, false, false],
  ["240.0.0.1", "reserved", false, false, false],
  ["198.18.0.1", "reserved", false, false, false],
  ["192.0.2.1", "reserved", false, false, false],
  ["2001:db8::1", "reserved", false, false, false],
  ["fc00::1", "private", false, false, true],
  ["64:ff9b::a9fe:a9fe", "metadata", false, false, false],
  ["64:ff9b::808:808", "public", true, true, true],
  ["2002:a9fe:a9fe::", "metadata", false, false, false],
  ["2002:a00:1::", "private", false, false, true],
  ["::ffff:a9fe:a9fe", "metadata", false, false, false],
  ["::ffff:0:a9fe:a9fe", "metadata", false, false, false],
  ["::7f00:1", "loopback", false, true, true],
  ["8.8.8.8", "public", true, true, true],
  ["2606:4700::1111", "public", true, true, true],
  ["93.184.216.34", "public", true, true, true],
];

const settings: ReadonlyArray<ReadonlyArray<AllowedNetwork>> = [[], ["loopback"], ["loopback", "private"]];

describe("classifyAddress and isAddressAllowed", () => {
  it.each(table)("%s is %s", (address, addressClass, ...allowedUnder) => {
    expect(classifyAddress(address)).toBe(addressClass);
    expect(settings.map((allowed) => isAddressAllowed(address, allowed))).toEqual(allowedUnder);
  });

  it("refuses anything that is not a plain IP address", () => {
    for (const notAnAddress of ["0177.0.0.1", "2130706433", "localhost", "", "1.2.3.4/8"]) {
      expect(classifyAddress(notAnAddress)).toBe("reserved");
      expect(isAddressAllowed(notAnAddress, ["loopback", "private"])).toBe(false);
    }
  });

  it("ignores an IPv6 zone id", () => {
    expect(classifyAddress("fd00:ec2::254%eth0")).toBe("metadata");
    expect(classifyAddress("fe80::1%lo")).toBe("link-local");
  });
});

describe("describeBlockedAddress", () => {
  it("says in plain words what the address is", () => {
    expect(describeBlockedAddress("private")).toBe("a private network address");
    expect(describeBlockedAddress("metadata")).toBe("the cloud metadata service");
    expect(describeBlockedAddress("loopback")).toMatch(/^a loopback address/);
  });
});
