// `npm start`: the whole instance with one command. Without DATABASE_URL it runs an
// embedded PostgreSQL in the data folder; then it applies migrations, loads demo data into
// an empty database, builds when the sources changed and serves the app.
//   npm start            production server (next start)
//   npm run dev          development server (next dev)
import { spawn } from "node:child_process";
import path from "node:path";
import { getConfig } from "@/lib/config";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "@/lib/database/embedded-postgres";
import { applyMigrations } from "@/lib/database/migrations";
import { db } from "@/lib/db";
import { DEMO_LOGINS, DEMO_PASSWORD, loadDemoDataIfEmpty } from "@/prisma/seed/demo-data";
import { ensureBuild } from "./start/build";
import { loadOrCreateLocalSecrets } from "./start/local-secrets";

const root = path.resolve(import.meta.dirname, "..");
const devMode = process.argv.includes("--dev");
const log = (message: string) => console.log(`[rollcall] ${message}`);

async function main() {
  const env = process.env;
  const port = env.PORT ?? "3000";
  const dataDir = path.resolve(root, env.ROLLCALL_DATA_DIR ?? ".data");
  let embedded: EmbeddedDatabase | undefined;

  if (!env.DATABASE_URL) {
    log(`Starting the embedded PostgreSQL in ${path.relative(root, dataDir) || "."}/postgres`);
    embedded = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres") });
    const secrets = loadOrCreateLocalSecrets(dataDir);
    env.DATABASE_URL = embedded.connectionString;
    env.ROLLCALL_ENCRYPTION_KEY ??= secrets.encryptionKey;
    env.NEXTAUTH_SECRET ??= secrets.sessionSecret;
    env.ROLLCALL_ALLOW_HTTP_WEBHOOKS_FOR ??= "localhost,127.0.0.1,::1";
    env.ROLLCALL_DEMO_DATA ??= "on";
  } else {
    const missing = ["ROLLCALL_ENCRYPTION_KEY", "NEXTAUTH_SECRET"].filter((name) => !env[name]);
    if (missing.length) throw new Error(`With DATABASE_URL set, also set ${missing.join(" and ")} (see README.md).`);
  }
  env.NEXTAUTH_URL ??= `http://localhost:${port}`;
  env.NEXT_TELEMETRY_DISABLED = "1";
  getConfig();

  const stopDatabase = async () => {
    await embedded?.stop();
    embedded = undefined;
  };

  try {
    log("Applying database migrations");
    await applyMigrations(env.DATABASE_URL);
    if (env.ROLLCALL_DEMO_DATA === "on" && (await loadDemoDataIfEmpty(db()))) {
      log(`Loaded demo data. Sign in with ${DEMO_LOGINS.map((login) => login.email).join(" or ")}, password ${DEMO_PASSWORD}`);
    }
    await db().$disconnect();
    if (!devMode) ensureBuild(root, log);
  } catch (error) {
    await stopDatabase();
    throw error;
  }

  const next = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), devMode ? "dev" : "start", "-p", port], {
    cwd: root,
    stdio: "inherit",
    env,
  });

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log(`Stopping (${signal})`);
    next.kill("SIGTERM");
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  next.on("exit", async (code) => {
    await stopDatabase();
    process.exit(stopping ? 0 : (code ?? 1));
  });
}

main().catch((error: unknown) => {
  console.error("[rollcall]", error instanceof Error ? error.message : error);
  process.exit(1);
});
