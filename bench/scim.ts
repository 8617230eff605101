// SCIM service benchmark: a district of 100,000 SCIM users behind the production web server on
// the embedded PostgreSQL (or plain `next start` with --server next-start, to compare). Prints the throughput of POST /Users from 4 concurrent clients, and p50/p99 of a
// `filter=userName eq "…"` lookup and of a page of 100 users (at random, and paging in order).
//   npm run bench:scim [-- --users 100000 --posts 4000 --requests 300 --server rollcall|next-start]
// (fewer --users and --posts for a quick check; docs/benchmarks.md records runs at the defaults.)
// The data folder (.data/bench-scim) is wiped first; the app is built into .next-scim so the
// usual build is left alone (unless ROLLCALL_BUILD_DIR names another). The figures are the last lines.
import type { ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { Agent, request } from "node:http";
import { loadavg } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { applyMigrations } from "../lib/database/migrations";
import { percentile, startBenchInstance, startBenchServer, type BenchServer } from "./support";

const { values } = parseArgs({
  options: {
    users: { type: "string", default: "100000" },
    posts: { type: "string", default: "4000" },
    requests: { type: "string", default: "300" },
    server: { type: "string", default: "rollcall" },
  },
});
if (values.server !== "rollcall" && values.server !== "next-start") throw new Error("--server is rollcall or next-start");
const serverKind: BenchServer = values.server;
const users = Number(values.users);
const posts = Number(values.posts);
const requests = Number(values.requests);
const CLIENTS = 4;
const root = path.resolve(import.meta.dirname, "..");
const dataDir = path.join(root, ".data/bench-scim");

const { database, port } = await startBenchInstance(dataDir, { ROLLCALL_BUILD_DIR: process.env.ROLLCALL_BUILD_DIR || ".next-scim" });
let server: ChildProcess | undefined;

try {
  await applyMigrations(database.connectionString);
  const token = await seed();
  server = await startBenchServer(root, port, serverKind);
  // node:http with kept-alive connections, as identity providers' clients are: the client shares
  // the two cores with the server, and fetch's own overhead would be measured as the server's.
  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
  const send = (method: string, pathAndQuery: string, body?: unknown) =>
    new Promise<string>((resolve, reject) => {
      const payload = body ? JSON.stringify(body) : undefined;
      const headers: Record<string, string> = { authorization: `Bearer ${token}` };
      if (payload) Object.assign(headers, { "content-type": "application/scim+json", "content-length": String(Buffer.byteLength(payload)) });
      const outgoing = request({ host: "127.0.0.1", port, path: `/scim/v2${pathAndQuery}`, method, headers, agent }, (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
        incoming.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          const status = incoming.statusCode ?? 0;
          if (status >= 200 && status < 300) resolve(text);
          else reject(new Error(`${method} ${pathAndQuery}: HTTP ${status} ${text}`));
        });
      });
      outgoing.on("error", reject);
      outgoing.end(payload);
    });
  const newUser = (userName: string) => ({
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:User", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
    externalId: randomUUID(),
    userName,
    active: true,
    displayName: "Bench Person",
    emails: [{ primary: true, type: "work", value: userName }],
    name: { formatted: "Bench Person", familyName: "Person", givenName: "Bench" },
    "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": { employeeNumber: "42", department: "Math" },
  });

  for (let warm = 0; warm < 40; warm++) await send("POST", "/Users", newUser(`warm-${warm}@bench.example`));
  // The host's load when the measurements start and end: other work on the same cores moves every figure.
  const loadAtStart = loadavg()[0]!;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      for (let index = client; index < posts; index += CLIENTS) await send("POST", "/Users", newUser(`new-${index}@bench.example`));
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const throughput = `POST /Users from ${CLIENTS} concurrent clients: ${posts.toLocaleString("en-US")} users in ${seconds.toFixed(1)} s = ${Math.round(posts / seconds)} users/s`;

  const timed = async (label: string, pathFor: (index: number) => string) => {
    for (let warm = 0; warm < 10; warm++) await send("GET", pathFor(warm + requests));
    const samples: number[] = [];
    for (let index = 0; index < requests; index++) {
      const start = performance.now();
      await send("GET", pathFor(index));
      samples.push(performance.now() - start);
    }
    return `${label}: p50 ${percentile(samples, 50).toFixed(1)} ms, p99 ${percentile(samples, 99).toFixed(1)} ms (${requests} requests)`;
  };
  const spread = (index: number) => 1 + ((index * 7_919) % users);
  // The floor every request stands on: HTTP, the token's check and the log row.
  const floor = await timed("GET /ServiceProviderConfig (token check and log row only)", () => "/ServiceProviderConfig");
  const lookup = await timed('filter=userName eq "…"', (index) => `/Users?filter=${encodeURIComponent(`userName eq "user${spread(index)}@bench.example"`)}`);
  const page = await timed("a page of 100 users at a random startIndex", (index) => `/Users?startIndex=${1 + (spread(index) % (users - 100))}&count=100`);
  const inOrder = await timed("a page of 100 users, paging in order (startIndex=1, 101, 201, …)", (index) => `/Users?startIndex=${1 + ((index * 100) % 50_000)}&count=100`);

  const load = `load average ${loadAtStart.toFixed(1)} at the start, ${loadavg().map((one) => one.toFixed(1)).join(" ")} at the end`;
  const served = serverKind === "rollcall" ? "the production web server" : "next start";
  console.log(`SCIM service, district of ${users.toLocaleString("en-US")} SCIM users, ${served} on the embedded PostgreSQL, ${load}`);
  console.log(floor);
  console.log(throughput);
  console.log(lookup);
  console.log(page);
  console.log(inOrder);
  agent.destroy();
} finally {
  server?.kill("SIGTERM");
  await database.stop();
}

/** The district, a Secret Token, and its people written straight into the tables, 100,000 at a time. */
async function seed(): Promise<string> {
  const { db } = await import("../lib/db");
  const { createScimToken } = await import("../lib/scim/tokens");
  const district = await db().district.create({ data: { districtGuid: randomUUID(), name: "Benchmark District", state: "IL" } });
  const application = await db().application.create({
    data: {
      name: "Benchmark App",
      publishedAt: new Date(),
      vendor: { create: { name: "Benchmark Vendor" } },
      provisioning: { create: { autoProvisioning: true, autoApprove: true, webhookUrl: "https://hooks.bench.example/rollcall" } },
    },
  });
  await db().activation.create({ data: { districtId: district.id, applicationId: application.id, mode: "standard", origin: "district", autoProvisioned: true } });
  const started = performance.now();
  for (let first = 1; first <= users; first += 100_000) {
    const last = Math.min(users, first + 99_999);
    await db().$executeRaw`
      WITH people AS MATERIALIZED (
        SELECT n, gen_random_uuid() AS id, gen_random_uuid() AS "rosterId", 'user' || n || '@bench.example' AS "userName" FROM generate_series(${first}::int, ${last}::int) AS n
      ), roster AS (
        INSERT INTO "RosterUser" (id, "districtId", "sourcedId", username, "givenName", "familyName", role, email, "agentSourcedIds", "orgSourcedIds", grades)
        SELECT "rosterId", ${district.id}::uuid, id::text, "userName", 'Given' || n, 'Family' || n, 'student', "userName", '{}', '{}', '{}' FROM people
      )
      INSERT INTO "ScimUser" (id, "districtId", "rosterUserId", "userName", "userNameKey", "externalId", active, attributes, "updatedAt")
      SELECT id, ${district.id}::uuid, "rosterId", "userName", "userName", 'ext-' || n, TRUE,
        jsonb_build_object('userName', "userName", 'externalId', 'ext-' || n, 'active', TRUE, 'displayName', 'Given' || n || ' Family' || n,
          'name', jsonb_build_object('givenName', 'Given' || n, 'familyName', 'Family' || n),
          'emails', jsonb_build_array(jsonb_build_object('value', "userName", 'type', 'work', 'primary', TRUE))),
        now() AT TIME ZONE 'UTC'
      FROM people`;
  }
  // As autovacuum would have by the time a district this size is synced: statistics and the visibility map.
  await db().$executeRawUnsafe(`VACUUM ANALYZE "RosterUser"`);
  await db().$executeRawUnsafe(`VACUUM ANALYZE "ScimUser"`);
  console.log(`seeded ${users.toLocaleString("en-US")} SCIM users in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const { token } = await createScimToken({ id: randomUUID(), districtId: district.id }, "Benchmark");
  await db().$disconnect();
  return token;
}
