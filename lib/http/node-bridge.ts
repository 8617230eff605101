// Serves a fetch-style handler (Request → Response) straight from node:http, for the routes
// Rollcall answers outside Next.js's request pipeline (see scripts/start/web-listener.ts).
// The body is read into memory up to a limit: a handler that enforces that limit itself sees
// one byte more than it allows and refuses the request as it would under Next.js.
import type { IncomingMessage, ServerResponse } from "node:http";
import { promisify } from "node:util";
import { gzip } from "node:zlib";

const gzipAsync = promisify(gzip);
/** Below this size gzip saves a few hundred bytes on the wire and costs more CPU than it saves. */
const COMPRESS_FROM_BYTES = 4096;

export type FetchHandler = (request: Request) => Promise<Response>;

/** Answers `incoming` with `handler`; `origin` is the scheme and host the Request's URL is given. */
export async function serveWithFetchHandler(
  incoming: IncomingMessage,
  outgoing: ServerResponse,
  handler: FetchHandler,
  { origin, bodyLimit }: { origin: string; bodyLimit: number },
): Promise<void> {
  const body = await readBody(incoming, bodyLimit);
  const response = await handler(webRequestOf(incoming, body.bytes, origin));
  if (body.truncated) {
    // The rest of an oversize body is never read: the connection cannot carry another request.
    outgoing.setHeader("connection", "close");
    outgoing.once("finish", () => incoming.destroy());
  }
  await sendWebResponse(outgoing, response, acceptsGzip(incoming));
}

/**
 * Reads at most `limit + 1` bytes: enough for the handler to tell that the body is over its
 * limit. A declared Content-Length over the limit is not read at all: the handler refuses it
 * from the header.
 */
export async function readBody(incoming: IncomingMessage, limit: number): Promise<{ bytes: Buffer; truncated: boolean }> {
  const method = incoming.method ?? "GET";
  if (method === "GET" || method === "HEAD") return { bytes: Buffer.alloc(0), truncated: false };
  if (Number(incoming.headers["content-length"] ?? 0) > limit) return { bytes: Buffer.alloc(0), truncated: true };
  const chunks: Buffer[] = [];
  let received = 0;
  for await (const chunk of incoming as AsyncIterable<Buffer>) {
    chunks.push(chunk);
    received += chunk.byteLength;
    if (received > limit) {
      incoming.pause();
      return { bytes: Buffer.concat(chunks).subarray(0, limit + 1), truncated: true };
    }
  }
  return { bytes: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks), truncated: false };
}

export function webRequestOf(incoming: IncomingMessage, body: Buffer, origin: string): Request {
  const headers = new Headers();
  const raw = incoming.rawHeaders;
  for (let index = 0; index < raw.length; index += 2) {
    const name = raw[index]!;
    // The body is already read: its length is what it is, and it is not chunked any more.
    if (/^(transfer-encoding|connection|keep-alive)$/i.test(name)) continue;
    try {
      headers.append(name, raw[index + 1]!);
    } catch {
      // A header value fetch's Headers refuses; node:http accepted it, the handler never needs it.
    }
  }
  const method = incoming.method ?? "GET";
  const hasBody = method !== "GET" && method !== "HEAD";
  // A Buffer sits on a plain ArrayBuffer (never a SharedArrayBuffer), which is what BodyInit asks for.
  return new Request(new URL(incoming.url ?? "/", origin), { method, headers, body: hasBody ? (body as Uint8Array<ArrayBuffer>) : undefined });
}

export async function sendWebResponse(outgoing: ServerResponse, response: Response, gzipAllowed: boolean): Promise<void> {
  let bytes: Buffer = Buffer.from(await response.arrayBuffer());
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => (headers[name] = value));
  const transformable = !/\bno-transform\b/i.test(headers["cache-control"] ?? "");
  if (gzipAllowed && transformable && bytes.byteLength >= COMPRESS_FROM_BYTES && !headers["content-encoding"]) {
    bytes = await gzipAsync(bytes);
    headers["content-encoding"] = "gzip";
    headers.vary = headers.vary ? `${headers.vary}, Accept-Encoding` : "Accept-Encoding";
  }
  headers["content-length"] = String(bytes.byteLength);
  outgoing.writeHead(response.status, headers);
  outgoing.end(bytes);
}

function acceptsGzip(incoming: IncomingMessage): boolean {
  const accepted = incoming.headers["accept-encoding"];
  return typeof accepted === "string" && /\bgzip\b(?!\s*;\s*q=0(\.0*)?\s*(,|$))/i.test(accepted);
}
