// Pages benchmark: time to first byte of the Provisioning tab, the district Gallery and the
// Deliveries page under `next start` on the demo data (signed in through next-auth's
// credentials flow), and the first-load JavaScript of every route from the build's manifests.
//   npm run bench:pages [-- --requests 200 --deliveries 2000]
// Builds into ROLLCALL_BUILD_DIR (default .next-bench) so that it never touches the .next of a
// running server. The data folder (.data/bench-pages) is wiped first; the figures are the last lines.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { startEmbeddedPostgres } from "../lib/database/embedded-postgres";
import { applyMigrations } from "../lib/database/migrations";
import { build, buildDir, isBuildCurrent } from "../scripts/start/build";
import { FIRST_LOAD_TARGET_BYTES, firstLoadJs, firstLoadJsOfHtml, formatKb } from "./first-load-js";
import { findFreePort, percentile, waitForHttp } from "./support";

const { values } = parseArgs({ options: { requests: { type: "string", default: "200" }, deliveries: { type: "string", default: "2000" } } });
const requests = Number(values.requests);
const extraDeliveries = Number(values.deliveries);
const VENDOR_ADMIN = "admin@acme-learning.example";
const DISTRICT_ADMIN = "admin@springfield.example";

const root = path.resolve(import.meta.dirname, "..");
const dataDir = path.join(root, ".data/bench-pages");
process.env.ROLLCALL_BUILD_DIR ||= ".next-bench";
rmSync(dataDir, { recursive: true, force: true });
const database = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "postgres") });
const port = await findFreePort();
const base = `http://127.0.0.1:${port}`;
Object.assign(process.env, {
  DATABASE_URL: database.connectionString,
  ROLLCALL_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
  NEXTAUTH_URL: base,
  NEXT_TELEMETRY_DISABLED: "1",
});
let server: ChildProcess | undefined;

try {
  await applyMigrations(database.connectionString);
  const { db } = await import("../lib/db");
  const { DEMO_PASSWORD, loadDemoDataIfEmpty } = await import("../prisma/seed/demo-data");
  await loadDemoDataIfEmpty(db());
  const applicationId = await seedDeliveries(extraDeliveries);
  await db().$disconnect();

  if (!isBuildCurrent(root)) await buildKeepingTsconfig();
  server = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    stdio: "ignore",
    env: process.env,
  });
  await waitForHttp(`${base}/sign-in`);

  const vendorCookie = await signIn(VENDOR_ADMIN, DEMO_PASSWORD);
  const districtCookie = await signIn(DISTRICT_ADMIN, DEMO_PASSWORD);
  const pages = [
    { label: "Provisioning tab", path: `/apps/${applicationId}/provisioning`, cookie: vendorCookie },
    { label: "Gallery", path: "/district/gallery", cookie: districtCookie },
    { label: "Deliveries", path: `/apps/${applicationId}/deliveries`, cookie: vendorCookie },
  ];
  const lines: string[] = [];
  for (const page of pages) lines.push(await timePage(page.label, page.path, page.cookie));

  const routes = firstLoadJs(path.join(root, buildDir()));
  // A cross-check of the manifests: what the served HTML of the timed pages makes a browser load.
  const served: string[] = [];
  for (const page of pages) {
    const html = await (await fetch(`${base}${page.path}`, { headers: { cookie: page.cookie } })).text();
    const { gzipBytes, chunks } = firstLoadJsOfHtml(path.join(root, buildDir()), html);
    served.push(`${page.label} ${formatKb(gzipBytes)} (${chunks.length} chunks)`);
  }
  const over = routes.filter((route) => route.gzipBytes >= FIRST_LOAD_TARGET_BYTES);
  const [load1, load5] = os.loadavg();
  console.log("");
  console.log(`First-load JS per route (gzip, the JS a browser downloads on a first visit; raw size in brackets), target < ${formatKb(FIRST_LOAD_TARGET_BYTES)}:`);
  for (const route of routes) {
    const flag = route.gzipBytes >= FIRST_LOAD_TARGET_BYTES ? "  OVER TARGET" : "";
    console.log(`  ${route.route.padEnd(48)} ${formatKb(route.gzipBytes).padStart(9)} (${formatKb(route.rawBytes)})${flag}`);
  }
  console.log(`  as served (chunks referenced by the HTML): ${served.join("; ")}`);
  console.log("");
  console.log(`Pages: next start on the demo data (+${extraDeliveries.toLocaleString("en-US")} deliveries), ${requests} sequential requests each after 10 warm-ups; ${os.cpus().length} cores, load average ${load1!.toFixed(2)} (5 min ${load5!.toFixed(2)})`);
  for (const line of lines) console.log(line);
  const largest = routes.reduce((max, route) => (route.gzipBytes > max.gzipBytes ? route : max));
  console.log(
    `first-load JS: ${routes.length} routes, largest ${largest.route} ${formatKb(largest.gzipBytes)} gzip; ` +
      (over.length ? `${over.length} over ${formatKb(FIRST_LOAD_TARGET_BYTES)}: ${over.map((route) => route.route).join(", ")}` : `all under ${formatKb(FIRST_LOAD_TARGET_BYTES)}`),
  );
} finally {
  server?.kill("SIGTERM");
  await database.stop();
}

/** Adds `count` messages to the deliveries log of Acme Science Quest, half of them delivered; returns its id. */
async function seedDeliveries(count: number): Promise<string> {
  const { db } = await import("../lib/db");
  const { enqueueWebhook } = await import("../lib/webhooks/messages");
  const application = await db().application.findFirstOrThrow({ where: { name: "Acme Science Quest" }, select: { id: true } });
  const districts = await db().district.findMany({ where: { sandbox: false }, select: { districtGuid: true, name: true, state: true } });
  for (let done = 0; done < count; done += 500) {
    await db().$transaction(
      async (tx) => {
        for (let index = done; index < Math.min(count, done + 500); index++) {
          const district = districts[index % districts.length]!;
          const event = { type: "application.activated" as const, mode: "standard" as const, applicationId: application.id, occurredAt: new Date(), district: { guid: district.districtGuid, ...district } };
          await enqueueWebhook(tx, event);
        }
      },
      { timeout: 120_000 },
    );
  }
  await db().$executeRaw`
    UPDATE "WebhookMessage" SET status = 'delivered', "attemptCount" = 1, "lastStatusCode" = 200, "lastLatencyMs" = 12, "completedAt" = "createdAt"
    WHERE "applicationId" = ${application.id}::uuid AND status = 'pending' AND random() < 0.5`;
  return application.id;
}

/** `next build` rewrites tsconfig.json to include its build folder's types; a benchmark build leaves it as it was. */
async function buildKeepingTsconfig(): Promise<void> {
  const tsconfig = path.join(root, "tsconfig.json");
  const before = readFileSync(tsconfig, "utf8");
  try {
    await build(root, () => undefined);
  } finally {
    if (readFileSync(tsconfig, "utf8") !== before) writeFileSync(tsconfig, before);
  }
}

/** next-auth's credentials flow as the sign-in form runs it: the CSRF token, then the callback; returns the cookie header. */
async function signIn(email: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = cookiesOf(csrf);
  const callback = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const session = cookiesOf(callback)
    .split("; ")
    .find((cookie) => cookie.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`Signing in as ${email} failed (HTTP ${callback.status})`);
  return session;
}

function cookiesOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
}

async function timePage(label: string, pagePath: string, cookie: string): Promise<string> {
  const get = async () => {
    const started = performance.now();
    const response = await fetch(`${base}${pagePath}`, { headers: { cookie }, redirect: "manual" });
    const firstByte = performance.now() - started;
    if (response.status !== 200) throw new Error(`${pagePath}: HTTP ${response.status}`);
    await response.arrayBuffer();
    return { firstByte, complete: performance.now() - started };
  };
  for (let warm = 0; warm < 10; warm++) await get();
  const firstBytes: number[] = [];
  const completes: number[] = [];
  for (let index = 0; index < requests; index++) {
    const { firstByte, complete } = await get();
    firstBytes.push(firstByte);
    completes.push(complete);
  }
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  return `${label} (${pagePath.replace(/[0-9a-f-]{36}/, "<id>")}): TTFB p50 ${ms(percentile(firstBytes, 50))}, p99 ${ms(percentile(firstBytes, 99))}; whole page p50 ${ms(percentile(completes, 50))}, p99 ${ms(percentile(completes, 99))}`;
}
