// Starts a throwaway embedded PostgreSQL for the test run and migrates a template
// database; each test file then gets its own copy (test/setup-database.ts).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../lib/database/embedded-postgres";
import { applyMigrations } from "../lib/database/migrations";

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const scratch = mkdtempSync(path.join(tmpdir(), "rollcall-test-"));
  const database = await startEmbeddedPostgres({ dataDir: path.join(scratch, "postgres") });
  await applyMigrations(database.connectionString);
  project.provide("templateDatabaseUrl", database.connectionString);

  return async () => {
    await database.stop();
    rmSync(scratch, { recursive: true, force: true });
  };
}
