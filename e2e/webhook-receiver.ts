// A vendor's webhook endpoint for the journeys: a real HTTP server on 127.0.0.1 that
// records what arrives and answers with whatever status the test chooses.
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export type ReceivedWebhook = { headers: IncomingHttpHeaders; body: string };

export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  private status = 200;
  private responseBody = "ok";
  private server: Server | undefined;

  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        this.received.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
        response.writeHead(this.status, { "content-type": "text/plain" }).end(this.responseBody);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    return this;
  }

  /** The URL to paste into the Provisioning tab. */
  get url(): string {
    const { port } = this.server!.address() as AddressInfo;
    return `http://127.0.0.1:${port}/webhooks/rollcall`;
  }

  respondWith(status: number, body = status === 200 ? "ok" : "receiver error"): void {
    this.status = status;
    this.responseBody = body;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}
