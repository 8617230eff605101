// Writes a new Prisma migration: the SQL difference between the schema as last committed
// and prisma/schema.prisma. `prisma migrate dev` cannot run offline here (see
// docs/architecture.md), so migrations come from `prisma migrate diff` instead.
//   npm run db:migration -- add_banners
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "../lib/database/embedded-postgres";
import { runPrisma } from "../lib/database/migrations";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:migration -- <name_in_snake_case>");
  process.exit(2);
}

const migrationsDir = path.resolve("prisma/migrations");
const untracked = execFileSync("git", ["status", "--porcelain", "--", migrationsDir], { encoding: "utf8" });
if (untracked.trim()) {
  console.error("Commit or remove the uncommitted migrations first:\n" + untracked);
  process.exit(2);
}

const scratch = mkdtempSync(path.join(tmpdir(), "rollcall-migration-"));
const hasHistory = readdirSync(migrationsDir, { withFileTypes: true }).some((entry) => entry.isDirectory());
const from = hasHistory ? ["--from-schema-datamodel", path.join(scratch, "previous.prisma")] : ["--from-empty"];
if (hasHistory) {
  const previous = execFileSync("git", ["show", "HEAD:prisma/schema.prisma"], { encoding: "utf8" });
  writeFileSync(path.join(scratch, "previous.prisma"), previous);
}

const timestamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const outputDir = path.join(migrationsDir, `${timestamp}_${name}`);
const database = await startEmbeddedPostgres({ dataDir: path.join(scratch, "postgres") });
try {
  mkdirSync(outputDir, { recursive: true });
  const sqlFile = path.join(outputDir, "migration.sql");
  await runPrisma(
    ["migrate", "diff", ...from, "--to-schema-datamodel", "prisma/schema.prisma", "--script", "--output", sqlFile],
    database.connectionString,
  );
  console.log(`Wrote ${path.relative(process.cwd(), sqlFile)}`);
} finally {
  await database.stop();
  rmSync(scratch, { recursive: true, force: true });
}
