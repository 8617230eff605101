// Applies the committed Prisma migrations with `prisma migrate deploy` (the offline,
// WebAssembly schema engine configured in prisma.config.ts), then the job queue's own
// schema (graphile_worker), which graphile-worker versions and migrates itself.
import { spawn } from "node:child_process";
import path from "node:path";
import { runMigrations as runJobQueueMigrations } from "graphile-worker";
import { jobQueueLogger } from "@/lib/jobs/logger";

const root = path.resolve(import.meta.dirname, "../..");

export async function applyMigrations(databaseUrl: string): Promise<void> {
  await runPrisma(["migrate", "deploy"], databaseUrl);
  await runJobQueueMigrations({ connectionString: databaseUrl, logger: jobQueueLogger });
}

export function runPrisma(args: string[], databaseUrl: string, stdout: "inherit" | "pipe" = "pipe"): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, "node_modules/prisma/build/index.js"), ...args], {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        PRISMA_HIDE_UPDATE_MESSAGE: "1",
        // The schema engine leaves an idle timer behind; this preload lets the CLI exit.
        NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --require ${path.join(root, "scripts/unref-timers.cjs")}`.trim(),
      },
      stdio: ["ignore", stdout, "pipe"],
    });
    let output = "";
    child.stdout?.on("data", (chunk) => (output += chunk));
    child.stderr?.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`prisma ${args.join(" ")} failed (exit ${code}):\n${output}`)),
    );
  });
}

