// The moving parts of the dispatch benchmark: the receiver process, worker processes, the
// loopback limit, and messages committed the way Rollcall commits them.
import { type ChildProcess, execFileSync, fork, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import type { ReceiverReply, ReceiverRequest } from "./webhook-receiver";
import { percentile } from "./support";

const root = path.resolve(import.meta.dirname, "..");
export const wallClock = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export type Receiver = {
  pid: number;
  url: string;
  port: number;
  /** Resolves once `count` distinct ids starting with `prefix` have arrived: id → arrival time. */
  collect(prefix: string, count: number): Promise<{ arrivals: Map<string, number>; requests: number }>;
  stop(): void;
};

export async function startReceiver(delayMs: number): Promise<Receiver> {
  const child = fork(path.join(import.meta.dirname, "webhook-receiver.ts"), ["--delay-ms", String(delayMs)], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once("message", (reply: ReceiverReply) => (reply.type === "listening" ? resolve(reply.port) : reject(new Error("receiver did not start"))));
    child.once("exit", () => reject(new Error("receiver exited")));
  });
  return {
    pid: child.pid!,
    port,
    url: `http://127.0.0.1:${port}/webhooks`,
    collect(prefix, count) {
      return new Promise((resolve) => {
        child.once("message", (reply: ReceiverReply) => {
          if (reply.type === "received") resolve({ arrivals: new Map(reply.arrivals), requests: reply.requests });
        });
        const request: ReceiverRequest = { type: "expect", prefix, count };
        child.send(request);
      });
    },
    stop: () => void child.kill("SIGTERM"),
  };
}

export type WorkerProcess = { pid: number; stop(): Promise<void> };

/** `npm run worker` as operators run it: scripts/worker.ts in its own Node process. */
export async function startWorkerProcess(env: NodeJS.ProcessEnv): Promise<WorkerProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts/worker.ts")], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Webhook worker ready")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`worker exited (${code}) before it was ready`)));
  });
  return { pid: child.pid!, stop: () => stopProcess(child) };
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

/**
 * The loopback limit: this process POSTs `body` with Rollcall's headers to the receiver,
 * `concurrency` requests at a time, and returns requests per second.
 */
export async function postingRate(receiver: Receiver, options: { body: string; count: number; concurrency: number; keepAlive: boolean; prefix: string }): Promise<number> {
  const agent = new http.Agent({ keepAlive: options.keepAlive, maxSockets: options.concurrency });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const post = (id: string) =>
    new Promise<void>((resolve, reject) => {
      const request = http.request(
        {
          agent,
          host: "127.0.0.1",
          port: receiver.port,
          method: "POST",
          path: "/webhooks",
          headers: {
            "content-type": "application/json",
            "user-agent": "Rollcall-Webhooks/1.0",
            "webhook-id": id,
            "webhook-timestamp": timestamp,
            "webhook-signature": `v1,${"A".repeat(44)}`,
            "content-length": Buffer.byteLength(options.body),
          },
        },
        (response) => {
          response.resume();
          response.on("end", resolve);
        },
      );
      request.on("error", reject);
      request.end(options.body);
    });
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (next < options.count) await post(`${options.prefix}${next++}`);
    }),
  );
  const rate = options.count / ((performance.now() - started) / 1000);
  agent.destroy();
  await receiver.collect(options.prefix, options.count);
  return rate;
}

type Commit = (count: number) => Promise<string[]>;

/** Commits `total` messages in transactions of `batch`, `parallel` transactions at a time; id → commit time. */
export async function commitAsFastAsPossible(commit: Commit, total: number, batch: number, parallel: number): Promise<Map<string, number>> {
  const committedAt = new Map<string, number>();
  let remaining = total;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (remaining > 0) {
        const size = Math.min(batch, remaining);
        remaining -= size;
        const ids = await commit(size);
        const at = wallClock();
        for (const id of ids) committedAt.set(id, at);
      }
    }),
  );
  return committedAt;
}

/** Commits `total` messages one transaction each, at `ratePerSecond`; id → commit time. */
export async function commitAtSteadyRate(commit: Commit, total: number, ratePerSecond: number): Promise<Map<string, number>> {
  const committedAt = new Map<string, number>();
  const started = performance.now();
  for (let index = 0; index < total; index++) {
    const due = started + (index * 1000) / ratePerSecond;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    const [id] = await commit(1);
    committedAt.set(id!, wallClock());
  }
  return committedAt;
}

export type DispatchFigures = { throughput: number; p50: number; p99: number; max: number; duplicates: number };

/** Throughput from the first commit's start to the last arrival; latency from each commit to its arrival. */
export function dispatchFigures(startedAt: number, committedAt: Map<string, number>, arrivals: Map<string, number>, requests: number): DispatchFigures {
  const latencies = [...committedAt].map(([id, at]) => arrivals.get(id)! - at);
  const lastArrival = Math.max(...arrivals.values());
  return {
    throughput: committedAt.size / ((lastArrival - startedAt) / 1000),
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: Math.max(...latencies),
    duplicates: requests - arrivals.size,
  };
}

/** CPU seconds (user + system) a process has used; on Linux, from /proc. */
export function cpuSeconds(pid: number, withReapedChildren = false): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ").map(Number);
    const [utime, stime, cutime, cstime] = fields.slice(11, 15) as [number, number, number, number];
    return (utime + stime + (withReapedChildren ? cutime + cstime : 0)) / 100;
  } catch {
    return Number.NaN;
  }
}

/** CPU seconds of a PostgreSQL server: the postmaster, its live children, and those it has reaped. */
export function postgresCpuSeconds(dataDir: string): number {
  try {
    const postmaster = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
    const children = execFileSync("ps", ["-o", "pid=", "--ppid", String(postmaster)], { encoding: "utf8" }).split("\n").filter(Boolean).map(Number);
    return cpuSeconds(postmaster, true) + children.reduce((sum, child) => sum + (cpuSeconds(child) || 0), 0);
  } catch {
    return Number.NaN;
  }
}

/** CPU seconds the whole machine has been busy (every process, this benchmark's and others'). */
export function machineBusySeconds(): number {
  try {
    const [user, nice, system, , , irq, softirq] = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
    return (user! + nice! + system! + irq! + softirq!) / 100;
  } catch {
    return Number.NaN;
  }
}
