// The queue end to end: messages committed to PostgreSQL reach a receiver on 127.0.0.1
// through graphile-worker, also when the worker process is killed mid-dispatch.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createVendorWithApplication } from "@/test/factories";
import { ScriptedReceiver } from "@/test/scripted-receiver";
import { enqueueWebhook } from "@/lib/webhooks/messages";
import { SANDBOX_DISTRICT } from "@/lib/webhooks/payload";
import { startWebhookWorker } from "@/lib/webhooks/worker";

let receiver: ScriptedReceiver;
let applicationId: string;

beforeEach(async () => {
  receiver = await new ScriptedReceiver().start();
  applicationId = (await createVendorWithApplication(undefined, { webhookUrl: receiver.url })).application.id;
});

afterEach(() => receiver.stop());

async function enqueueMany(count: number): Promise<string[]> {
  return db().$transaction(async (tx) => {
    const ids: string[] = [];
    for (let index = 0; index < count; index++) {
      const { messageId } = await enqueueWebhook(tx, {
        type: "application.activated",
        mode: "standard",
        applicationId,
        district: SANDBOX_DISTRICT,
        occurredAt: new Date(),
      });
      ids.push(messageId);
    }
    return ids;
  });
}

async function waitFor(condition: () => Promise<boolean> | boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const deliveredCount = () => db().webhookMessage.count({ where: { applicationId, status: "delivered" } });

describe("webhook worker", () => {
  it("delivers committed messages through the queue", async () => {
    const worker = await startWebhookWorker({ connectionString: process.env.DATABASE_URL!, concurrency: 4 });
    try {
      const ids = await enqueueMany(5);
      await waitFor(async () => (await deliveredCount()) === 5, 15_000, "5 deliveries");
      expect(new Set(receiver.received.map((request) => request.headers["webhook-id"]))).toEqual(new Set(ids));
    } finally {
      await worker.stop();
    }
  });

  it("retries through the queue: a 500, then the 200 about 5 s later, with the same webhook-id", { timeout: 30_000 }, async () => {
    receiver.answer([{ status: 500 }]);
    const worker = await startWebhookWorker({ connectionString: process.env.DATABASE_URL!, concurrency: 2 });
    try {
      const [id] = await enqueueMany(1);
      await waitFor(async () => (await deliveredCount()) === 1, 15_000, "the retried delivery");
      const [first, second] = receiver.received;
      expect([first!.headers["webhook-id"], second!.headers["webhook-id"]]).toEqual([id, id]);
      expect(second!.at - first!.at).toBeGreaterThanOrEqual(4_400);
      expect(await db().webhookAttempt.count({ where: { messageId: id } })).toBe(2);
    } finally {
      await worker.stop();
    }
  });

  it("loses nothing when the worker process is killed with SIGKILL mid-dispatch and started again", { timeout: 60_000 }, async () => {
    receiver.answer([], { status: 200, body: "ok", delayMs: 300 });
    const ids = await enqueueMany(30);

    let worker = startWorkerProcess();
    try {
      await waitFor(() => receiver.received.length >= 3, 20_000, "the first deliveries");
      worker.kill("SIGKILL");
      await new Promise((resolve) => worker.once("exit", resolve));
      expect(await deliveredCount()).toBeLessThan(30);

      worker = startWorkerProcess();
      await waitFor(async () => (await deliveredCount()) === 30, 40_000, "all 30 deliveries after the restart");
      const arrived = new Set(receiver.received.map((request) => request.headers["webhook-id"]));
      for (const id of ids) expect(arrived).toContain(id);
    } finally {
      worker.kill("SIGTERM");
    }
  });
});

function startWorkerProcess(): ChildProcess {
  const root = path.resolve(import.meta.dirname, "../..");
  return spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts/worker.ts")], {
    cwd: root,
    env: { ...process.env, ROLLCALL_WORKER_LEASE_SECONDS: "2", ROLLCALL_WORKER_CONCURRENCY: "5" },
    stdio: ["ignore", "ignore", "inherit"],
  });
}
