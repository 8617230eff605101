import { describe, expect, it } from "vitest";
import { provisioningSettingsSchema, type ProvisioningSettingsInput } from "@/lib/provisioning/schema";

const schema = provisioningSettingsSchema({ httpWebhookHosts: ["localhost"] });

const valid: ProvisioningSettingsInput = {
  applicationId: "5b0e6c1e-4f7a-4c2e-9d3b-2a8f1c7e9b01",
  version: 3,
  autoProvisioning: true,
  autoApprove: true,
  webhookUrl: "https://application-host.com/webhook",
  headers: [{ storedId: null, name: "X-Api-Key", value: "abc123", secret: true, hasStoredSecret: false }],
  buttonLabel: "Activate",
};

function errorsOf(overrides: Partial<ProvisioningSettingsInput>): Record<string, string> {
  const result = schema.safeParse({ ...valid, ...overrides });
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join("."), issue.message]));
}

const header = (name: string, value = "v") => ({ storedId: null, name, value, secret: false, hasStoredSecret: false });

describe("provisioning settings schema", () => {
  it("accepts a complete configuration", () => {
    expect(errorsOf({})).toEqual({});
  });

  it("requires a webhook URL only while auto-provisioning is on", () => {
    expect(errorsOf({ webhookUrl: "" })).toEqual({ webhookUrl: "Enter a webhook URL to turn on auto-provisioning" });
    expect(errorsOf({ webhookUrl: "", autoProvisioning: false })).toEqual({});
  });

  it.each([
    ["not a url", "Enter a full URL, like https://example.com/webhook"],
    ["/relative/path", "Enter a full URL, like https://example.com/webhook"],
    ["ftp://files.example.com/hook", "Use an https:// URL"],
    ["http://example.com/hook", "Use https:// (plain http:// is allowed only for localhost)"],
    ["https://user:pass@example.com/hook", "Remove the user name and password from the URL; send credentials in a header instead"],
    [`https://example.com/${"a".repeat(2030)}`, "Webhook URL can be at most 2048 characters"],
  ])("rejects the webhook URL %s", (webhookUrl, message) => {
    expect(errorsOf({ webhookUrl })).toEqual({ webhookUrl: message });
  });

  it("allows plain http:// only for the configured hosts", () => {
    expect(errorsOf({ webhookUrl: "http://localhost:4000/hook" })).toEqual({});
    expect(errorsOf({ webhookUrl: "http://LOCALHOST/hook" })).toEqual({});
    expect(errorsOf({ webhookUrl: "http://localhost.evil.example/hook" })).toEqual({
      webhookUrl: "Use https:// (plain http:// is allowed only for localhost)",
    });
    const ipv6 = provisioningSettingsSchema({ httpWebhookHosts: ["::1"] });
    expect(ipv6.safeParse({ ...valid, webhookUrl: "http://[::1]:4000/hook" }).success).toBe(true);
    const strict = provisioningSettingsSchema({ httpWebhookHosts: [] });
    expect(strict.safeParse({ ...valid, webhookUrl: "http://localhost:4000/hook" }).success).toBe(false);
  });

  it("accepts a URL of exactly 2048 characters", () => {
    const base = "https://example.com/";
    expect(errorsOf({ webhookUrl: base + "a".repeat(2048 - base.length) })).toEqual({});
  });

  it.each([
    ["", "Enter a header name"],
    ["X Api Key", "Use only letters, digits and ! # $ % & ' * + - . ^ _ ` | ~ (no spaces or colons)"],
    ["X-Key:", "Use only letters, digits and ! # $ % & ' * + - . ^ _ ` | ~ (no spaces or colons)"],
    ["Host", "Host is set by Rollcall and can't be changed"],
    ["content-type", "content-type is set by Rollcall and can't be changed"],
    ["Content-Length", "Content-Length is set by Rollcall and can't be changed"],
    ["Transfer-Encoding", "Transfer-Encoding is set by Rollcall and can't be changed"],
    ["Connection", "Connection is set by Rollcall and can't be changed"],
    ["User-Agent", "User-Agent is set by Rollcall and can't be changed"],
    ["Webhook-Signature", "Webhook-Signature is set by Rollcall and can't be changed"],
    ["webhook-anything", "webhook-anything is set by Rollcall and can't be changed"],
  ])("rejects the header name %j", (name, message) => {
    expect(errorsOf({ headers: [header(name)] })).toEqual({ "headers.0.name": message });
  });

  it("rejects a repeated header name, whatever its case", () => {
    expect(errorsOf({ headers: [header("X-Tenant"), header("x-tenant")] })).toEqual({
      "headers.1.name": "This header is already in the list (names are case-insensitive)",
    });
  });

  it.each([
    ["line\nbreak", "Header values can't contain line breaks or NUL characters"],
    ["carriage\rreturn", "Header values can't contain line breaks or NUL characters"],
    ["nul\0byte", "Header values can't contain line breaks or NUL characters"],
    ["x".repeat(4097), "Header values can be at most 4 KB"],
    ["é".repeat(2049), "Header values can be at most 4 KB"],
    ["", "Enter a header value"],
  ])("rejects the header value %#", (value, message) => {
    expect(errorsOf({ headers: [header("X-Tenant", value)] })).toEqual({ "headers.0.value": message });
  });

  it("accepts a 4 KB value and lets a stored secret stay blank", () => {
    expect(errorsOf({ headers: [header("X-Tenant", "x".repeat(4096))] })).toEqual({});
    const keep = { storedId: "e7c2b8a5-1d4f-4e9b-8a6c-3b5d7f9e1a23", name: "X-Api-Key", value: "", secret: true, hasStoredSecret: true };
    expect(errorsOf({ headers: [keep] })).toEqual({});
  });

  it("allows at most 20 headers", () => {
    const headers = Array.from({ length: 21 }, (_, index) => header(`X-Header-${index}`));
    expect(errorsOf({ headers: headers.slice(0, 20) })).toEqual({});
    expect(errorsOf({ headers })).toEqual({ headers: "You can add at most 20 headers" });
  });

  it.each([
    ["", "Enter the label of the button districts will click"],
    ["   ", "Enter the label of the button districts will click"],
    ["x".repeat(31), "Button label can be at most 30 characters"],
    ["<b>Go</b>", "Button label can't contain < or >"],
    ["Start\u0007", "Button label can't contain control characters"],
  ])("rejects the button label %j", (buttonLabel, message) => {
    expect(errorsOf({ buttonLabel })).toEqual({ buttonLabel: message });
  });

  it("trims the button label and accepts 30 characters", () => {
    const parsed = schema.parse({ ...valid, buttonLabel: `  ${"x".repeat(30)}  ` });
    expect(parsed.buttonLabel).toBe("x".repeat(30));
  });

  it("rejects malformed requests instead of trusting the browser", () => {
    expect(schema.safeParse({ ...valid, applicationId: "../../etc" }).success).toBe(false);
    expect(schema.safeParse({ ...valid, headers: "X-Api-Key: 1" }).success).toBe(false);
    expect(schema.safeParse(null).success).toBe(false);
  });
});
