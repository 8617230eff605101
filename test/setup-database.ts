// Gives each test file a fresh, migrated database of its own, copied from the template.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, inject } from "vitest";

const templateUrl = new URL(inject("templateDatabaseUrl"));
const templateName = templateUrl.pathname.slice(1);
const databaseName = `test_${randomBytes(6).toString("hex")}`;

const admin = new pg.Client({ connectionString: withDatabase(templateUrl, "postgres") });
await admin.connect();
await admin.query(`CREATE DATABASE ${databaseName} TEMPLATE ${templateName}`);
await admin.end();

process.env.DATABASE_URL = withDatabase(templateUrl, databaseName);
process.env.ROLLCALL_ENCRYPTION_KEY ??= randomBytes(32).toString("base64");
process.env.ROLLCALL_ALLOW_HTTP_WEBHOOKS_FOR ??= "localhost,127.0.0.1";
process.env.ROLLCALL_ALLOW_OUTBOUND_TO ??= "loopback";

afterAll(async () => {
  const { db } = await import("@/lib/db");
  await db().$disconnect();
});

function withDatabase(url: URL, name: string): string {
  const copy = new URL(url);
  copy.pathname = `/${name}`;
  return copy.toString();
}
