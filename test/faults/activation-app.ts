// Stands in for the web app while its database restarts: district admins activate one
// application, ten requests at a time as on a busy server, through lib/db like the
// server's actions. A request that fails is tried again with the same idempotency key, as
// a browser retrying it would. Prints one JSON line per try; exits once all are activated.
//   node --import tsx test/faults/activation-app.ts '{"applicationId":…,"admins":[{"id":…,"districtId":…}]}'
import { randomUUID } from "node:crypto";
import { activateApplication, type DistrictActor } from "@/lib/activations/activate";
import { db } from "@/lib/db";

export type ActivationAppInput = { applicationId: string; admins: DistrictActor[] };
export type ActivationAppLine =
  | { event: "failed"; districtId: string; error: string }
  | { event: "committed"; districtId: string; outcome: string; webhookSent: boolean; tries: number };

const REQUESTS_AT_ONCE = 10;
const PAUSE_MS = 50;
const GIVE_UP_AFTER_MS = 60_000;

const { applicationId, admins } = JSON.parse(process.argv[2] ?? "") as ActivationAppInput;
const print = (line: ActivationAppLine) => console.log(JSON.stringify(line));
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const deadline = Date.now() + GIVE_UP_AFTER_MS;

async function activateUntilCommitted(admin: DistrictActor): Promise<void> {
  const request = { applicationId, mode: "standard" as const, idempotencyKey: randomUUID() };
  for (let tries = 1; ; tries++) {
    try {
      const { outcome, webhookSent } = await activateApplication(admin, request);
      return print({ event: "committed", districtId: admin.districtId, outcome, webhookSent, tries });
    } catch (error) {
      print({ event: "failed", districtId: admin.districtId, error: error instanceof Error ? error.message : String(error) });
      if (Date.now() > deadline) process.exit(1);
      await pause(100);
    }
  }
}

const queue = [...admins];
async function serve(): Promise<void> {
  for (let admin = queue.shift(); admin; admin = queue.shift()) {
    await activateUntilCommitted(admin);
    await pause(PAUSE_MS);
  }
}

await Promise.all(Array.from({ length: REQUESTS_AT_ONCE }, serve));
await db().$disconnect();
