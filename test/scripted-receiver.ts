// A vendor's webhook endpoint for integration tests and browser journeys: a real HTTP server
// on 127.0.0.1 that records every request and answers from a script (status, headers,
// delay, or a hang).
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export type ScriptedAnswer = { status: number; headers?: Record<string, string>; body?: string; delayMs?: number } | "hang";
export type ReceivedRequest = { headers: IncomingHttpHeaders; body: string; at: number };

export class ScriptedReceiver {
  readonly received: ReceivedRequest[] = [];
  private script: ScriptedAnswer[] = [];
  private fallback: ScriptedAnswer = { status: 200, body: "ok" };
  private server: Server | undefined;

  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        this.received.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8"), at: Date.now() });
        const answer = this.script.shift() ?? this.fallback;
        if (answer === "hang") return;
        setTimeout(() => response.writeHead(answer.status, answer.headers).end(answer.body ?? ""), answer.delayMs ?? 0);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    return this;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/hooks`;
  }

  /** Answers for the next requests, in order; afterwards `otherwise` (200 by default). */
  answer(script: ScriptedAnswer[], otherwise: ScriptedAnswer = { status: 200, body: "ok" }): void {
    this.script = [...script];
    this.fallback = otherwise;
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
