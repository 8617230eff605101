// Scale-out: two worker processes (`npm run worker`) on one database share the queue. Every
// committed message reaches the receiver exactly once, none is left behind, and both
// processes take part.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { db } from "@/lib/db";
import { enqueueWebhook } from "@/lib/webhooks/messages";
import { SANDBOX_DISTRICT } from "@/lib/webhooks/payload";
import { createVendorWithApplication } from "@/test/factories";
import { ScriptedReceiver } from "@/test/scripted-receiver";

const MESSAGES = 300;
const WORKERS = ["rollcall-worker-a", "rollcall-worker-b"];

let receiver: ScriptedReceiver;
let applicationId: string;
const workers: ChildProcess[] = [];

beforeEach(async () => {
  // Each process connects under its own application_name; this column records, for every
  // attempt, the process whose connection wrote it.
  await db().$executeRaw`ALTER TABLE "WebhookAttempt" ADD COLUMN "recordedBy" text DEFAULT current_setting('application_name')`;
  receiver = await new ScriptedReceiver().start();
  // A short pause per answer keeps each attempt in flight long enough for the other process to take the next job.
  receiver.answer([], { status: 200, body: "ok", delayMs: 20 });
  applicationId = (await createVendorWithApplication(undefined, { webhookUrl: receiver.url })).application.id;
});

afterEach(async () => {
  await Promise.all(workers.splice(0).map(stopProcess));
  await receiver.stop();
});

it("two worker processes deliver every committed message exactly once, and both do part of the work", { timeout: 120_000 }, async () => {
  workers.push(...WORKERS.map(startWorkerProcess));
  await Promise.all(workers.map((worker) => waitForOutput(worker, "Webhook worker ready", 30_000)));

  const committed: string[] = [];
  for (let batch = 0; batch < MESSAGES / 50; batch++) committed.push(...(await commitMessages(50)));

  const settled = () => db().webhookMessage.count({ where: { applicationId, status: { in: ["delivered", "failed"] } } });
  await waitFor(async () => (await settled()) === MESSAGES, 90_000, `${MESSAGES} settled messages`);
  await waitFor(async () => (await queuedDeliveries()) === 0, 30_000, "an empty queue");

  const arrivals = new Map<string, number>();
  for (const request of receiver.received) {
    const id = String(request.headers["webhook-id"]);
    arrivals.set(id, (arrivals.get(id) ?? 0) + 1);
  }
  expect([...arrivals].filter(([, count]) => count > 1)).toEqual([]);
  expect(new Set(arrivals.keys())).toEqual(new Set(committed));

  const byStatus = await db().webhookMessage.groupBy({ by: ["status"], where: { applicationId }, _count: true });
  expect(byStatus.map((group) => [group.status, group._count])).toEqual([["delivered", MESSAGES]]);

  const attempts = await db().$queryRaw<{ recordedBy: string; attempts: number }[]>`
    SELECT "recordedBy", count(*)::int AS attempts FROM "WebhookAttempt" GROUP BY "recordedBy" ORDER BY "recordedBy"`;
  expect(attempts.map((row) => row.recordedBy)).toEqual(WORKERS);
  expect(attempts.every((row) => row.attempts > 0)).toBe(true);
  expect(attempts.reduce((sum, row) => sum + row.attempts, 0)).toBe(MESSAGES);
});

async function commitMessages(count: number): Promise<string[]> {
  return db().$transaction(async (tx) => {
    const ids: string[] = [];
    for (let index = 0; index < count; index++) {
      const event = { type: "application.activated", mode: "standard", applicationId, district: SANDBOX_DISTRICT, occurredAt: new Date() } as const;
      ids.push((await enqueueWebhook(tx, event)).messageId);
    }
    return ids;
  });
}

async function queuedDeliveries(): Promise<number> {
  const [row] = await db().$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count FROM graphile_worker.jobs WHERE task_identifier = 'deliver-webhook'`;
  return row?.count ?? 0;
}

function startWorkerProcess(name: string): ChildProcess {
  const root = path.resolve(import.meta.dirname, "../..");
  const databaseUrl = new URL(process.env.DATABASE_URL!);
  databaseUrl.searchParams.set("application_name", name);
  return spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts/worker.ts")], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl.toString(), ROLLCALL_WORKER_CONCURRENCY: "4" },
    stdio: ["ignore", "pipe", "inherit"],
  });
}

function waitForOutput(child: ChildProcess, text: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`Timed out waiting for "${text}" from a worker process`)), timeoutMs);
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
      if (output.includes(text)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`A worker process exited (code ${code}) before "${text}"`));
    });
  });
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  child.kill("SIGTERM");
  const stopped = await Promise.race([exited.then(() => true), new Promise((resolve) => setTimeout(resolve, 10_000, false))]);
  if (!stopped) child.kill("SIGKILL");
}
