// Keep-alive for outbound requests. Connections are pooled by the address they were vetted
// for (address, port, TLS and server name), so a pooled connection only ever carries a request
// whose own lookup vetted to that same address; the pool cannot open a connection by itself.
import http from "node:http";
import type { Duplex } from "node:stream";
import type { ConnectTarget } from "@/lib/outbound/http-client";

/** Below the 5 s that Node, and many servers, keep an idle connection: we close first. */
const IDLE_MS = 4_000;
const TARGET = "vettedTarget";

export type ConnectionPool = http.Agent;

export function createConnectionPool(connect: (target: ConnectTarget) => Duplex): ConnectionPool {
  return new VettedConnectionPool(connect);
}

/** Request options that take a connection from `pool` for `target` (and only for it). */
export function pooledRequestOptions(pool: ConnectionPool, target: ConnectTarget): http.RequestOptions {
  return { agent: pool, [TARGET]: target } as http.RequestOptions;
}

export function poolKey({ address, port, family, tls, servername }: ConnectTarget): string {
  return [address, port, family, tls ? "tls" : "tcp", servername].join("|");
}

class VettedConnectionPool extends http.Agent {
  constructor(private readonly connect: (target: ConnectTarget) => Duplex) {
    super({ keepAlive: true, timeout: IDLE_MS, scheduling: "lifo" });
  }

  override getName(options?: http.ClientRequestArgs): string {
    return poolKey(targetOf(options));
  }

  override createConnection(options: http.ClientRequestArgs): Duplex {
    return this.connect(targetOf(options));
  }
}

function targetOf(options: http.ClientRequestArgs | undefined): ConnectTarget {
  const target = (options as Record<string, unknown> | undefined)?.[TARGET] as ConnectTarget | undefined;
  if (!target) throw new Error("A pooled outbound request must name the address it was vetted for");
  return target;
}
