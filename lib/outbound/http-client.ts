// Rollcall's one HTTP client for requests that leave the server (webhooks, metadata URLs):
// it vets the destination address against the SSRF policy and connects only to that address.
import http from "node:http";
import https from "node:https";
import net from "node:net";
import type { Duplex } from "node:stream";
import tls from "node:tls";
import type { AllowedNetwork } from "@/lib/outbound/address-policy";
import { type ConnectionPool, createConnectionPool, pooledRequestOptions } from "@/lib/outbound/connection-pool";
import { describeNetworkError, describeTimeout, type ExchangePhase, seconds } from "@/lib/outbound/network-errors";
import { type Lookup, lookupAllAddresses, type ResolvedAddress, resolveVettedAddress } from "@/lib/outbound/vetted-address";

export type OutboundRequest = {
  method: "GET" | "POST";
  url: string;
  headers: Array<[string, string]>;
  body?: string;
  /** For the whole exchange, DNS included; default 10 s. */
  timeoutMs?: number;
  /** Default 64 KiB; a longer body is cut off and `bodyTruncated` set. */
  maxResponseBytes?: number;
};

/** How long each phase took, in milliseconds; a phase that did not happen is absent. */
export type Timings = { dnsMs?: number; connectMs?: number; tlsMs?: number; firstByteMs?: number; totalMs: number };

export type OutboundErrorKind = "invalid_url" | "dns" | "blocked_address" | "refused" | "reset" | "timeout" | "tls" | "network";

export type OutboundResult =
  | {
      ok: true;
      status: number;
      headers: Record<string, string>;
      body: string;
      bodyTruncated: boolean;
      remoteAddress: string;
      timings: Timings;
    }
  | { ok: false; error: { kind: OutboundErrorKind; message: string }; remoteAddress?: string; timings: Timings };

export type ConnectTarget = { address: string; port: number; family: 4 | 6; tls: boolean; servername: string };

export type OutboundClientOptions = {
  allowedNetworks: ReadonlyArray<AllowedNetwork>;
  lookup?: Lookup;
  /** Opens the connection (TLS included, for https) to an address that has passed the policy. */
  connect?: (target: ConnectTarget) => Duplex;
  /**
   * Keeps connections open for the next request to the same vetted address (`Connection:
   * keep-alive`); otherwise every request has a connection of its own (`Connection: close`).
   */
  keepAlive?: boolean;
};

export type OutboundClient = { send(request: OutboundRequest): Promise<OutboundResult> };

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_RESPONSE_BYTES = 65_536;
const HEADERS_SET_BY_CLIENT = new Set(["host", "content-length", "transfer-encoding", "connection"]);

type Outcome = DistributiveOmit<OutboundResult, "timings">;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type PhaseTimings = Omit<Timings, "totalMs">;
type Target = { url: URL; hostname: string; port: number; tls: boolean };
type Exchange = { target: Target; address: ResolvedAddress; headerList: string[]; request: OutboundRequest; timeoutMs: number };

export function createOutboundClient(options: OutboundClientOptions): OutboundClient {
  const lookup = options.lookup ?? lookupAllAddresses;
  const connect = options.connect ?? connectToAddress;
  const pool = options.keepAlive ? createConnectionPool(connect) : null;

  async function send(request: OutboundRequest): Promise<OutboundResult> {
    const started = performance.now();
    const timings: PhaseTimings = {};
    const finish = (outcome: Outcome): OutboundResult => ({ ...outcome, timings: { ...timings, totalMs: since(started) } });

    const target = parseTarget(request.url);
    if (typeof target === "string") return finish({ ok: false, error: { kind: "invalid_url", message: target } });
    const headerList = buildHeaderList(request, pool !== null);
    const timeoutMs = request.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), timeoutMs);
    try {
      const vettingStarted = performance.now();
      const vetted = await resolveVettedAddress(target.hostname, {
        allowedNetworks: options.allowedNetworks,
        lookup,
        signal: deadline.signal,
        timeoutMs,
      });
      if (net.isIP(target.hostname) === 0) timings.dnsMs = since(vettingStarted);
      if (!vetted.ok) return finish(vetted);
      const exchange = { target, address: vetted.address, headerList, request, timeoutMs };
      return finish(await exchangeOnce(exchange, { connect, pool }, deadline.signal, timings));
    } finally {
      clearTimeout(timer);
    }
  }

  return { send };
}

type Connections = { connect: (target: ConnectTarget) => Duplex; pool: ConnectionPool | null };

function exchangeOnce(exchange: Exchange, { connect, pool }: Connections, signal: AbortSignal, timings: PhaseTimings): Promise<Outcome> {
  const { target, address, request } = exchange;
  const remoteAddress = address.address;
  const endpoint = `${address.family === 6 ? `[${remoteAddress}]` : remoteAddress}:${target.port}`;
  const maxBytes = request.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  let phase: ExchangePhase = "connecting";
  let readyAt = performance.now();

  const watchPhases = (socket: Duplex) => {
    const connectStarted = performance.now();
    const ready = () => {
      readyAt = performance.now();
      phase = "waiting";
    };
    if (!(socket instanceof net.Socket) || !socket.connecting) return ready();
    socket.once("connect", () => {
      timings.connectMs = since(connectStarted);
      if (!(socket instanceof tls.TLSSocket)) return ready();
      phase = "handshaking";
      const handshakeStarted = performance.now();
      socket.once("secureConnect", () => {
        timings.tlsMs = since(handshakeStarted);
        ready();
      });
    });
  };

  return new Promise((resolve) => {
    let settled = false;
    /** `reusable`: the response was read to its end, so a pooled connection may carry the next request. */
    const settle = (outcome: Outcome, reusable = false) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener("abort", onTimeout);
      if (!reusable) req.destroy();
      resolve(outcome.ok ? outcome : { ...outcome, remoteAddress });
    };
    const onTimeout = () => settle(describeTimeout(phase, endpoint, seconds(exchange.timeoutMs)));
    const onError = (error: Error) => settle(describeNetworkError(error, phase, endpoint, target.tls));

    const servername = net.isIP(target.hostname) ? "" : target.hostname.replace(/\.$/, "");
    const connectTarget: ConnectTarget = { address: remoteAddress, port: target.port, family: address.family, tls: target.tls, servername };
    const req = (target.tls ? https : http).request({
      host: remoteAddress,
      port: target.port,
      method: request.method,
      path: `${target.url.pathname}${target.url.search}`,
      headers: exchange.headerList,
      setHost: false,
      ...(pool
        ? pooledRequestOptions(pool, connectTarget)
        : {
            // No `agent` option: with `agent: false` Node ignores createConnection and does its own DNS lookup.
            createConnection: () => {
              const socket = connect(connectTarget);
              watchPhases(socket);
              // http drives any duplex stream; its types ask for net.Socket.
              return socket as net.Socket;
            },
          }),
    });
    if (pool) req.once("socket", watchPhases);
    req.on("error", onError);
    req.on("response", (res) => {
      timings.firstByteMs = since(readyAt);
      phase = "reading";
      const chunks: Buffer[] = [];
      let received = 0;
      const complete = (bodyTruncated: boolean) => {
        const body = Buffer.concat(chunks).toString("utf8");
        const headers = flattenHeaders(res.headers);
        settle({ ok: true, status: res.statusCode ?? 0, headers, body, bodyTruncated, remoteAddress }, pool !== null && !bodyTruncated);
      };
      res.on("data", (chunk: Buffer) => {
        const room = maxBytes - received;
        chunks.push(chunk.subarray(0, room));
        received += Math.min(chunk.length, room);
        if (chunk.length > room) complete(true);
      });
      res.on("end", () => complete(false));
      res.on("error", onError);
    });
    if (signal.aborted) return onTimeout();
    signal.addEventListener("abort", onTimeout, { once: true });
    req.end(request.body);
  });
}

function parseTarget(raw: string): Target | string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "Not a valid URL";
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return `Only http:// and https:// URLs are supported, not ${url.protocol}`;
  if (url.username || url.password) return "URLs must not contain a user name or password";
  const hostname = url.hostname.replace(/^\[(.*)\]$/, "$1");
  if (!hostname) return "The URL has no host";
  const usesTls = url.protocol === "https:";
  return { url, hostname, port: url.port ? Number(url.port) : usesTls ? 443 : 80, tls: usesTls };
}

/** The headers exactly as the client sends them, in order: Host, the caller's, Content-Length, Connection. */
export function headersOnTheWire(request: Pick<OutboundRequest, "url" | "method" | "headers" | "body">, keepAlive = false): Array<[string, string]> {
  const list: Array<[string, string]> = [["Host", new URL(request.url).host]];
  for (const [name, value] of request.headers) {
    if (!HEADERS_SET_BY_CLIENT.has(name.toLowerCase())) list.push([name, value]);
  }
  if (request.body !== undefined || request.method === "POST") {
    list.push(["Content-Length", String(Buffer.byteLength(request.body ?? ""))]);
  }
  list.push(["Connection", keepAlive ? "keep-alive" : "close"]);
  return list;
}

// A flat [name, value, ...] list puts the caller's headers on the wire in order and as spelt.
function buildHeaderList(request: OutboundRequest, keepAlive: boolean): string[] {
  return headersOnTheWire(request, keepAlive).flatMap(([name, value]) => {
    http.validateHeaderName(name);
    http.validateHeaderValue(name, value);
    return [name, value];
  });
}

function flattenHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return flat;
}

// The certificate is checked against `servername`, or against the IP address when there is none.
function connectToAddress({ address, port, tls: usesTls, servername }: ConnectTarget): Duplex {
  if (!usesTls) return net.connect({ host: address, port });
  return tls.connect({ host: address, port, servername: servername || undefined, ALPNProtocols: ["http/1.1"] });
}

function since(start: number): number {
  return Math.round((performance.now() - start) * 10) / 10;
}
