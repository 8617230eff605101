// OneRoster CSV import benchmark: a generated district of about 100,000 users with its classes
// and enrollments, exported as a OneRoster 1.1 CSV zip and imported into an empty district on
// the embedded PostgreSQL. Each step runs in a child process of its own, which reports its
// rows per second and its peak RSS (VmHWM: the zip held as a Buffer counts).
//   npm run bench:imports-oneroster [-- --students 54500]
// The data folder (.data/bench-imports-oneroster) is wiped first; the figures are the last lines.
import { randomUUID } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { peakRssMb, runBenchStep } from "./child-step";
import { WORKER_HEAP_MB } from "../lib/config";

const { values } = parseArgs({
  options: { students: { type: "string", default: "54500" }, "heap-mb": { type: "string", default: String(WORKER_HEAP_MB) }, step: { type: "string" }, zip: { type: "string" }, district: { type: "string" } },
});

// The last apply runs with the heap a worker process gets (ROLLCALL_WORKER_HEAP_MB; `--heap-mb 256` to try another).
const CAPPED_HEAP_MB = Number(values["heap-mb"]);

type StepResult = { step: string; seconds: number; rows: number; peakRssMb: number; counts: Record<string, number> };

if (values.step) await runStep(values.step, values.zip!, values.district!);
else await main();

async function main() {
  const { applyMigrations } = await import("../lib/database/migrations");
  const { startBenchInstance } = await import("./support");
  const root = path.resolve(import.meta.dirname, "..");
  const dataDir = path.join(root, ".data/bench-imports-oneroster");
  const students = Number(values.students);
  const { database } = await startBenchInstance(dataDir);
  try {
    await applyMigrations(database.connectionString);
    const { db } = await import("../lib/db");
    const districtGuid = randomUUID();
    const district = await db().district.create({ data: { name: "Benchmark District", state: "IL", districtGuid } });
    const second = await db().district.create({ data: { name: "Benchmark District, capped heap", state: "IL", districtGuid: randomUUID() } });
    await db().$disconnect();

    const { generatedOneRosterZip } = await import("../test/oneroster-zip");
    let started = performance.now();
    const zip = await generatedOneRosterZip({ districtGuid, districtName: district.name, state: "IL", students });
    const zipPath = path.join(dataDir, "roster.zip");
    writeFileSync(zipPath, zip);
    console.log(`zip of ${students.toLocaleString("en-US")} students: ${(zip.length / 1024 / 1024).toFixed(1)} MB, written in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    const results: StepResult[] = [];
    for (const step of ["check", "apply", "check", "apply"]) {
      started = performance.now();
      results.push(await child(step, zipPath, district.id));
      console.log(`${step} done in ${((performance.now() - started) / 1000).toFixed(1)} s (load average ${loadavg()[0]!.toFixed(1)})`);
    }
    // The same apply into another empty district, in a process whose heap is capped as `npm start` caps its workers'.
    started = performance.now();
    const capped = await child("apply", zipPath, second.id, [`--max-old-space-size=${CAPPED_HEAP_MB}`]);
    console.log(`apply (capped heap) done in ${((performance.now() - started) / 1000).toFixed(1)} s (load average ${loadavg()[0]!.toFixed(1)})`);
    const [check, apply, recheck, reapply] = results as [StepResult, StepResult, StepResult, StepResult];
    const line = (label: string, result: StepResult) =>
      `${label}: ${result.rows.toLocaleString("en-US")} rows in ${result.seconds.toFixed(1)} s = ${Math.round(result.rows / result.seconds).toLocaleString("en-US")} rows/s, peak RSS ${result.peakRssMb} MB`;
    console.log(`OneRoster CSV import, ${(apply.counts.users ?? 0).toLocaleString("en-US")} users (${students.toLocaleString("en-US")} students), ${apply.rows.toLocaleString("en-US")} rows in all, zip ${(zip.length / 1024 / 1024).toFixed(1)} MB`);
    console.log(`per file: ${Object.entries(apply.counts).map(([file, rows]) => `${file} ${rows.toLocaleString("en-US")}`).join(", ")}`);
    console.log(line("validate (check) into the empty district", check));
    console.log(line("apply into the empty district", apply));
    console.log(line("validate again (every row unchanged)", recheck));
    console.log(line("apply again (every row unchanged)", reapply));
    console.log(line(`apply into an empty district as a worker runs it, node --max-old-space-size=${CAPPED_HEAP_MB}`, capped));
    console.log(`load average at the end: ${loadavg().map((load) => load.toFixed(1)).join(" ")} (${availableParallelism()} cores)`);
  } finally {
    await database.stop();
  }
}

function child(step: string, zip: string, district: string, nodeFlags: string[] = []): Promise<StepResult> {
  return runBenchStep<StepResult>(fileURLToPath(import.meta.url), ["--step", step, "--zip", zip, "--district", district], nodeFlags);
}

async function runStep(step: string, zipPath: string, districtId: string) {
  const { applyOneRosterZip, checkOneRosterZip } = await import("../lib/imports/oneroster");
  const { db } = await import("../lib/db");
  const content = readFileSync(zipPath);
  const started = performance.now();
  const result = step === "apply" ? await applyOneRosterZip(districtId, content) : await checkOneRosterZip(districtId, content);
  const seconds = (performance.now() - started) / 1000;
  const rows = Object.values(result.countsByFile).reduce((sum, counts) => sum + Object.values(counts).reduce((a, b) => a + b, 0), 0);
  const counts = Object.fromEntries(Object.entries(result.countsByFile).map(([file, byOutcome]) => [file.replace(".csv", ""), Object.values(byOutcome).reduce((a, b) => a + b, 0)]));
  if (result.counts.error > 0) throw new Error(`${result.counts.error} rows had errors: ${JSON.stringify(result.issues.slice(0, 3))}`);
  await db().$disconnect();
  console.log(JSON.stringify({ step, seconds, rows, peakRssMb: peakRssMb(), counts } satisfies StepResult));
}
