// The database a command-line task works on: DATABASE_URL, or else the embedded database in
// the data folder, started and migrated the way `npm start` does (stop a running `npm start`
// on that folder first: one server per folder).
import { randomBytes } from "node:crypto";
import path from "node:path";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "@/lib/database/embedded-postgres";
import { applyMigrations } from "@/lib/database/migrations";
import { db } from "@/lib/db";
import { loadOrCreateLocalSecrets } from "./local-secrets";

export type CliDatabase = { close(): Promise<void> };

export async function openCliDatabase(root: string): Promise<CliDatabase> {
  const env = process.env;
  let embedded: EmbeddedDatabase | undefined;
  if (!env.DATABASE_URL) {
    const dataDir = path.resolve(root, env.ROLLCALL_DATA_DIR ?? ".data");
    console.log(`Starting the embedded PostgreSQL in ${path.relative(root, dataDir) || "."}/postgres`);
    embedded = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres") });
    env.DATABASE_URL = embedded.connectionString;
    env.ROLLCALL_ENCRYPTION_KEY ??= loadOrCreateLocalSecrets(dataDir).encryptionKey;
    await applyMigrations(env.DATABASE_URL);
  }
  // The configuration insists on an encryption key; these tasks store no encrypted secret, so
  // without one the process gets a throwaway key that never encrypts anything.
  env.ROLLCALL_ENCRYPTION_KEY ??= randomBytes(32).toString("base64");
  return {
    async close() {
      await db().$disconnect().catch(() => undefined);
      await embedded?.stop();
    },
  };
}
