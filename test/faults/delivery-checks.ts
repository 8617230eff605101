// What every fault case ends with: each committed message reached the receiver (counted
// by distinct webhook-id, as a receiver that dedupes would count them) and none is left
// waiting. Also the check that the deliveries log recorded each attempt as it happened.
import { expect } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import type { ScriptedAnswer, ScriptedReceiver } from "@/test/scripted-receiver";

const SETTLE_TIMEOUT_MS = 45_000;

export async function waitFor(
  what: string,
  condition: () => boolean | Promise<boolean>,
  { timeoutMs = 30_000, diagnostics = () => "" }: { timeoutMs?: number; diagnostics?: () => string } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Gave up after ${timeoutMs / 1000} s waiting for ${what}\n${diagnostics()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Messages committed = messages delivered (distinct ids), and no message stuck in pending or retrying. */
export async function expectEveryMessageDelivered(
  client: PrismaClient,
  applicationId: string,
  receiver: ScriptedReceiver,
  { diagnostics }: { diagnostics?: () => string } = {},
): Promise<void> {
  const unsettled = () => client.webhookMessage.count({ where: { applicationId, status: { in: ["pending", "retrying"] } } });
  await waitFor("every message to be delivered or given up", async () => (await unsettled()) === 0, { timeoutMs: SETTLE_TIMEOUT_MS, diagnostics });

  const messages = await client.webhookMessage.findMany({ where: { applicationId }, select: { id: true, status: true } });
  expect(messages.length).toBeGreaterThan(0);
  expect(messages.filter((message) => message.status !== "delivered")).toEqual([]);
  expect([...receiver.acceptedIds()].sort()).toEqual(messages.map((message) => message.id).sort());
}

type RecordedAttempt = { succeeded: boolean; errorKind: string | null; responseStatus: number | null };

/** What the deliveries log must say about an exchange the receiver scripted. */
export function expectedAttempt(answer: ScriptedAnswer, timeoutMs: number): RecordedAttempt {
  if (answer === "hang") return { succeeded: false, errorKind: "timeout", responseStatus: null };
  if (answer === "close") return { succeeded: false, errorKind: "reset", responseStatus: null };
  if ((answer.delayMs ?? 0) > timeoutMs) return { succeeded: false, errorKind: "timeout", responseStatus: null };
  const succeeded = answer.status >= 200 && answer.status < 300;
  return { succeeded, errorKind: succeeded ? null : "status", responseStatus: answer.status };
}

/** Each message's attempts, numbered 1, 2, 3… in time order, are the exchanges the receiver had for its webhook-id. */
export async function expectAttemptsAsReceived(client: PrismaClient, applicationId: string, receiver: ScriptedReceiver, timeoutMs: number) {
  const attempts = await client.webhookAttempt.findMany({
    where: { message: { applicationId } },
    orderBy: [{ messageId: "asc" }, { number: "asc" }],
    select: { messageId: true, number: true, startedAt: true, succeeded: true, errorKind: true, responseStatus: true },
  });
  const recorded = groupBy(attempts, (attempt) => attempt.messageId, ({ succeeded, errorKind, responseStatus }) => ({ succeeded, errorKind, responseStatus }));
  const received = groupBy(receiver.received, (request) => String(request.headers["webhook-id"]), (request) => expectedAttempt(request.answer, timeoutMs));
  expect(recorded).toEqual(received);

  for (const messageId of Object.keys(recorded)) {
    const ofMessage = attempts.filter((attempt) => attempt.messageId === messageId);
    const startTimes = ofMessage.map((attempt) => attempt.startedAt.getTime());
    expect(ofMessage.map((attempt) => attempt.number)).toEqual(ofMessage.map((_, index) => index + 1));
    expect(startTimes).toEqual([...startTimes].sort((earlier, later) => earlier - later));
  }
}

function groupBy<T, V>(items: readonly T[], key: (item: T) => string, value: (item: T) => V): Record<string, V[]> {
  const groups: Record<string, V[]> = {};
  for (const item of items) (groups[key(item)] ??= []).push(value(item));
  return groups;
}
