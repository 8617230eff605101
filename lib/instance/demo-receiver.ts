// The demo instance's own webhook receiver, so that a newcomer sees activations reach a
// "vendor" end to end without running anything else. It does what a vendor's receiver
// does, with the library vendors use: verify the Standard Webhooks signature and timestamp,
// then answer 200. Only an instance that loaded the demo data answers; elsewhere it is 404.
import { Webhook, WebhookVerificationError } from "standardwebhooks";
import { db } from "@/lib/db";
import { hasDemoData } from "@/lib/instance/demo";
import { isUuid } from "@/lib/uuid";
import { activeSigningSecrets } from "@/lib/webhooks/signing-secrets";

const MAX_BODY_BYTES = 64 * 1024;

export async function receiveDemoWebhook(request: Request): Promise<Response> {
  if (!(await hasDemoData())) return Response.json({ error: "Not found." }, { status: 404 });
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) return refuse(413, "payload too large");

  const body = await request.text();
  const applicationId = applicationIdOf(body);
  if (!applicationId || !(await db().application.count({ where: { id: applicationId } }))) return refuse(400, "unknown application");

  const headers = Object.fromEntries(request.headers);
  const secrets = await activeSigningSecrets(applicationId);
  // During a rotation the header carries one signature per secret; any one may verify.
  const verified = secrets.some((secret) => verifies(secret, body, headers));
  return verified ? Response.json({ received: headers["webhook-id"] }) : refuse(401, "invalid signature or timestamp");
}

function verifies(secret: string, body: string, headers: Record<string, string>): boolean {
  try {
    new Webhook(secret).verify(body, headers);
    return true;
  } catch (error) {
    if (error instanceof WebhookVerificationError) return false;
    throw error;
  }
}

function applicationIdOf(body: string): string | null {
  try {
    const { applicationId } = JSON.parse(body) as { applicationId?: unknown };
    return typeof applicationId === "string" && isUuid(applicationId) ? applicationId : null;
  } catch {
    return null;
  }
}

function refuse(status: number, error: string): Response {
  return Response.json({ error }, { status });
}
