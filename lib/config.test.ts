// The environment as Rollcall reads it: a bad value stops the start with the variable's name.
import { afterEach, describe, expect, it, vi } from "vitest";

async function configWith(env: Record<string, string>) {
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  vi.resetModules();
  const { getConfig } = await import("@/lib/config");
  return getConfig;
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe("ROLLCALL_LISTEN_HOST", () => {
  it("is every interface when unset or empty", async () => {
    expect((await configWith({ ROLLCALL_LISTEN_HOST: "" }))().listenHost).toBeNull();
  });

  it.each(["127.0.0.1", "::1", "10.0.4.12"])("takes the address %s", async (address) => {
    expect((await configWith({ ROLLCALL_LISTEN_HOST: address }))().listenHost).toBe(address);
  });

  it("refuses a host name or a typo, naming the variable", async () => {
    const getConfig = await configWith({ ROLLCALL_LISTEN_HOST: "rollcall.example.org" });
    expect(() => getConfig()).toThrow(/ROLLCALL_LISTEN_HOST: must be an IP address such as 127\.0\.0\.1 or ::1/);
    const typo = await configWith({ ROLLCALL_LISTEN_HOST: "127.0.0.256" });
    expect(() => typo()).toThrow(/ROLLCALL_LISTEN_HOST/);
  });
});
