// Migrates a template database for the test run; each test file then gets its own copy
// (test/setup-database.ts). The server is a throwaway embedded PostgreSQL, or, with
// TEST_DATABASE_URL set, that PostgreSQL server (CI runs the tests on both). There the
// role needs CREATEDB, and every database the run creates is dropped at its end.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../lib/database/embedded-postgres";
import { applyMigrations } from "../lib/database/migrations";

declare module "vitest" {
  export interface ProvidedContext {
    /** The migrated template each test file copies. */
    templateDatabaseUrl: string;
    /** A database on the same server to run CREATE and DROP DATABASE from. */
    adminDatabaseUrl: string;
    /** Every database of this run is named with it, so that the run can drop them all. */
    testDatabasePrefix: string;
  }
}

export default async function setup(project: TestProject) {
  const server = process.env.TEST_DATABASE_URL ? await externalServer(process.env.TEST_DATABASE_URL) : await throwawayServer();
  const prefix = `rollcall_test_${randomBytes(4).toString("hex")}`;
  const templateUrl = withDatabase(server.adminUrl, `${prefix}_template`);
  await onServer(server.adminUrl, (admin) => admin.query(`CREATE DATABASE ${prefix}_template`));
  try {
    await applyMigrations(templateUrl);
  } catch (error) {
    await server.stop(prefix);
    throw error;
  }

  project.provide("templateDatabaseUrl", templateUrl);
  project.provide("adminDatabaseUrl", server.adminUrl);
  project.provide("testDatabasePrefix", prefix);
  return () => server.stop(prefix);
}

type TestServer = { adminUrl: string; stop(prefix: string): Promise<void> };

async function throwawayServer(): Promise<TestServer> {
  const scratch = mkdtempSync(path.join(tmpdir(), "rollcall-test-"));
  const database = await startEmbeddedPostgres({ dataDir: path.join(scratch, "postgres") });
  return {
    adminUrl: withDatabase(database.connectionString, "postgres"),
    async stop() {
      await database.stop();
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}

async function externalServer(adminUrl: string): Promise<TestServer> {
  await onServer(adminUrl, async (admin) => {
    const { rows } = await admin.query<{ allowed: boolean }>("SELECT rolcreatedb OR rolsuper AS allowed FROM pg_roles WHERE rolname = current_user");
    if (!rows[0]?.allowed) throw new Error("TEST_DATABASE_URL: the role must be allowed to create databases (CREATEDB)");
  });
  return {
    adminUrl,
    // Also the copies of test files that ended before their own clean-up.
    stop: (prefix) =>
      onServer(adminUrl, async (admin) => {
        const { rows } = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE starts_with(datname, $1)", [`${prefix}_`]);
        for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
      }),
  };
}

async function onServer<T>(url: string, work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

function withDatabase(url: string, name: string): string {
  const copy = new URL(url);
  copy.pathname = `/${name}`;
  return copy.toString();
}
