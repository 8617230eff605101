// Who is acting in the current request or job, so that domain code can record audit events
// without every function taking the actor as a parameter. The authorising wrappers of server
// actions and the token-authenticated API routes set it; anything outside them (commands,
// background jobs) acts as Rollcall itself.
import { AsyncLocalStorage } from "node:async_hooks";
import type { AuditActor } from "@/lib/audit/record";

export type AuditContext = { actor: AuditActor; ip: string | null };

const storage = new AsyncLocalStorage<AuditContext>();

export function withAuditContext<T>(context: AuditContext, run: () => Promise<T>): Promise<T> {
  return storage.run(context, run);
}

/** The acting user and their address, or null outside any request (then Rollcall itself acts). */
export function currentAuditContext(): AuditContext | null {
  return storage.getStore() ?? null;
}
