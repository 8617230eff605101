// `npm start`: the whole instance with one command. Without DATABASE_URL it runs an
// embedded PostgreSQL in the data folder; then it applies migrations, loads demo data into
// an empty database, builds when the sources changed, and runs the web server beside the
// webhook worker; if either stops, both stop.
//   npm start            production server (scripts/start/web-server.ts, bundled by the build:
//                        Next.js, with SCIM answered ahead of Next.js's request pipeline)
//   npm run dev          development server (next dev; SCIM through its route handler)
// ROLLCALL_WORKER_PROCESSES sets how many worker processes run beside the server (default 1);
// 0 makes a web-only process, for deployments that run `npm run worker` separately.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { getConfig } from "@/lib/config";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "@/lib/database/embedded-postgres";
import { applyMigrations } from "@/lib/database/migrations";
import { db } from "@/lib/db";
import { SFTP_SERVED_ELSEWHERE, startConfiguredSftpServer } from "@/lib/sftp/run";
import { DEMO_LOGINS, DEMO_PASSWORD, loadDemoDataIfEmpty } from "@/prisma/seed/demo-data";
import { build, isBuildCurrent, webServerEntry } from "./start/build";
import { loadOrCreateLocalSecrets } from "./start/local-secrets";

const root = path.resolve(import.meta.dirname, "..");
const devMode = process.argv.includes("--dev");
const log = (message: string) => console.log(`[rollcall] ${message}`);

let embedded: EmbeddedDatabase | undefined;
let sftp: { close(): Promise<void> } | null = null;
/** The build, or the server and the worker: a signal stops them, then the database. */
const children = new Set<ChildProcess>();
let stopping = false;
let failure = 0;

async function exit(code: number): Promise<never> {
  await sftp?.close();
  await embedded?.stop();
  process.exit(code);
}

// embedded-postgres stops every database on the first signal, while the server and the
// worker may still be finishing requests and attempts; Rollcall stops them in order instead.
const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
SIGNALS.forEach((signal) => process.removeAllListeners(signal));

// Installed first, so that Ctrl+C during start-up or a build also stops the database.
for (const signal of SIGNALS) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log(`Stopping (${signal})`);
    const running = [...children].filter((child) => child.exitCode === null);
    if (running.length > 0) running.forEach((child) => child.kill("SIGTERM"));
    else void exit(0);
  });
}

async function prepare(): Promise<{ port: string; workerProcesses: number }> {
  const env = process.env;
  const port = env.PORT ?? "3000";
  const dataDir = path.resolve(root, env.ROLLCALL_DATA_DIR ?? ".data");

  if (!env.DATABASE_URL) {
    log(`Starting the embedded PostgreSQL in ${path.relative(root, dataDir) || "."}/postgres`);
    embedded = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres") });
    const secrets = loadOrCreateLocalSecrets(dataDir);
    env.DATABASE_URL = embedded.connectionString;
    env.ROLLCALL_ENCRYPTION_KEY ??= secrets.encryptionKey;
    env.NEXTAUTH_SECRET ??= secrets.sessionSecret;
    env.ROLLCALL_ALLOW_HTTP_WEBHOOKS_FOR ??= "localhost,127.0.0.1,::1";
    env.ROLLCALL_ALLOW_OUTBOUND_TO ??= "loopback";
    env.ROLLCALL_DEMO_DATA ??= "on";
  } else {
    const missing = ["ROLLCALL_ENCRYPTION_KEY", "NEXTAUTH_SECRET"].filter((name) => !env[name]);
    if (missing.length) throw new Error(`With DATABASE_URL set, also set ${missing.join(" and ")} (see README.md).`);
  }
  env.NEXTAUTH_URL ??= `http://localhost:${port}`;
  env.NEXT_TELEMETRY_DISABLED = "1";
  const { workerProcesses } = getConfig();

  log("Applying database migrations");
  await applyMigrations(env.DATABASE_URL);
  if (env.ROLLCALL_DEMO_DATA === "on" && (await loadDemoDataIfEmpty(db()))) {
    log(`Loaded demo data. Sign in with ${DEMO_LOGINS.map((login) => login.email).join(" or ")}, password ${DEMO_PASSWORD}`);
  }
  await db().$disconnect();

  if (!devMode && !isBuildCurrent(root)) {
    log("Building Rollcall (first start or sources changed)…");
    await build(root, (buildProcess) => {
      children.add(buildProcess);
      buildProcess.on("exit", () => children.delete(buildProcess));
    });
  }
  return { port, workerProcesses };
}

function serve({ port, workerProcesses }: { port: string; workerProcesses: number }) {
  const { listenHost } = getConfig();
  const host = listenHost ? ["--hostname", listenHost] : [];
  if (devMode) run("The web server", [path.join(root, "node_modules/next/dist/bin/next"), "dev", "-p", port, ...host]);
  else run("The web server", [webServerEntry(root), "--port", port, ...host], { NODE_ENV: "production" });
  const heap = `--max-old-space-size=${getConfig().workerHeapMb}`;
  for (let index = 1; index <= workerProcesses; index++) {
    run(workerProcesses === 1 ? "The webhook worker" : `Webhook worker ${index}`, [heap, "--import", "tsx", path.join(root, "scripts/worker.ts")]);
  }
  if (workerProcesses === 0) log("Webhook dispatch is off here (ROLLCALL_WORKER_PROCESSES=0): webhooks wait for an `npm run worker` on this database");
}

function run(name: string, args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  children.add(child);
  child.on("exit", (code) => {
    children.delete(child);
    if (!stopping) {
      stopping = true;
      failure = code || 1;
      log(`${name} stopped unexpectedly; stopping Rollcall`);
      children.forEach((other) => other.kill("SIGTERM"));
    }
    if (children.size === 0) void exit(failure);
  });
}

// The SFTP server runs here, in the one process an `npm start` has whatever the number of
// workers (even none), and the workers it starts are told to leave the port alone.
async function startSftp() {
  sftp = await startConfiguredSftpServer(log);
  process.env[SFTP_SERVED_ELSEWHERE] = "1";
}

prepare()
  .then(async (started) => {
    if (!stopping) await startSftp();
    return stopping ? exit(0) : serve(started);
  })
  .catch(async (error: unknown) => {
    if (!stopping) console.error("[rollcall]", error instanceof Error ? error.message : error);
    await exit(stopping ? 0 : 1);
  });
