// The webhook URL check through the real vetting, with DNS stubbed: nothing is resolved or contacted.
import { describe, expect, it, vi } from "vitest";
import type { Lookup, ResolvedAddress } from "@/lib/outbound/vetted-address";
import { checkWebhookUrl, type WebhookUrlCheckPolicy } from "@/lib/provisioning/webhook-url-check";

const PRODUCTION: WebhookUrlCheckPolicy = { allowedNetworks: [], httpWebhookHosts: [] };
const DEVELOPMENT: WebhookUrlCheckPolicy = { allowedNetworks: ["loopback"], httpWebhookHosts: ["localhost", "127.0.0.1"] };

function resolvesTo(...addresses: string[]): Lookup {
  return vi.fn(async () => addresses.map((address): ResolvedAddress => ({ address, family: address.includes(":") ? 6 : 4 })));
}

function failsWith(code: string): Lookup {
  return vi.fn(async (hostname: string) => {
    throw Object.assign(new Error(`getaddrinfo ${code} ${hostname}`), { code });
  });
}

describe("checkWebhookUrl", () => {
  it("is happy with a host that resolves to a public address over HTTPS", async () => {
    const lookup = resolvesTo("93.184.216.34");
    expect(await checkWebhookUrl("https://hooks.acme.com/rollcall", { ...PRODUCTION, lookup })).toEqual({
      tone: "ok",
      message: "hooks.acme.com resolves to 93.184.216.34, a public address. Deliveries use HTTPS.",
    });
    expect(lookup).toHaveBeenCalledWith("hooks.acme.com");
  });

  it("warns when the host does not resolve, naming the DNS error", async () => {
    expect(await checkWebhookUrl("https://hooks.acme.test/rollcall", { ...PRODUCTION, lookup: failsWith("ENOTFOUND") })).toEqual({
      tone: "warning",
      message: "hooks.acme.test does not resolve (DNS: ENOTFOUND). Deliveries will fail until it does.",
    });
  });

  it("warns when DNS does not answer in time", async () => {
    const lookup: Lookup = () => new Promise(() => {});
    const check = await checkWebhookUrl("https://slow.acme.com/", { ...PRODUCTION, lookup, timeoutMs: 100 });
    expect(check).toEqual({
      tone: "warning",
      message: "Could not resolve slow.acme.com within 0.1 s. Deliveries will fail while DNS is this slow.",
    });
  });

  it("warns about a private address, naming it", async () => {
    expect(await checkWebhookUrl("https://internal.acme.com/hook", { ...PRODUCTION, lookup: resolvesTo("10.0.0.5") })).toEqual({
      tone: "warning",
      message: "internal.acme.com resolves to 10.0.0.5, a private network address; Rollcall only delivers to public addresses.",
    });
  });

  it("warns about the cloud metadata service even when loopback is allowed", async () => {
    const check = await checkWebhookUrl("https://meta.acme.com/", { ...DEVELOPMENT, lookup: resolvesTo("169.254.169.254") });
    expect(check).toEqual({
      tone: "warning",
      message: "meta.acme.com resolves to 169.254.169.254, the cloud metadata service; Rollcall only delivers to public and loopback addresses.",
    });
  });

  it("warns when any of several addresses is refused, as a delivery would", async () => {
    const check = await checkWebhookUrl("https://mixed.acme.com/", { ...PRODUCTION, lookup: resolvesTo("93.184.216.34", "::ffff:10.0.0.5") });
    expect(check.tone).toBe("warning");
    expect(check.message).toContain("resolves to ::ffff:10.0.0.5, a private network address");
  });

  it("checks an IP address without DNS", async () => {
    const lookup = resolvesTo("93.184.216.34");
    expect(await checkWebhookUrl("https://[fd00::5]/hook", { ...PRODUCTION, lookup })).toEqual({
      tone: "warning",
      message: "fd00::5 is a private network address; Rollcall only delivers to public addresses.",
    });
    expect(await checkWebhookUrl("https://93.184.216.34/hook", { ...PRODUCTION, lookup })).toMatchObject({
      tone: "ok",
      message: "93.184.216.34 is a public address. Deliveries use HTTPS.",
    });
    expect(lookup).not.toHaveBeenCalled();
  });

  it("explains loopback and plain http:// allowed by a development configuration", async () => {
    expect(await checkWebhookUrl("http://localhost:4010/hook", { ...DEVELOPMENT, lookup: resolvesTo("127.0.0.1") })).toEqual({
      tone: "info",
      message:
        "localhost resolves to 127.0.0.1, a loopback address (the Rollcall server itself); Rollcall delivers there only because this instance is configured to allow it. " +
        "Plain http:// is allowed here only because this instance is configured for development.",
    });
  });

  it("mentions plain http:// that could not be saved for this host", async () => {
    const check = await checkWebhookUrl("http://hooks.acme.com/", { ...DEVELOPMENT, lookup: resolvesTo("93.184.216.34") });
    expect(check).toEqual({
      tone: "warning",
      message:
        "hooks.acme.com resolves to 93.184.216.34, a public address. Plain http:// is not allowed for this host: use https:// or the URL can't be saved.",
    });
  });

  it("answers a URL that is not http(s) with a warning instead of throwing", async () => {
    const lookup = resolvesTo("93.184.216.34");
    for (const url of ["not a url", "ftp://hooks.acme.com/", ""]) {
      expect(await checkWebhookUrl(url, { ...PRODUCTION, lookup })).toMatchObject({ tone: "warning" });
    }
    expect(lookup).not.toHaveBeenCalled();
  });
});
