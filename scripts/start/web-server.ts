// The production web server: Next.js in this process behind node:http, with SCIM requests
// answered before they reach Next.js's pipeline (web-listener.ts). `npm start` runs the bundle
// the build makes of it (build.ts), from the checkout:
//   node .next/rollcall-server/web-server.mjs --port 3000 [--hostname 127.0.0.1]
// On SIGTERM or SIGINT it stops accepting connections, lets requests in flight finish, waits
// for Next.js's after() work and the last batch of the SCIM provisioning log, then exits.
import { createServer } from "node:http";
import { parseArgs } from "node:util";
import next from "next";

const SHUTDOWN_DEADLINE_MS = 10_000;
// The checkout: this file runs from the build folder, bundled.
const root = process.cwd();
const { values } = parseArgs({ options: { port: { type: "string", default: "3000" }, hostname: { type: "string" } } });
const port = Number(values.port);

const app = next({ dev: false, dir: root, port, hostname: values.hostname });
await app.prepare();
// Only now: lib/scim reaches next/server, which needs the AsyncLocalStorage that prepare() installs.
const { webListener } = await import("./web-listener");
const { flushScimLog } = await import("@/lib/scim/request-log");
const server = createServer(webListener(app.getRequestHandler()));
server.listen(port, values.hostname, () => {
  console.log(`[rollcall] Web server listening on ${values.hostname ?? "every interface"}, port ${port}`);
});

let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => process.exit(1), SHUTDOWN_DEADLINE_MS).unref();
    void stop().then(() => process.exit(0));
  });
}

async function stop() {
  // close() stops accepting and drops idle keep-alive connections; busy ones end with their answer.
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await Promise.all([app.close(), flushScimLog()]);
}
