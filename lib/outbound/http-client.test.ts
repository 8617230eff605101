import http from "node:http";
import net from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { type ConnectTarget, createOutboundClient } from "@/lib/outbound/http-client";
import type { ResolvedAddress } from "@/lib/outbound/vetted-address";

// Real traffic in these tests goes to 127.0.0.1 only; every other address is refused
// before connecting, and `connect` hooks that must not run throw if they do.

type ReceivedRequest = { method?: string; url?: string; rawHeaders: string[]; body: string };
type LocalServer = { port: number; url: string; received: ReceivedRequest[]; closedConnections: () => number };

const openServers: http.Server[] = [];

afterEach(async () => {
  for (const server of openServers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function startServer(respond: (req: http.IncomingMessage, res: http.ServerResponse) => void): Promise<LocalServer> {
  const received: ReceivedRequest[] = [];
  let closed = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      received.push({ method: req.method, url: req.url, rawHeaders: req.rawHeaders, body: Buffer.concat(chunks).toString("utf8") });
      respond(req, res);
    });
  });
  server.on("connection", (socket) => socket.on("close", () => closed++));
  openServers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  return { port, url: `http://127.0.0.1:${port}`, received, closedConnections: () => closed };
}

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const mustNotConnect = () =>
  vi.fn((target: ConnectTarget): net.Socket => {
    throw new Error(`must not connect to ${target.address}`);
  });
const mustNotLookUp = () =>
  vi.fn(async (hostname: string): Promise<ResolvedAddress[]> => {
    throw new Error(`must not look up ${hostname}`);
  });
const resolvesTo = (...addresses: string[]) =>
  vi.fn(async () => addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }) as const));
const connectToLoopback = () => vi.fn(({ port }: ConnectTarget) => net.connect({ host: "127.0.0.1", port }));

describe("URLs that spell a forbidden address", () => {
  it.each([
    ["http://127.0.0.1/", "127.0.0.1"],
    ["http://2130706433/", "127.0.0.1"],
    ["http://0x7f000001/", "127.0.0.1"],
    ["http://0177.0.0.1/", "127.0.0.1"],
    ["http://017700000001/", "127.0.0.1"],
    ["http://0x7f.1/", "127.0.0.1"],
    ["http://[::ffff:127.0.0.1]/", "::ffff:7f00:1"],
    ["http://[::1]/", "::1"],
    ["http://169.254.169.254/latest/meta-data", "169.254.169.254"],
    ["http://[::ffff:a9fe:a9fe]/", "::ffff:a9fe:a9fe"],
    ["http://[::ffff:169.254.169.254]/", "::ffff:a9fe:a9fe"],
    ["http://0/", "0.0.0.0"],
  ])("refuses %s as %s without DNS or a connection", async (url, address) => {
    const lookup = mustNotLookUp();
    const connect = mustNotConnect();
    const result = await createOutboundClient({ allowedNetworks: [], lookup, connect }).send({ method: "GET", url, headers: [] });
    expect(result).toMatchObject({ ok: false, error: { kind: "blocked_address" } });
    expect(result.ok || result.error.message).toMatch(new RegExp(`^${address.replace(/\./g, "\\.")} is `));
    expect(lookup).not.toHaveBeenCalled();
    expect(connect).not.toHaveBeenCalled();
  });

  it("names the metadata service", async () => {
    const client = createOutboundClient({ allowedNetworks: ["loopback", "private"], connect: mustNotConnect() });
    const result = await client.send({ method: "GET", url: "http://169.254.169.254/latest/meta-data", headers: [] });
    expect(result.ok || result.error.message).toBe(
      "169.254.169.254 is the cloud metadata service; Rollcall only delivers to public, loopback and private addresses",
    );
  });

  it.each(["ftp://x", "file:///etc/passwd", "http://user:pw@example.com/", "http://user@example.com/", "not a url"])(
    "rejects %s as an invalid URL",
    async (url) => {
      const connect = mustNotConnect();
      const result = await createOutboundClient({ allowedNetworks: [], lookup: mustNotLookUp(), connect }).send({ method: "GET", url, headers: [] });
      expect(result).toMatchObject({ ok: false, error: { kind: "invalid_url" } });
      expect(connect).not.toHaveBeenCalled();
    },
  );
});

describe("hostnames that resolve to forbidden addresses", () => {
  it.each([
    [["10.0.0.5"], "example.test resolves to 10.0.0.5, a private network address; Rollcall only delivers to public addresses"],
    [["169.254.169.254"], "example.test resolves to 169.254.169.254, the cloud metadata service; Rollcall only delivers to public addresses"],
    [["93.184.216.34", "10.0.0.5"], "example.test resolves to 10.0.0.5, a private network address; Rollcall only delivers to public addresses"],
    [["2606:4700::1111", "::ffff:169.254.169.254"], "example.test resolves to ::ffff:169.254.169.254, the cloud metadata service; Rollcall only delivers to public addresses"],
    [["fd00::1"], "example.test resolves to fd00::1, a private network address; Rollcall only delivers to public addresses"],
  ])("refuses a host resolving to %j", async (addresses, message) => {
    const connect = mustNotConnect();
    const client = createOutboundClient({ allowedNetworks: [], lookup: resolvesTo(...addresses), connect });
    const result = await client.send({ method: "POST", url: "https://example.test/hook", headers: [], body: "{}" });
    expect(result).toMatchObject({ ok: false, error: { kind: "blocked_address", message } });
    expect(result.timings.dnsMs).toBeGreaterThanOrEqual(0);
    expect(connect).not.toHaveBeenCalled();
  });

  it("still refuses private addresses when only loopback is allowed", async () => {
    const connect = mustNotConnect();
    const client = createOutboundClient({ allowedNetworks: ["loopback"], lookup: resolvesTo("192.168.1.1"), connect });
    const result = await client.send({ method: "GET", url: "http://example.test/", headers: [] });
    expect(result.ok || result.error.message).toBe(
      "example.test resolves to 192.168.1.1, a private network address; Rollcall only delivers to public and loopback addresses",
    );
    expect(connect).not.toHaveBeenCalled();
  });
});

describe("DNS rebinding", () => {
  it("looks the host up once and connects to exactly the vetted address", async () => {
    const server = await startServer((_req, res) => res.end("ok"));
    const lookup = vi
      .fn(async (): Promise<ResolvedAddress[]> => [{ address: "10.0.0.5", family: 4 }])
      .mockResolvedValueOnce([{ address: "127.0.0.1", family: 4 }]);
    const connect = connectToLoopback();
    const client = createOutboundClient({ allowedNetworks: ["loopback"], lookup, connect });

    const result = await client.send({ method: "GET", url: `http://hook.example.test:${server.port}/`, headers: [] });

    expect(result).toMatchObject({ ok: true, status: 200, remoteAddress: "127.0.0.1" });
    expect(lookup).toHaveBeenCalledTimes(1);
    expect(lookup).toHaveBeenCalledWith("hook.example.test");
    expect(connect).toHaveBeenCalledTimes(1);
    expect(connect).toHaveBeenCalledWith({ address: "127.0.0.1", port: server.port, family: 4, tls: false, servername: "hook.example.test" });
    expect(server.received[0]?.rawHeaders.slice(0, 2)).toEqual(["Host", `hook.example.test:${server.port}`]);
  });

  it("gives TLS the URL's hostname for SNI and certificate checks, and no name for an IP address", async () => {
    const port = await closedPort();
    const connect = connectToLoopback();
    const byName = createOutboundClient({ allowedNetworks: [], lookup: resolvesTo("93.184.216.34"), connect });
    await byName.send({ method: "GET", url: `https://hook.example.test:${port}/`, headers: [] });
    await byName.send({ method: "GET", url: `https://93.184.216.34:${port}/`, headers: [] });
    expect(connect.mock.calls.map(([target]) => target)).toEqual([
      { address: "93.184.216.34", port, family: 4, tls: true, servername: "hook.example.test" },
      { address: "93.184.216.34", port, family: 4, tls: true, servername: "" },
    ]);
  });
});

describe("requests to a local server", () => {
  const loopbackClient = () => createOutboundClient({ allowedNetworks: ["loopback"] });

  it("sends the body and the caller's headers in order, with Host and Content-Length of its own", async () => {
    const server = await startServer((_req, res) => res.setHeader("X-Reply", "yes").writeHead(200).end("received"));
    const body = JSON.stringify({ event: "activation.created", name: "Zoë" });
    const result = await createOutboundClient({ allowedNetworks: ["loopback"] }).send({
      method: "POST",
      url: `${server.url}/hooks/rollcall?v=1#ignored`,
      headers: [
        ["X-Second", "2"],
        ["x-first", "1"],
        ["Host", "internal.example"],
        ["content-length", "999"],
        ["Transfer-Encoding", "chunked"],
        ["Connection", "keep-alive"],
        ["Content-Type", "application/json"],
      ],
      body,
    });

    expect(result).toMatchObject({ ok: true, status: 200, body: "received", bodyTruncated: false, remoteAddress: "127.0.0.1" });
    expect(result.ok && result.headers["x-reply"]).toBe("yes");
    expect(result.timings).toEqual({ connectMs: expect.any(Number), firstByteMs: expect.any(Number), totalMs: expect.any(Number) });
    const [request] = server.received;
    expect(request).toMatchObject({ method: "POST", url: "/hooks/rollcall?v=1", body });
    expect(request?.rawHeaders).toEqual([
      "Host", `127.0.0.1:${server.port}`,
      "X-Second", "2",
      "x-first", "1",
      "Content-Type", "application/json",
      "Content-Length", String(Buffer.byteLength(body)),
      "Connection", "close",
    ]);
  });

  it("returns a redirect instead of following it", async () => {
    const elsewhere = await startServer((_req, res) => res.end("should not be reached"));
    const server = await startServer((_req, res) => res.writeHead(302, { Location: `${elsewhere.url}/next` }).end());
    const result = await loopbackClient().send({ method: "POST", url: server.url, headers: [], body: "{}" });
    expect(result).toMatchObject({ ok: true, status: 302, headers: { location: `${elsewhere.url}/next` } });
    expect(elsewhere.received).toHaveLength(0);
  });

  it("cuts a long response off at maxResponseBytes and closes the connection", async () => {
    const server = await startServer((_req, res) => res.end("x".repeat(200_000)));
    const result = await loopbackClient().send({ method: "GET", url: server.url, headers: [] });
    expect(result).toMatchObject({ ok: true, status: 200, bodyTruncated: true });
    expect(result.ok && result.body.length).toBe(65_536);
    await vi.waitFor(() => expect(server.closedConnections()).toBe(1));
  });

  it("does not call a body of exactly maxResponseBytes truncated", async () => {
    const server = await startServer((_req, res) => res.end("y".repeat(1000)));
    const result = await loopbackClient().send({ method: "GET", url: server.url, headers: [], maxResponseBytes: 1000 });
    expect(result).toMatchObject({ ok: true, bodyTruncated: false });
    expect(result.ok && result.body.length).toBe(1000);
  });

  it("gives up on a server that never answers and closes the connection", async () => {
    const server = await startServer(() => {});
    const result = await loopbackClient().send({ method: "POST", url: server.url, headers: [], body: "{}", timeoutMs: 300 });
    expect(result).toMatchObject({ ok: false, error: { kind: "timeout", message: "No response within 0.3 s" }, remoteAddress: "127.0.0.1" });
    expect(result.timings.totalMs).toBeGreaterThanOrEqual(290);
    await vi.waitFor(() => expect(server.closedConnections()).toBe(1));
  });

  it("counts DNS against the timeout", async () => {
    const lookup = vi.fn(() => new Promise<ResolvedAddress[]>(() => {}));
    const client = createOutboundClient({ allowedNetworks: [], lookup, connect: mustNotConnect() });
    const result = await client.send({ method: "GET", url: "https://slow.example.test/", headers: [], timeoutMs: 300 });
    expect(result).toMatchObject({ ok: false, error: { kind: "timeout", message: "Could not resolve slow.example.test within 0.3 s" } });
  });

  it("reports a connection closed before the response", async () => {
    const server = await startServer((req) => req.socket.destroy());
    const result = await loopbackClient().send({ method: "POST", url: server.url, headers: [], body: "{}" });
    expect(result).toMatchObject({ ok: false, error: { kind: "reset", message: "The connection was closed before a response arrived" } });
  });

  it("reports a connection closed halfway through the response", async () => {
    const server = await startServer((req, res) => {
      res.writeHead(200, { "Content-Length": "100" }).write("partial", () => req.socket.destroy());
    });
    const result = await loopbackClient().send({ method: "GET", url: server.url, headers: [] });
    expect(result).toMatchObject({ ok: false, error: { kind: "reset", message: "The connection was closed while the response was being read" } });
  });

  it("reports a refused connection", async () => {
    const port = await closedPort();
    const result = await loopbackClient().send({ method: "GET", url: `http://127.0.0.1:${port}/`, headers: [] });
    expect(result).toMatchObject({ ok: false, error: { kind: "refused", message: `Connection refused by 127.0.0.1:${port}` }, remoteAddress: "127.0.0.1" });
  });

  it("reports a name that does not resolve", async () => {
    const lookup = vi.fn(async () => {
      throw Object.assign(new Error("getaddrinfo ENOTFOUND nowhere.example.test"), { code: "ENOTFOUND" });
    });
    const result = await createOutboundClient({ allowedNetworks: [], lookup, connect: mustNotConnect() }).send({
      method: "GET",
      url: "https://nowhere.example.test/",
      headers: [],
    });
    expect(result).toMatchObject({ ok: false, error: { kind: "dns", message: "Could not resolve nowhere.example.test (DNS: ENOTFOUND)" } });
  });

  it("refuses the same local server when loopback is not allowed", async () => {
    const server = await startServer((_req, res) => res.end("ok"));
    const result = await createOutboundClient({ allowedNetworks: [] }).send({ method: "POST", url: server.url, headers: [], body: "{}" });
    expect(result).toMatchObject({ ok: false, error: { kind: "blocked_address" } });
    expect(server.received).toHaveLength(0);
    expect(server.closedConnections()).toBe(0);
  });
});
