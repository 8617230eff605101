// Rollcall's processes for the fault cases, started from source the way production starts
// them (`node --import tsx …`), with a delivery schedule short enough for a test run: a 1 s
// attempt timeout, 100 ms between retries, and a 2 s lease on the jobs of a dead worker.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";

const root = path.resolve(import.meta.dirname, "../..");

export const ATTEMPT_TIMEOUT_MS = 1_000;
export const WORKER_CONCURRENCY = 4;

export const FAST_DELIVERY_ENV = {
  ROLLCALL_WEBHOOK_TIMEOUT_MS: String(ATTEMPT_TIMEOUT_MS),
  ROLLCALL_WEBHOOK_RETRY_DELAYS_MS: "100,100,100,100,100,100,100",
  ROLLCALL_WORKER_LEASE_SECONDS: "2",
  ROLLCALL_WORKER_CONCURRENCY: String(WORKER_CONCURRENCY),
};

export type RunningProcess = {
  readonly child: ChildProcess;
  /** Settles with the exit code (null after a signal) when the process has exited. */
  readonly exited: Promise<number | null>;
  /** Lines of stdout or stderr so far that contain `text`. */
  linesContaining(text: string): number;
  /** The last lines of stdout and stderr, for failure messages. */
  recentOutput(): string;
  /** Called with each line the process prints on stdout. */
  onLine(listener: (line: string) => void): void;
  /** Resolves when stdout has printed a line containing `text`; rejects if the process exits first. */
  printed(text: string): Promise<void>;
  kill(signal: NodeJS.Signals): Promise<void>;
};

const running = new Set<RunningProcess>();

export function startProcess(name: string, script: string, args: string[], env: Record<string, string>): RunningProcess {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(root, script), ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  const listeners: Array<(line: string) => void> = [];
  createInterface({ input: child.stdout! }).on("line", (line) => {
    output.push(line);
    listeners.forEach((listener) => listener(line));
  });
  createInterface({ input: child.stderr! }).on("line", (line) => output.push(line));

  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const handle: RunningProcess = {
    child,
    exited,
    linesContaining: (text) => output.filter((line) => line.includes(text)).length,
    recentOutput: () => output.slice(-60).map((line) => `[${name}] ${line}`).join("\n"),
    onLine: (listener) => void listeners.push(listener),
    printed: (text) =>
      new Promise((resolve, reject) => {
        listeners.push((line) => line.includes(text) && resolve());
        void exited.then((code) => reject(new Error(`${name} exited (${code}) before printing "${text}":\n${handle.recentOutput()}`)));
      }),
    async kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
  running.add(handle);
  void exited.then(() => running.delete(handle));
  return handle;
}

/** A webhook worker process (scripts/worker.ts), ready to take jobs when this resolves. */
export async function startWorkerProcess(env: Record<string, string> = {}): Promise<RunningProcess> {
  const worker = startProcess("worker", "scripts/worker.ts", [], { ...FAST_DELIVERY_ENV, ...env });
  await worker.printed("Webhook worker ready");
  return worker;
}

/** For afterAll: whatever is still running is killed, whether the test passed or not. */
export async function stopAllProcesses(): Promise<void> {
  await Promise.all([...running].map((handle) => handle.kill("SIGKILL")));
}

export function outputOf(...handles: RunningProcess[]): string {
  return handles.map((handle) => handle.recentOutput()).join("\n");
}
