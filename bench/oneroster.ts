// OneRoster Data API benchmark: a district of 100,000 students behind `next start` on the
// embedded PostgreSQL. Prints p50/p99 of one page of 100 users, of a filtered page, and the
// throughput of a full export at limit=1000 through the API.
//   npm run bench:oneroster [-- --students 100000 --requests 200]
// The data folder (.data/bench-oneroster) is wiped first; the figures are the last lines.
import type { ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { parseArgs } from "node:util";
import { applyMigrations } from "../lib/database/migrations";
import { percentile, startBenchInstance, startBenchServer } from "./support";

const { values } = parseArgs({ options: { students: { type: "string", default: "100000" }, requests: { type: "string", default: "200" } } });
const students = Number(values.students);
const requests = Number(values.requests);
const root = path.resolve(import.meta.dirname, "..");
const dataDir = path.join(root, ".data/bench-oneroster");

const { database, port } = await startBenchInstance(dataDir);
let server: ChildProcess | undefined;

try {
  await applyMigrations(database.connectionString);
  const { apiKey, districtGuid } = await seed();
  server = await startBenchServer(root, port);
  const base = `http://127.0.0.1:${port}`;

  const credentials = await (await fetch(`${base}/api/partner/v1/districts/${districtGuid}/credentials`, { headers: { authorization: `Bearer ${apiKey}` } })).json();
  const tokenResponse = await fetch(credentials.tokenUrl, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "client_credentials", client_id: credentials.clientId, client_secret: credentials.clientSecret }),
  });
  const { access_token } = await tokenResponse.json();
  const get = async (pathAndQuery: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${credentials.oneRosterBaseUrl}${pathAndQuery}`, { headers: { authorization: `Bearer ${access_token}`, ...headers } });
    if (!response.ok) throw new Error(`${pathAndQuery}: HTTP ${response.status} ${await response.text()}`);
    return response;
  };

  const timed = async (label: string, pathFor: (index: number) => string) => {
    for (let warm = 0; warm < 10; warm++) await (await get(pathFor(warm))).arrayBuffer();
    const samples: number[] = [];
    for (let index = 0; index < requests; index++) {
      const started = performance.now();
      await (await get(pathFor(index))).arrayBuffer();
      samples.push(performance.now() - started);
    }
    return `${label}: p50 ${percentile(samples, 50).toFixed(1)} ms, p99 ${percentile(samples, 99).toFixed(1)} ms (${requests} requests)`;
  };

  const pageOfUsers = await timed("one page of 100 users", (index) => `/users?limit=100&offset=${(index * 100) % 50_000}`);
  const filtered = await timed("filtered page (teachers, family name contains 'an')", () => `/users?limit=100&filter=${encodeURIComponent("role='teacher' AND familyName~'an'")}`);
  const { classes } = (await (await get("/classes?limit=50&fields=sourcedId")).json()) as { classes: { sourcedId: string }[] };
  const nested = await timed("one class's students (nested endpoint)", (index) => `/classes/${classes[index % classes.length]!.sourcedId}/students`);

  /** Follows `Link: rel="next"` from the first page to the last, as a vendor's client would. */
  const fullExport = async (label: string, headers: Record<string, string>) => {
    const started = performance.now();
    let exported = 0;
    let next: string | null = "/users?limit=1000&offset=0";
    while (next) {
      const response = await get(next, headers);
      const body = (await response.json()) as { users: unknown[] };
      exported += body.users.length;
      const match = /<[^>]*?(\/users\?[^>]*)>;\s*rel="next"/.exec(response.headers.get("link") ?? "");
      next = match?.[1] ?? null;
    }
    const seconds = (performance.now() - started) / 1000;
    return `full export, ${label}: ${exported.toLocaleString("en-US")} users in ${seconds.toFixed(2)} s = ${Math.round(exported / seconds).toLocaleString("en-US")} users/s`;
  };
  // fetch asks for gzip by default; a client on the same network may prefer the bytes as they are.
  const gzipped = await fullExport("gzip (fetch's default)", {});
  const uncompressed = await fullExport("uncompressed (Accept-Encoding: identity)", { "accept-encoding": "identity" });

  console.log(`OneRoster Data API, district of ${students.toLocaleString("en-US")} students, next start on the embedded PostgreSQL`);
  console.log(pageOfUsers);
  console.log(filtered);
  console.log(nested);
  console.log(gzipped);
  console.log(uncompressed);
} finally {
  server?.kill("SIGTERM");
  await database.stop();
}

async function seed() {
  const { db } = await import("../lib/db");
  const { generateRoster } = await import("../lib/roster/generator");
  const { replaceRoster } = await import("../lib/roster/bulk-insert");
  const { createApiKey } = await import("../lib/partner-api/api-keys");
  const districtGuid = randomUUID();
  const vendor = await db().vendor.create({
    data: {
      name: "Benchmark Vendor",
      admins: { create: { email: "bench@vendor.example", name: "Bench", passwordHash: "!", role: "VENDOR_ADMIN" } },
      applications: { create: { name: "Benchmark App", provisioning: { create: {} } } },
    },
    include: { admins: true, applications: true },
  });
  const district = await db().district.create({ data: { districtGuid, name: "Benchmark District", state: "IL" } });
  await db().activation.create({
    data: { districtId: district.id, applicationId: vendor.applications[0]!.id, mode: "standard", origin: "district", autoProvisioned: true },
  });
  const started = performance.now();
  const counts = await replaceRoster(district.id, generateRoster({ districtGuid, districtName: district.name, state: "IL", students }));
  console.log(`seeded ${counts.users.toLocaleString("en-US")} users in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const key = await createApiKey({ id: vendor.admins[0]!.id, vendorId: vendor.id }, "bench");
  await db().$disconnect();
  return { apiKey: key.key, districtGuid };
}
