import http from "node:http";
import net from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { type ConnectTarget, createOutboundClient } from "@/lib/outbound/http-client";
import type { ResolvedAddress } from "@/lib/outbound/vetted-address";

// Keep-alive against a real server on 127.0.0.1; other addresses are vetted by a stubbed
// lookup, and `connect` sends every vetted connection to the local server while recording it.

type LocalServer = { port: number; url: string; requests: Array<{ connection: number; rawHeaders: string[] }>; connections: () => number };

const openServers: http.Server[] = [];

afterEach(async () => {
  for (const server of openServers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** `respond` also learns how many requests this connection carried before this one. */
async function startServer(respond: (res: http.ServerResponse, earlierOnConnection: number) => void = (res) => res.end("ok")): Promise<LocalServer> {
  const requests: LocalServer["requests"] = [];
  const perSocket = new WeakMap<net.Socket, { id: number; served: number }>();
  let connections = 0;
  const server = http.createServer((req, res) => {
    const socket = perSocket.get(req.socket)!;
    req.resume();
    req.on("end", () => {
      requests.push({ connection: socket.id, rawHeaders: req.rawHeaders });
      respond(res, socket.served++);
    });
  });
  server.on("connection", (socket) => perSocket.set(socket, { id: ++connections, served: 0 }));
  openServers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  return { port, url: `http://127.0.0.1:${port}`, requests, connections: () => connections };
}

const connectToLoopback = () => vi.fn(({ port }: ConnectTarget) => net.connect({ host: "127.0.0.1", port }));
const lookupAnswers = (...answers: string[][]) => {
  const lookup = vi.fn(async (): Promise<ResolvedAddress[]> => []);
  for (const addresses of answers) lookup.mockResolvedValueOnce(addresses.map((address) => ({ address, family: 4 })));
  return lookup;
};

describe("keep-alive", () => {
  it("carries the next request to the same address on the same connection, and says so on the wire", async () => {
    const server = await startServer();
    const client = createOutboundClient({ allowedNetworks: ["loopback"], keepAlive: true });

    const first = await client.send({ method: "POST", url: server.url, headers: [], body: "{}" });
    const second = await client.send({ method: "POST", url: server.url, headers: [], body: "{}" });

    expect([first.ok, second.ok]).toEqual([true, true]);
    expect(server.requests.map((request) => request.connection)).toEqual([1, 1]);
    expect(server.requests[0]!.rawHeaders.slice(-2)).toEqual(["Connection", "keep-alive"]);
    expect(first.timings.connectMs).toBeGreaterThanOrEqual(0);
    expect(second.timings).not.toHaveProperty("connectMs");
  });

  it("opens a new connection when the host now resolves to another allowed address", async () => {
    const server = await startServer();
    const connect = connectToLoopback();
    const lookup = lookupAnswers(["127.0.0.1"], ["127.0.0.2"]);
    const client = createOutboundClient({ allowedNetworks: ["loopback"], lookup, connect, keepAlive: true });
    const url = `http://hook.example.test:${server.port}/`;

    await client.send({ method: "POST", url, headers: [], body: "{}" });
    const second = await client.send({ method: "POST", url, headers: [], body: "{}" });

    expect(second).toMatchObject({ ok: true, remoteAddress: "127.0.0.2" });
    expect(connect.mock.calls.map(([target]) => target.address)).toEqual(["127.0.0.1", "127.0.0.2"]);
    expect(server.connections()).toBe(2);
  });

  it("refuses a host that now resolves to a forbidden address, although a connection to its old address is open", async () => {
    const server = await startServer();
    const lookup = lookupAnswers(["127.0.0.1"], ["10.0.0.5"]);
    const client = createOutboundClient({ allowedNetworks: ["loopback"], lookup, connect: connectToLoopback(), keepAlive: true });
    const url = `http://hook.example.test:${server.port}/`;

    await client.send({ method: "POST", url, headers: [], body: "{}" });
    const second = await client.send({ method: "POST", url, headers: [], body: "{}" });

    expect(second).toMatchObject({ ok: false, error: { kind: "blocked_address" } });
    expect(server.requests).toHaveLength(1);
  });

  it("does not share a connection between two host names on the same address", async () => {
    const server = await startServer();
    const connect = connectToLoopback();
    const lookup = lookupAnswers(["127.0.0.1"], ["127.0.0.1"]);
    const client = createOutboundClient({ allowedNetworks: ["loopback"], lookup, connect, keepAlive: true });

    await client.send({ method: "POST", url: `http://a.example.test:${server.port}/`, headers: [], body: "{}" });
    await client.send({ method: "POST", url: `http://b.example.test:${server.port}/`, headers: [], body: "{}" });

    expect(connect.mock.calls.map(([target]) => target.servername)).toEqual(["a.example.test", "b.example.test"]);
    expect(server.requests.map((request) => request.connection)).toEqual([1, 2]);
  });

  it("does not reuse a connection whose response was cut off", async () => {
    const server = await startServer((res) => res.end("x".repeat(2_000)));
    const client = createOutboundClient({ allowedNetworks: ["loopback"], keepAlive: true });

    const first = await client.send({ method: "GET", url: server.url, headers: [], maxResponseBytes: 100 });
    await client.send({ method: "GET", url: server.url, headers: [] });

    expect(first).toMatchObject({ ok: true, bodyTruncated: true });
    expect(server.requests.map((request) => request.connection)).toEqual([1, 2]);
  });

  it("records a pooled connection the server closed as it was reused as closed, and opens a new one next time", async () => {
    // Answers the first request of each connection and drops any later one, as a server does
    // that closes idle connections just as the next request arrives. One attempt, one exchange:
    // the attempt is recorded as it happened and the retry schedule sends it again.
    const server = await startServer((res, earlierOnConnection) => (earlierOnConnection === 0 ? res.end("ok") : res.socket!.destroy()));
    const client = createOutboundClient({ allowedNetworks: ["loopback"], keepAlive: true });

    await client.send({ method: "POST", url: server.url, headers: [], body: "{}" });
    const second = await client.send({ method: "POST", url: server.url, headers: [], body: "{}" });
    const third = await client.send({ method: "POST", url: server.url, headers: [], body: "{}" });

    expect(second).toMatchObject({ ok: false, error: { kind: "reset", message: "The connection was closed before a response arrived" } });
    expect(third).toMatchObject({ ok: true, status: 200 });
    expect(server.requests.map((request) => request.connection)).toEqual([1, 1, 2]);
  });

  it("reports a connection closed before the response when it was not a pooled one", async () => {
    const server = await startServer((res) => res.socket!.destroy());
    const client = createOutboundClient({ allowedNetworks: ["loopback"], keepAlive: true });
    const result = await client.send({ method: "POST", url: server.url, headers: [], body: "{}" });
    expect(result).toMatchObject({ ok: false, error: { kind: "reset" } });
    expect(server.requests).toHaveLength(1);
  });
});
