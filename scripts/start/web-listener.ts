// The web server's request listener. SCIM requests go straight to lib/scim: identity providers
// send them by the thousand, and Next.js's request pipeline cost more CPU than the work of a
// create (docs/benchmarks.md). Everything else, pages and other APIs, is Next.js's.
import type { IncomingMessage, ServerResponse } from "node:http";
import { getConfig } from "@/lib/config";
import { serveWithFetchHandler } from "@/lib/http/node-bridge";
import { handleScim } from "@/lib/scim/handler";
import { MAX_BODY_BYTES } from "@/lib/scim/http";
import { SCIM_BASE_PATH } from "@/lib/scim/resources";

type NodeHandler = (incoming: IncomingMessage, outgoing: ServerResponse) => Promise<void> | void;

/** `/scim/v2` itself or anything below it, whatever the query string. */
export function isScimPath(url: string | undefined): boolean {
  const path = (url ?? "").split("?", 1)[0]!;
  return path === SCIM_BASE_PATH || path.startsWith(`${SCIM_BASE_PATH}/`);
}

export function webListener(nextHandler: NodeHandler): NodeHandler {
  const origin = new URL(getConfig().publicUrl).origin;
  return (incoming, outgoing) => {
    if (!isScimPath(incoming.url)) return nextHandler(incoming, outgoing);
    return serveWithFetchHandler(incoming, outgoing, handleScim, { origin, bodyLimit: MAX_BODY_BYTES }).catch(() => {
      // Only the client going away mid-request gets here (handleScim answers every error itself).
      if (!outgoing.headersSent) outgoing.writeHead(400, { connection: "close" }).end();
      else outgoing.destroy();
    });
  };
}
