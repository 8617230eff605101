// A vendor's webhook endpoint for the dispatch benchmark, run as its own process so that it
// competes for the CPU the way a real receiver would: it answers 200 (after `--delay-ms`) and
// remembers when each `webhook-id` arrived, on the wall clock shared by every process.
//   parent → { type: "expect", count, prefix }  answers { type: "received", arrivals } once
//            `count` distinct ids starting with `prefix` have arrived (arrivals: [id, at][]).
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { parseArgs } from "node:util";

export type ReceiverRequest = { type: "expect"; count: number; prefix: string };
export type ReceiverReply = { type: "listening"; port: number } | { type: "received"; arrivals: Array<[string, number]>; requests: number };

const { values } = parseArgs({ options: { "delay-ms": { type: "string", default: "0" } } });
const delayMs = Number(values["delay-ms"]);
const wallClock = () => performance.timeOrigin + performance.now();

const arrivals = new Map<string, number>();
let requests = 0;
let waiting: ReceiverRequest | null = null;
let matched = 0;

const server = createServer((request, response) => {
  request.on("data", () => {});
  request.on("end", () => {
    const at = wallClock();
    requests++;
    const id = request.headers["webhook-id"];
    if (typeof id === "string" && !arrivals.has(id)) {
      arrivals.set(id, at);
      if (waiting && id.startsWith(waiting.prefix)) matched++;
    }
    const answer = () => response.writeHead(200, { "content-type": "text/plain" }).end("ok");
    if (delayMs > 0) setTimeout(answer, delayMs);
    else answer();
    settle();
  });
});
server.keepAliveTimeout = 30_000;

function settle() {
  if (!waiting || matched < waiting.count) return;
  const { prefix } = waiting;
  const matching = [...arrivals].filter(([id]) => id.startsWith(prefix));
  waiting = null;
  for (const [id] of matching) arrivals.delete(id);
  const reply: ReceiverReply = { type: "received", arrivals: matching, requests };
  requests = 0;
  process.send!(reply);
}

process.on("message", (message: ReceiverRequest) => {
  if (message.type !== "expect") return;
  waiting = message;
  matched = [...arrivals.keys()].filter((id) => id.startsWith(message.prefix)).length;
  settle();
});
process.on("disconnect", () => process.exit(0));

server.listen(0, "127.0.0.1", () => {
  const reply: ReceiverReply = { type: "listening", port: (server.address() as AddressInfo).port };
  process.send!(reply);
});
