// Gives each test file a fresh, migrated database of its own, copied from the template,
// and drops it when the file's tests are done.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, inject } from "vitest";

const templateUrl = new URL(inject("templateDatabaseUrl"));
const templateName = templateUrl.pathname.slice(1);
const databaseName = `${inject("testDatabasePrefix")}_${randomBytes(6).toString("hex")}`;

await onAdminDatabase((admin) => admin.query(`CREATE DATABASE ${databaseName} TEMPLATE ${templateName}`));

process.env.DATABASE_URL = withDatabase(templateUrl, databaseName);
process.env.ROLLCALL_ENCRYPTION_KEY ??= randomBytes(32).toString("base64");
process.env.ROLLCALL_ALLOW_HTTP_WEBHOOKS_FOR ??= "localhost,127.0.0.1";
process.env.ROLLCALL_ALLOW_OUTBOUND_TO ??= "loopback";

afterAll(async () => {
  const { db } = await import("@/lib/db");
  await db().$disconnect();
  // FORCE: worker processes a test started may still hold connections.
  await onAdminDatabase((admin) => admin.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`));
});

async function onAdminDatabase(work: (admin: pg.Client) => Promise<unknown>): Promise<void> {
  const admin = new pg.Client({ connectionString: inject("adminDatabaseUrl") });
  await admin.connect();
  try {
    await work(admin);
  } finally {
    await admin.end();
  }
}

function withDatabase(url: URL, name: string): string {
  const copy = new URL(url);
  copy.pathname = `/${name}`;
  return copy.toString();
}
