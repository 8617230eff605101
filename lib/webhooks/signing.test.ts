// Signatures are checked with the standardwebhooks library that receivers use, not with our own code.
import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { generateSigningSecret, isSigningSecret, signatureHeader } from "@/lib/webhooks/signing";
import { buildWebhookHeaders } from "@/lib/webhooks/request";

const body = JSON.stringify({ type: "application.activated", mode: "test", districtGUID: "00000000-0000-4000-8000-000000000000" });

function headersFor(secrets: string[], timestamp = Math.floor(Date.now() / 1000)) {
  const list = buildWebhookHeaders({ messageId: "msg_0abc", timestamp, body, signingSecrets: secrets, customHeaders: [] });
  return Object.fromEntries(list);
}

describe("webhook signatures", () => {
  it("verify with the standardwebhooks library", () => {
    const secret = generateSigningSecret();
    expect(isSigningSecret(secret)).toBe(true);
    expect(new Webhook(secret).verify(body, headersFor([secret]))).toEqual(JSON.parse(body));
  });

  it("are rejected by the library when the body or the secret differs", () => {
    const secret = generateSigningSecret();
    const headers = headersFor([secret]);
    expect(() => new Webhook(secret).verify(body.replace("test", "trial"), headers)).toThrow();
    expect(() => new Webhook(generateSigningSecret()).verify(body, headers)).toThrow();
  });

  it("carry one signature per active secret during a rotation, so receivers with either secret accept", () => {
    const previous = generateSigningSecret();
    const current = generateSigningSecret();
    const headers = headersFor([current, previous]);
    expect(headers["webhook-signature"]!.split(" ")).toHaveLength(2);
    expect(new Webhook(previous).verify(body, headers)).toBeTruthy();
    expect(new Webhook(current).verify(body, headers)).toBeTruthy();
  });

  it("are timestamped so the library refuses a replay from long ago", () => {
    const secret = generateSigningSecret();
    const anHourAgo = Math.floor(Date.now() / 1000) - 3600;
    expect(() => new Webhook(secret).verify(body, headersFor([secret], anHourAgo))).toThrow(/timestamp/i);
  });

  it("are stable for the same id, timestamp and body", () => {
    const secret = generateSigningSecret();
    expect(signatureHeader([secret], "msg_1", 1700000000, body)).toBe(signatureHeader([secret], "msg_1", 1700000000, body));
    expect(signatureHeader([secret], "msg_1", 1700000000, body)).not.toBe(signatureHeader([secret], "msg_2", 1700000000, body));
  });
});

describe("webhook headers", () => {
  it("put Rollcall's headers first and drop custom headers that would replace them", () => {
    const list = buildWebhookHeaders({
      messageId: "msg_1",
      timestamp: 1700000000,
      body,
      signingSecrets: [generateSigningSecret()],
      customHeaders: [
        { name: "X-Tenant", value: "acme", secret: false },
        { name: "Webhook-Id", value: "forged", secret: false },
        { name: "content-type", value: "text/plain", secret: false },
        { name: "Host", value: "evil.test", secret: false },
      ],
    });
    expect(list.map(([name]) => name)).toEqual(["content-type", "user-agent", "webhook-id", "webhook-timestamp", "webhook-signature", "X-Tenant"]);
    expect(Object.fromEntries(list)["webhook-id"]).toBe("msg_1");
    expect(Object.fromEntries(list)["content-type"]).toBe("application/json");
  });
});
