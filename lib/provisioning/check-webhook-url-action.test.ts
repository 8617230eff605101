// checkWebhookUrlAction as a vendor admin's browser calls it, against a real PostgreSQL;
// the session is faked and DNS is stubbed, so no name is resolved and nothing is contacted.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { lookupAllAddresses } from "@/lib/outbound/vetted-address";
import { checkWebhookUrlAction } from "@/lib/provisioning/actions";
import { createDistrictAdmin, createVendorWithApplication } from "@/test/factories";

vi.mock("@/lib/auth/session", () => ({ getSessionUser: vi.fn() }));
vi.mock("@/lib/outbound/vetted-address", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/outbound/vetted-address")>()),
  lookupAllAddresses: vi.fn(),
}));

const signInAs = (user: SessionUser | null) => vi.mocked(getSessionUser).mockResolvedValue(user);

let acme: Awaited<ReturnType<typeof createVendorWithApplication>>;

beforeEach(async () => {
  acme = await createVendorWithApplication("Acme");
  signInAs(acme.admin);
  vi.mocked(lookupAllAddresses).mockReset().mockResolvedValue([{ address: "127.0.0.1", family: 4 }]);
});

describe("checkWebhookUrlAction", () => {
  it("checks the URL with the instance's configuration (loopback and http://localhost allowed in tests)", async () => {
    const result = await checkWebhookUrlAction({ applicationId: acme.application.id, url: " http://localhost:4010/hook " });
    expect(result).toEqual({
      ok: true,
      data: { tone: "info", message: expect.stringMatching(/^localhost resolves to 127\.0\.0\.1, a loopback address.*Plain http:\/\/ is allowed here/) },
    });
    expect(lookupAllAddresses).toHaveBeenCalledWith("localhost");
  });

  it("treats another vendor's application as not found, without resolving anything", async () => {
    const globex = await createVendorWithApplication("Globex");
    signInAs(globex.admin);
    const result = await checkWebhookUrlAction({ applicationId: acme.application.id, url: "http://localhost:4010/hook" });
    expect(result).toEqual({ ok: false, formError: "This application was not found. It may have been deleted." });
    expect(lookupAllAddresses).not.toHaveBeenCalled();
  });

  it("answers a bad URL with a failure, never an exception", async () => {
    const tooLong = `https://localhost/${"a".repeat(2048)}`;
    for (const url of ["not a url", "ftp://localhost/hook", tooLong]) {
      const result = await checkWebhookUrlAction({ applicationId: acme.application.id, url });
      expect(result).toMatchObject({ ok: false, fieldErrors: { url: expect.any(String) } });
    }
    const malformed = await checkWebhookUrlAction({ applicationId: "nope" } as unknown as { applicationId: string; url: string });
    expect(malformed.ok).toBe(false);
    expect(lookupAllAddresses).not.toHaveBeenCalled();
  });

  it("refuses signed-out visitors and district admins", async () => {
    const input = { applicationId: acme.application.id, url: "http://localhost:4010/hook" };
    signInAs(null);
    expect(await checkWebhookUrlAction(input)).toEqual({ ok: false, formError: "Your session has ended. Sign in again, then retry." });
    signInAs(await createDistrictAdmin());
    expect(await checkWebhookUrlAction(input)).toEqual({ ok: false, formError: "Only vendor admins can change this." });
    expect(lookupAllAddresses).not.toHaveBeenCalled();
  });
});
