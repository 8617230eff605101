// A vendor's receiver fails in the ways real endpoints fail, then recovers: a worker
// process delivers every message anyway, and the deliveries log records each attempt as
// the receiver saw it.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createVendorWithApplication } from "@/test/factories";
import { ScriptedReceiver, type ScriptedAnswer } from "@/test/scripted-receiver";
import { expectAttemptsAsReceived, expectEveryMessageDelivered } from "@/test/faults/delivery-checks";
import { commitMessages } from "@/test/faults/messages";
import { ATTEMPT_TIMEOUT_MS, outputOf, startWorkerProcess, stopAllProcesses, type RunningProcess } from "@/test/faults/processes";

const BURST = 10;
const times = (count: number, answer: ScriptedAnswer): ScriptedAnswer[] => Array.from({ length: count }, () => answer);
const slowPastTheTimeout: ScriptedAnswer = { status: 200, body: "ok", delayMs: ATTEMPT_TIMEOUT_MS * 2 };
const slowInTime: ScriptedAnswer = { status: 200, body: "ok", delayMs: ATTEMPT_TIMEOUT_MS / 4 };

let worker: RunningProcess;
let receiver: ScriptedReceiver;

beforeAll(async () => {
  worker = await startWorkerProcess();
});
afterEach(() => receiver?.stop());
afterAll(() => stopAllProcesses());

async function applicationBehind(script: ScriptedAnswer[]): Promise<string> {
  receiver = await new ScriptedReceiver().start();
  receiver.answer(script);
  const { application } = await createVendorWithApplication(undefined, { webhookUrl: receiver.url });
  return application.id;
}

describe("a receiver that fails for a while, then recovers", () => {
  it.each([
    ["answers 500", times(6, { status: 500, body: "receiver error" })],
    ["hangs past the attempt timeout", times(3, "hang")],
    ["closes the connection without answering", times(6, "close")],
    ["answers slowly", [...times(3, slowPastTheTimeout), ...times(3, slowInTime)]],
  ])("gets every message of a burst when it %s, and each attempt is logged as it happened", { timeout: 60_000 }, async (_, script) => {
    const applicationId = await applicationBehind(script);
    await commitMessages(applicationId, BURST);

    await expectEveryMessageDelivered(db(), applicationId, receiver, { diagnostics: () => outputOf(worker) });
    expect(receiver.received.length).toBeGreaterThan(script.length);
    await expectAttemptsAsReceived(db(), applicationId, receiver, ATTEMPT_TIMEOUT_MS);
  });

  it("logs one message's attempts in order through every fault in turn", { timeout: 60_000 }, async () => {
    const applicationId = await applicationBehind([{ status: 500, body: "receiver error" }, "hang", "close", slowPastTheTimeout]);
    const [messageId] = await commitMessages(applicationId, 1);

    await expectEveryMessageDelivered(db(), applicationId, receiver, { diagnostics: () => outputOf(worker) });
    const attempts = await db().webhookAttempt.findMany({ where: { messageId }, orderBy: { number: "asc" } });
    expect(attempts.map(({ number, errorKind, responseStatus, succeeded }) => ({ number, errorKind, responseStatus, succeeded }))).toEqual([
      { number: 1, errorKind: "status", responseStatus: 500, succeeded: false },
      { number: 2, errorKind: "timeout", responseStatus: null, succeeded: false },
      { number: 3, errorKind: "reset", responseStatus: null, succeeded: false },
      { number: 4, errorKind: "timeout", responseStatus: null, succeeded: false },
      { number: 5, errorKind: null, responseStatus: 200, succeeded: true },
    ]);
    expect(receiver.received.map((request) => request.headers["webhook-id"])).toEqual(Array.from({ length: 5 }, () => messageId));
    expect(await db().webhookMessage.findUniqueOrThrow({ where: { id: messageId } })).toMatchObject({ status: "delivered", attemptCount: 5 });
  });
});
