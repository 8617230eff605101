// A reference receiver for Rollcall's webhooks: what a vendor's system does when a district
// activates its application. It checks the Standard Webhooks signature, answers 200 at once,
// and afterwards exchanges the district's GUID for Data API credentials and reads every user
// of the district's roster over OneRoster 1.1.
//
//   ROLLCALL_SIGNING_SECRET=whsec_… ROLLCALL_API_KEY=rc_pk_… \
//     npx tsx examples/vendor-receiver/receiver.ts --port 4500
//
// stdout: one JSON line per event (listening, roster.read, roster.failed,
// application.deactivated); stderr: progress and notes for people.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { parseArgs } from "node:util";
import { Webhook, WebhookVerificationError } from "standardwebhooks";
import { readRoster } from "./read-roster";

/** The body of every Rollcall webhook (docs/webhooks.md). */
type WebhookEvent = {
  /** "application.activated" or "application.deactivated"; ignore types you do not know. */
  type: string;
  mode: "test" | "trial" | "standard";
  districtGUID: string;
  applicationId: string;
  district: { name: string; state: string };
  occurredAt: string;
  credentialsUrl: string;
};

const WEBHOOK_PATH = "/webhooks";
const MAX_BODY_BYTES = 64 * 1024;

const config = readConfig();
const webhook = new Webhook(config.signingSecret);
/** webhook-ids already taken on: Rollcall delivers at least once. Keep them in your database in production. */
const processed = new Set<string>();
/** One district at a time, after the answer: Rollcall waits at most 10 seconds for a 200. */
let queue: Promise<void> = Promise.resolve();

const server = createServer((request, response) => {
  receive(request, response).catch((error: unknown) => {
    console.error("Could not handle a request:", error);
    if (!response.headersSent) reply(response, 500, { error: "internal error" });
  });
});

server.listen(config.port, "127.0.0.1", () => {
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}${WEBHOOK_PATH}`;
  emit({ event: "listening", url });
  console.error(`Listening for Rollcall webhooks at ${url}: set it as the Webhook URL on the application's Provisioning tab.`);
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    server.close();
    server.closeAllConnections();
    process.exit(0);
  });
}

async function receive(request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (new URL(request.url ?? "/", "http://receiver").pathname !== WEBHOOK_PATH) return reply(response, 404, { error: `Webhooks go to ${WEBHOOK_PATH}.` });
  if (request.method !== "POST") return reply(response, 405, { error: "Send webhooks as POST." });

  const body = await readBody(request);
  if (body === null) return reply(response, 413, { error: "payload too large" });

  // Verify the exact bytes received, before parsing them; the library also refuses a
  // timestamp more than five minutes away, so a captured request cannot be replayed later.
  const headers = {
    "webhook-id": headerOf(request, "webhook-id"),
    "webhook-timestamp": headerOf(request, "webhook-timestamp"),
    "webhook-signature": headerOf(request, "webhook-signature"),
  };
  let payload: unknown;
  try {
    payload = webhook.verify(body, headers);
  } catch (error) {
    if (error instanceof WebhookVerificationError) {
      console.error(`Refused a webhook (${error.message}): is ROLLCALL_SIGNING_SECRET this application's current secret?`);
      return reply(response, 401, { error: "invalid signature or timestamp" });
    }
    throw error;
  }
  const event = asWebhookEvent(payload);
  if (!event) return reply(response, 400, { error: "not a Rollcall event" });

  const id = headers["webhook-id"];
  if (processed.has(id)) return reply(response, 200, { received: id, duplicate: true });
  processed.add(id);
  reply(response, 200, { received: id });

  queue = queue.then(() => handle(event, id));
}

async function handle(event: WebhookEvent, webhookId: string): Promise<void> {
  const about = { districtGUID: event.districtGUID, districtName: event.district.name, mode: event.mode };
  switch (event.type) {
    case "application.activated":
      try {
        assertFromOurRollcall(event.credentialsUrl);
        const { districtGUID, districtName, ...counts } = await readRoster(event.credentialsUrl, config.apiKey);
        emit({ event: "roster.read", districtGUID, districtName, mode: event.mode, ...counts });
      } catch (error) {
        // Forget the id, so that Redeliver on the Deliveries tab tries again.
        processed.delete(webhookId);
        const message = error instanceof Error ? error.message : String(error);
        console.error(`Could not read the roster of ${event.district.name}: ${message}`);
        emit({ event: "roster.failed", ...about, error: message });
      }
      return;
    case "application.deactivated":
      // A real integration would stop syncing this district and plan the deletion of its data.
      emit({ event: "application.deactivated", ...about, applicationId: event.applicationId });
      return;
    default:
      console.error(`Ignoring a webhook of type ${event.type} (${webhookId}).`);
  }
}

/** With ROLLCALL_URL set, the Partner API key is sent to that instance only. */
function assertFromOurRollcall(credentialsUrl: string): void {
  if (config.rollcallOrigin && new URL(credentialsUrl).origin !== config.rollcallOrigin) {
    throw new Error(`credentialsUrl ${credentialsUrl} is not on ${config.rollcallOrigin} (ROLLCALL_URL); the API key was not sent.`);
  }
}

function asWebhookEvent(value: unknown): WebhookEvent | null {
  if (typeof value !== "object" || value === null) return null;
  const event = value as Partial<WebhookEvent>;
  const complete =
    typeof event.type === "string" &&
    typeof event.districtGUID === "string" &&
    typeof event.credentialsUrl === "string" &&
    typeof event.district?.name === "string";
  return complete ? (event as WebhookEvent) : null;
}

async function readBody(request: IncomingMessage): Promise<string | null> {
  if (Number(request.headers["content-length"] ?? 0) > MAX_BODY_BYTES) return null;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function headerOf(request: IncomingMessage, name: string): string {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(", ") : (value ?? "");
}

function reply(response: ServerResponse, status: number, body: object): void {
  response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

function emit(record: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify(record)}\n`);
}

function readConfig() {
  const { values } = parseArgs({ options: { port: { type: "string", default: "4500" } } });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a port number (0 for any free one), not '${values.port}'.`);

  const signingSecret = process.env.ROLLCALL_SIGNING_SECRET ?? "";
  if (!signingSecret.startsWith("whsec_")) {
    fail("Set ROLLCALL_SIGNING_SECRET to the application's signing secret (whsec_…, Provisioning tab → Reveal).");
  }
  try {
    new Webhook(signingSecret);
  } catch {
    fail("ROLLCALL_SIGNING_SECRET is not a valid signing secret: copy it again from the Provisioning tab.");
  }

  const apiKey = process.env.ROLLCALL_API_KEY ?? "";
  if (!apiKey.startsWith("rc_pk_")) fail("Set ROLLCALL_API_KEY to a Partner API key (rc_pk_…, from the API keys page).");

  let rollcallOrigin: string | null = null;
  if (process.env.ROLLCALL_URL) {
    try {
      rollcallOrigin = new URL(process.env.ROLLCALL_URL).origin;
    } catch {
      fail(`ROLLCALL_URL must be the URL of your Rollcall instance, not '${process.env.ROLLCALL_URL}'.`);
    }
  }
  return { port, signingSecret, apiKey, rollcallOrigin };
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}
