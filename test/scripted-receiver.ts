// A vendor's webhook endpoint for integration tests and browser journeys: a real HTTP server
// on 127.0.0.1 that records every request and answers from a script (status, headers,
// delay, a hang, or a dropped connection).
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export type ScriptedAnswer =
  | { status: number; headers?: Record<string, string>; body?: string; delayMs?: number }
  /** Never answers; the connection stays open until the sender gives up. */
  | "hang"
  /** Drops the connection without a response. */
  | "close";
export type ReceivedRequest = { headers: IncomingHttpHeaders; body: string; at: number; answer: ScriptedAnswer };

export class ScriptedReceiver {
  readonly received: ReceivedRequest[] = [];
  private script: ScriptedAnswer[] = [];
  private fallback: ScriptedAnswer = { status: 200, body: "ok" };
  private server: Server | undefined;
  private open = 0;
  private gate: Promise<void> | undefined;
  private openGate = () => {};

  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        const answer = this.script.shift() ?? this.fallback;
        this.received.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8"), at: Date.now(), answer });
        this.open++;
        response.once("close", () => this.open--);
        if (answer === "hang") return;
        if (answer === "close") return void request.socket.destroy();
        const respond = () => setTimeout(() => response.writeHead(answer.status, answer.headers).end(answer.body ?? ""), answer.delayMs ?? 0);
        if (this.gate) void this.gate.then(respond);
        else respond();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    return this;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/hooks`;
  }

  /** Requests received whose answer has not gone out yet and whose sender is still connected. */
  get openRequests(): number {
    return this.open;
  }

  /** The distinct webhook-ids it answered with a 2xx: what a receiver that dedupes by webhook-id has processed. */
  acceptedIds(): Set<string> {
    const accepted = this.received.filter(({ answer }) => typeof answer === "object" && answer.status >= 200 && answer.status < 300);
    return new Set(accepted.map(({ headers }) => String(headers["webhook-id"])));
  }

  /** Answers for the next requests, in order; afterwards `otherwise` (200 by default). */
  answer(script: ScriptedAnswer[], otherwise: ScriptedAnswer = { status: 200, body: "ok" }): void {
    this.script = [...script];
    this.fallback = otherwise;
  }

  /** Keeps every answer back until `release()`: the senders wait with their requests in flight. */
  hold(): void {
    this.gate ??= new Promise((resolve) => (this.openGate = resolve));
  }

  release(): void {
    this.openGate();
    this.gate = undefined;
  }

  /** From now on, answer every request with this status. */
  respondWith(status: number, body = status === 200 ? "ok" : "receiver error"): void {
    this.answer([], { status, body });
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
