// Small helpers shared by the benchmarks.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { startEmbeddedPostgres } from "../lib/database/embedded-postgres";
import { build, isBuildCurrent, webServerEntry } from "../scripts/start/build";

export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export async function waitForHttp(url: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

/**
 * A fresh embedded PostgreSQL in `dataDir` (emptied first), a free port for the app, and the
 * environment the app needs on both, set in this process for the servers it starts.
 */
export async function startBenchInstance(dataDir: string, env: Record<string, string> = {}) {
  rmSync(dataDir, { recursive: true, force: true });
  const database = await startEmbeddedPostgres({ dataDir: `${dataDir}/postgres` });
  const port = await findFreePort();
  Object.assign(process.env, {
    DATABASE_URL: database.connectionString,
    ROLLCALL_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    NEXT_TELEMETRY_DISABLED: "1",
    ...env,
  });
  return { database, port };
}

export type BenchServer = "rollcall" | "next-start";

/**
 * The production server of the current build (built first when the sources changed), answering
 * on 127.0.0.1: the one `npm start` runs, or plain `next start` to compare against.
 */
export async function startBenchServer(root: string, port: number, kind: BenchServer = "rollcall"): Promise<ChildProcess> {
  if (!isBuildCurrent(root)) await build(root, () => undefined);
  const args =
    kind === "rollcall"
      ? [webServerEntry(root), "--port", String(port), "--hostname", "127.0.0.1"]
      : [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"];
  const server = spawn(process.execPath, args, { cwd: root, stdio: "ignore", env: { ...process.env, NODE_ENV: "production" } });
  await waitForHttp(`http://127.0.0.1:${port}/sign-in`);
  return server;
}
