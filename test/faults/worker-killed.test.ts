// The worker process is killed with SIGKILL in the middle of a burst and started again:
// every message still reaches the receiver, at least once, and a receiver that dedupes by
// webhook-id ends up with exactly one of each.
import { afterAll, beforeAll, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createVendorWithApplication } from "@/test/factories";
import { ScriptedReceiver } from "@/test/scripted-receiver";
import { expectEveryMessageDelivered, waitFor } from "@/test/faults/delivery-checks";
import { commitMessages } from "@/test/faults/messages";
import { outputOf, startWorkerProcess, stopAllProcesses } from "@/test/faults/processes";

const BURST = 40;
const receiver = new ScriptedReceiver();

beforeAll(() => receiver.start());
afterAll(async () => {
  await stopAllProcesses();
  await receiver.stop();
});

it("delivers a burst at least once, each webhook-id once after dedupe, when the worker is killed mid-burst and restarted", { timeout: 90_000 }, async () => {
  receiver.answer([], { status: 200, body: "ok", delayMs: 200 });
  const { application } = await createVendorWithApplication(undefined, { webhookUrl: receiver.url });
  const messageIds = await commitMessages(application.id, BURST);

  const killed = await startWorkerProcess();
  await waitFor("a few deliveries, with more in flight", () => receiver.received.length >= 8 && receiver.openRequests >= 2, {
    diagnostics: () => outputOf(killed),
  });
  await killed.kill("SIGKILL");
  const sentBeforeTheKill = receiver.received.length;
  expect(await db().webhookMessage.count({ where: { applicationId: application.id, status: "delivered" } })).toBeLessThan(BURST);

  const restarted = await startWorkerProcess();
  await expectEveryMessageDelivered(db(), application.id, receiver, { diagnostics: () => outputOf(killed, restarted) });
  expect([...receiver.acceptedIds()].sort()).toEqual([...messageIds].sort());
  expect(receiver.received.length).toBeGreaterThan(sentBeforeTheKill);
  // The attempts the killed worker had in flight were never recorded: their jobs came back
  // after the lease and went out again, under the same webhook-id.
  expect(receiver.received.length).toBeGreaterThan(BURST);
  expect(restarted.child.exitCode).toBeNull();
});
