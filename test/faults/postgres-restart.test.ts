// PostgreSQL restarts in the middle of a burst of activations. The app (activations through
// lib/db, in a process of its own) and the worker process carry on by themselves once it
// is back: nothing committed is lost, and nothing is activated or announced twice.
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { PrismaClient } from "@/generated/prisma/client";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "@/lib/database/embedded-postgres";
import { applyMigrations } from "@/lib/database/migrations";
import { ScriptedReceiver } from "@/test/scripted-receiver";
import type { ActivationAppInput, ActivationAppLine } from "@/test/faults/activation-app";
import { expectEveryMessageDelivered, waitFor } from "@/test/faults/delivery-checks";
import { outputOf, startProcess, startWorkerProcess, stopAllProcesses, WORKER_CONCURRENCY } from "@/test/faults/processes";

const DISTRICTS = 100;

// A PostgreSQL of this file's own, which it can stop and start again on the same port and data.
const scratch = mkdtempSync(path.join(tmpdir(), "rollcall-restart-"));
const dataDir = path.join(scratch, "postgres");
let database: EmbeddedDatabase;
let observer: PrismaClient;
const receiver = new ScriptedReceiver();

beforeAll(async () => {
  await receiver.start();
  database = await startEmbeddedPostgres({ dataDir });
  await applyMigrations(database.connectionString);
  observer = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.connectionString }) });
});

afterAll(async () => {
  await stopAllProcesses();
  await receiver.stop();
  await observer?.$disconnect();
  await database?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

async function publishedApplicationAndDistricts(webhookUrl: string): Promise<ActivationAppInput> {
  const vendor = await observer.vendor.create({
    data: {
      name: "Restart Learning",
      autoProvisioningAvailable: true,
      applications: {
        create: { name: "Restart Reader", publishedAt: new Date(), provisioning: { create: { webhookUrl, autoProvisioning: true, autoApprove: true } } },
      },
    },
    include: { applications: true },
  });
  const districts = Array.from({ length: DISTRICTS }, (_, index) => ({ id: randomUUID(), name: `District ${index + 1}`, state: "IL", districtGuid: randomUUID() }));
  await observer.district.createMany({ data: districts });
  const admins = districts.map((district) => ({ id: randomUUID(), districtId: district.id }));
  await observer.user.createMany({
    data: admins.map(({ id, districtId }) => ({ id, districtId, email: `${id}@district.test`, name: "District Admin", passwordHash: "!", role: "DISTRICT_ADMIN" as const })),
  });
  return { applicationId: vendor.applications[0]!.id, admins };
}

it("loses nothing when PostgreSQL restarts during a burst: the app and the worker reconnect by themselves", { timeout: 120_000 }, async () => {
  receiver.answer([], { status: 200, body: "ok", delayMs: 50 });
  const input = await publishedApplicationAndDistricts(receiver.url);
  const env = { DATABASE_URL: database.connectionString };
  const worker = await startWorkerProcess(env);
  const app = startProcess("app", "test/faults/activation-app.ts", [JSON.stringify(input)], env);
  const lines: ActivationAppLine[] = [];
  app.onLine((line) => lines.push(JSON.parse(line) as ActivationAppLine));
  const count = (event: ActivationAppLine["event"]) => lines.filter((line) => line.event === event).length;
  const diagnostics = () => outputOf(app, worker);

  await waitFor("the first activations and their webhooks", () => count("committed") >= 10 && receiver.received.length >= 5, { diagnostics });
  // Every worker is waiting on an answer when the database goes; the answers arrive once it
  // is gone, so no attempt can be recorded and no job marked done or failed.
  receiver.hold();
  await waitFor("an attempt in flight on every worker", () => receiver.openRequests === WORKER_CONCURRENCY, { diagnostics });
  const port = Number(new URL(database.connectionString).port);
  await database.stop();
  receiver.release();
  // graphile-worker retires each worker that cannot release its job ("Failed to release job").
  const released = () => worker.linesContaining("Failed to release job") === WORKER_CONCURRENCY;
  await waitFor("every worker to fail on the stopped database", () => released() && count("failed") >= 2, { diagnostics });
  expect(count("committed")).toBeLessThan(DISTRICTS);
  database = await startEmbeddedPostgres({ dataDir, port });
  const restartedAt = Date.now();

  expect(await app.exited, diagnostics()).toBe(0);
  await expectEveryMessageDelivered(observer, input.applicationId, receiver, { diagnostics });
  const committed = lines.filter((line) => line.event === "committed");
  expect(committed.map((line) => line.districtId).sort()).toEqual(input.admins.map((admin) => admin.districtId).sort());
  expect(committed.every((line) => line.outcome === "activated" && line.webhookSent)).toBe(true);
  expect(await observer.activation.count({ where: { applicationId: input.applicationId } })).toBe(DISTRICTS);
  expect(await observer.webhookMessage.count({ where: { applicationId: input.applicationId } })).toBe(DISTRICTS);
  // The same worker process went on delivering after the restart.
  expect(receiver.received.some((request) => request.at > restartedAt)).toBe(true);
  expect(worker.child.exitCode).toBeNull();
});
