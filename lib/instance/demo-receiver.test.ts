// The demo receiver accepts only correctly signed, fresh webhooks, and only on a demo instance.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { receiveDemoWebhook } from "@/lib/instance/demo-receiver";
import { buildWebhookHeaders } from "@/lib/webhooks/request";
import { generateSigningSecret } from "@/lib/webhooks/signing";
import { activeSigningSecrets } from "@/lib/webhooks/signing-secrets";
import { createVendorWithApplication } from "@/test/factories";

async function post(body: string, secrets: string[], timestamp = Math.floor(Date.now() / 1000)) {
  const headers = buildWebhookHeaders({ messageId: "msg_demo", timestamp, body, signingSecrets: secrets, customHeaders: [] });
  return receiveDemoWebhook(new Request("http://localhost/api/demo/webhook", { method: "POST", headers: Object.fromEntries(headers), body }));
}

describe("the demo webhook receiver", () => {
  it("does not exist on an instance without demo data", async () => {
    const { application } = await createVendorWithApplication();
    const body = JSON.stringify({ applicationId: application.id });
    expect((await post(body, await activeSigningSecrets(application.id))).status).toBe(404);
  });

  it("answers 200 to a signed webhook and 401 to a wrong signature or a stale timestamp", async () => {
    await db().instance.create({ data: { demoDataLoadedAt: new Date() } });
    const { application } = await createVendorWithApplication();
    const body = JSON.stringify({ type: "application.activated", applicationId: application.id });
    const secrets = await activeSigningSecrets(application.id);

    expect((await post(body, secrets)).status).toBe(200);
    expect((await post(body, [generateSigningSecret()])).status).toBe(401);
    expect((await post(body, secrets, Math.floor(Date.now() / 1000) - 3600)).status).toBe(401);
    expect((await post(JSON.stringify({ applicationId: "not-an-id" }), secrets)).status).toBe(400);
  });
});
