// File delivery benchmark: a generated district of 100,000 students with its classes and
// enrollments on the embedded PostgreSQL, exported as a OneRoster 1.1 CSV zip (and as a custom
// users CSV) in a child process with the heap a worker gets, which reports its rows per second
// and peak RSS (VmHWM); then the zip is delivered to a local SFTP server (ssh2 in server mode on
// 127.0.0.1, test/sftp-destination.ts) through the delivery's own SFTP client.
//   npm run bench:deliveries-export [-- --students 100000]
// The data folder (.data/bench-deliveries-export) is wiped first; the figures are the last lines.
import { createHash, randomUUID } from "node:crypto";
import { createReadStream, statSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { peakRssMb, runBenchStep } from "./child-step";
import { WORKER_HEAP_MB } from "../lib/config";
import type { ExportedFile } from "../lib/deliveries/types";

const { values } = parseArgs({
  options: { students: { type: "string", default: "100000" }, step: { type: "string" }, out: { type: "string" }, district: { type: "string" } },
});

type StepResult = { step: string; seconds: number; rows: number; bytes: number; sha256: string; peakRssMb: number; startRssMb: number; rowsByFile?: Record<string, number> };

const TARGET_ROWS_PER_SECOND = 50_000;
const TARGET_PEAK_MB = 200;

if (values.step) await runStep(values.step, values.out!, values.district!);
else await main();

async function main() {
  const { applyMigrations } = await import("../lib/database/migrations");
  const { startBenchInstance } = await import("./support");
  const root = path.resolve(import.meta.dirname, "..");
  const dataDir = path.join(root, ".data/bench-deliveries-export");
  const students = Number(values.students);
  // The SFTP server the zip is delivered to listens on loopback, which deliveries refuse unless allowed.
  const { database } = await startBenchInstance(dataDir, { ROLLCALL_ALLOW_OUTBOUND_TO: "loopback" });
  try {
    await applyMigrations(database.connectionString);
    const { db } = await import("../lib/db");
    const { replaceRoster } = await import("../lib/roster/bulk-insert");
    const { generateRoster } = await import("../lib/roster/generator");
    const districtGuid = randomUUID();
    const district = await db().district.create({ data: { name: "Benchmark District", state: "IL", districtGuid } });
    let started = performance.now();
    await replaceRoster(district.id, generateRoster({ districtGuid, districtName: district.name, state: "IL", students }));
    await db().$executeRawUnsafe("VACUUM ANALYZE");
    await db().$disconnect();
    console.log(`district of ${students.toLocaleString("en-US")} students written in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    const zipPath = path.join(dataDir, "oneroster.zip");
    started = performance.now();
    const zip = await child("oneroster", zipPath, district.id);
    console.log(`OneRoster zip exported in ${((performance.now() - started) / 1000).toFixed(1)} s (load average ${loadavg()[0]!.toFixed(1)})`);
    const custom = await child("custom", path.join(dataDir, "users.csv"), district.id);
    console.log(`custom users CSV exported (load average ${loadavg()[0]!.toFixed(1)})`);

    const upload = await deliver(zipPath, zip);

    const line = (label: string, result: StepResult) =>
      `${label}: ${result.rows.toLocaleString("en-US")} rows in ${result.seconds.toFixed(1)} s = ${Math.round(result.rows / result.seconds).toLocaleString("en-US")} rows/s, ` +
      `${(result.bytes / 1024 / 1024).toFixed(1)} MB, peak RSS ${result.peakRssMb} MB (${result.startRssMb} MB before the export began)`;
    console.log(`File delivery export, district of ${students.toLocaleString("en-US")} students, node --max-old-space-size=${WORKER_HEAP_MB} (a worker's heap)`);
    console.log(`per file: ${Object.entries(zip.rowsByFile ?? {}).map(([file, rows]) => `${file} ${rows.toLocaleString("en-US")}`).join(", ")}`);
    console.log(line("OneRoster 1.1 CSV zip (bulk)", zip));
    console.log(line("custom CSV, users with school.name (related column)", custom));
    console.log(`delivered to a local SFTP server: ${(zip.bytes / 1024 / 1024).toFixed(1)} MB in ${upload.seconds.toFixed(1)} s = ${(zip.bytes / 1024 / 1024 / upload.seconds).toFixed(1)} MB/s, SHA-256 ${upload.matches ? "matches" : "DIFFERS"}`);
    const rate = zip.rows / zip.seconds;
    console.log(`targets: >= ${TARGET_ROWS_PER_SECOND.toLocaleString("en-US")} rows/s ${rate >= TARGET_ROWS_PER_SECOND ? "met" : "MISSED"}, peak memory < ${TARGET_PEAK_MB} MB ${zip.peakRssMb < TARGET_PEAK_MB ? "met" : "MISSED"}`);
    console.log(`load average at the end: ${loadavg().map((load) => load.toFixed(1)).join(" ")} (${availableParallelism()} cores)`);
  } finally {
    await database.stop();
  }
}

async function deliver(zipPath: string, zip: StepResult): Promise<{ seconds: number; matches: boolean }> {
  const { startSftpDestination } = await import("../test/sftp-destination");
  const { uploadToSftp } = await import("../lib/deliveries/sftp-client");
  const { ed25519KeyPair } = await import("../lib/sftp/host-key");
  const key = ed25519KeyPair("rollcall-bench");
  const destination = await startSftpDestination({ username: "rollcall", publicKey: key.public });
  try {
    const name = path.basename(zipPath);
    const started = performance.now();
    const result = await uploadToSftp(
      { host: "127.0.0.1", port: destination.port, username: "rollcall", folder: "/", privateKey: key.private, pinnedHostKey: destination.hostKey },
      [{ name, path: zipPath, rows: zip.rows, bytes: zip.bytes, sha256: zip.sha256 }],
      { timeoutMs: 120_000 },
    );
    const seconds = (performance.now() - started) / 1000;
    if (!result.ok) throw new Error(`The delivery failed: ${result.failure.message}`);
    const received = path.join(destination.root, name);
    const matches = statSync(received).size === zip.bytes && (await sha256Of(received)) === zip.sha256;
    return { seconds, matches };
  } finally {
    await destination.close();
  }
}

async function sha256Of(filePath: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(filePath)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

function child(step: string, out: string, district: string): Promise<StepResult> {
  return runBenchStep<StepResult>(fileURLToPath(import.meta.url), ["--step", step, "--out", out, "--district", district], [`--max-old-space-size=${WORKER_HEAP_MB}`]);
}

async function runStep(step: string, out: string, districtId: string) {
  const { exportCustomCsv, exportOneRosterZip } = await import("../lib/deliveries/export");
  const { defaultCustomFormat } = await import("../lib/deliveries/custom-format/schema");
  const { db } = await import("../lib/db");
  // The process before the export: modules loaded and the database connected.
  await db().$queryRaw`SELECT 1`;
  const startRssMb = peakRssMb();
  const started = performance.now();
  const result: ExportedFile & { rowsByFile?: Record<string, number> } =
    step === "oneroster" ? await exportOneRosterZip(districtId, out) : await exportCustomCsv(districtId, defaultCustomFormat("users"), out);
  const seconds = (performance.now() - started) / 1000;
  await db().$disconnect();
  console.log(JSON.stringify({ step, seconds, rows: result.rows, bytes: result.bytes, sha256: result.sha256, peakRssMb: peakRssMb(), startRssMb, rowsByFile: result.rowsByFile } satisfies StepResult));
}
