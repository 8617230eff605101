// People upsert API benchmark: `POST /api/district/v1/people` behind `next start` on the
// embedded PostgreSQL, in batches of 1,000 people from one client, as a district's nightly sync
// sends them. Prints people/s for creating them, for updating the same people (a changed first
// name), and for sending the same batches again (all unchanged), with p50/p99 per batch.
//   npm run bench:imports-api [-- --people 20000 --schools 20]
// The data folder (.data/bench-imports-api) is wiped first; the app is built into
// .next-imports-api so the usual build is left alone (unless ROLLCALL_BUILD_DIR names another).
// The figures are the last lines; the target is at least 2,000 people/s for creates and updates.
import type { ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { loadavg } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { applyMigrations } from "../lib/database/migrations";
import { percentile, startBenchInstance, startBenchServer } from "./support";

const { values } = parseArgs({ options: { people: { type: "string", default: "20000" }, schools: { type: "string", default: "20" } } });
const people = Number(values.people);
const schools = Number(values.schools);
const BATCH = 1_000;
const GRADES = ["KG", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"];
const root = path.resolve(import.meta.dirname, "..");
const dataDir = path.join(root, ".data/bench-imports-api");

const { database, port } = await startBenchInstance(dataDir, { ROLLCALL_BUILD_DIR: process.env.ROLLCALL_BUILD_DIR || ".next-imports-api" });
let server: ChildProcess | undefined;

try {
  await applyMigrations(database.connectionString);
  const token = await seed();
  server = await startBenchServer(root, port);
  const url = `http://127.0.0.1:${port}/api/district/v1/people`;

  const person = (n: number, firstName: string) => ({
    netid: `S${String(n).padStart(7, "0")}`,
    email: `student${n}@bench.example`,
    first_name: firstName,
    last_name: `Family${n}`,
    account_type: "Student",
    grade: GRADES[n % GRADES.length],
    school: `Bench School ${n % schools}`,
    graduation_year: 2026 + (n % 13),
  });
  const send = async (batch: object[], expected: string) => {
    const response = await fetch(url, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify({ people: batch }) });
    const answer = (await response.json()) as { summary?: Record<string, number> };
    if (response.status !== 200 || answer.summary?.[expected] !== batch.length) throw new Error(`HTTP ${response.status}, expected ${batch.length} ${expected}: ${JSON.stringify(answer).slice(0, 500)}`);
  };
  const pass = async (label: string, firstName: (n: number) => string, expected: string, offset = 0) => {
    const samples: number[] = [];
    const started = performance.now();
    for (let first = 0; first < people; first += BATCH) {
      const batch = Array.from({ length: Math.min(BATCH, people - first) }, (_, index) => person(offset + first + index, firstName(offset + first + index)));
      const start = performance.now();
      await send(batch, expected);
      samples.push(performance.now() - start);
    }
    const seconds = (performance.now() - started) / 1000;
    return `${label}: ${people.toLocaleString("en-US")} people in ${seconds.toFixed(1)} s = ${Math.round(people / seconds).toLocaleString("en-US")} people/s (per batch of ${BATCH.toLocaleString("en-US")}: p50 ${percentile(samples, 50).toFixed(0)} ms, p99 ${percentile(samples, 99).toFixed(0)} ms)`;
  };

  // Warm-up on other people: Next.js compiles the route on its first request.
  for (let warm = 0; warm < 3; warm++) await send(Array.from({ length: 100 }, (_, index) => person(10_000_000 + warm * 100 + index, "Warm")), "created");
  const creates = await pass("create", (n) => `Given${n}`, "created");
  const updates = await pass("update (first_name changed)", (n) => `Renamed${n}`, "updated");
  const repeats = await pass("same request again (all unchanged)", (n) => `Renamed${n}`, "unchanged");

  console.log(`People upsert API, batches of ${BATCH.toLocaleString("en-US")} from one client, next start on the embedded PostgreSQL, load average ${loadavg().map((load) => load.toFixed(1)).join(" ")}`);
  console.log(creates);
  console.log(updates);
  console.log(repeats);
} finally {
  server?.kill("SIGTERM");
  await database.stop();
}

/** The district, its schools (matched by name in each row), and an API token. */
async function seed(): Promise<string> {
  const { db } = await import("../lib/db");
  const { createDistrictApiToken } = await import("../lib/district-api/tokens");
  const district = await db().district.create({ data: { districtGuid: randomUUID(), name: "Benchmark District", state: "IL" } });
  await db().org.createMany({ data: Array.from({ length: schools }, (_, index) => ({ districtId: district.id, sourcedId: randomUUID(), type: "school" as const, name: `Bench School ${index}` })) });
  const { token } = await createDistrictApiToken({ id: randomUUID(), districtId: district.id }, "Benchmark");
  await db().$disconnect();
  return token;
}
