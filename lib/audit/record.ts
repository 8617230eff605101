// Appends to the audit log: who changed what, in which tenant, before → after, from where.
// The table is append-only (a database trigger refuses updates and deletes). Callers mask
// secrets before passing values in: nothing here knows which fields are secret.
import { headers } from "next/headers";
import { Prisma, type PrismaClient } from "@/generated/prisma/client";

export type AuditActor = { userId: string | null; email: string; role: string };

/** Rollcall itself, or a command run on the instance's machine: no signed-in user. */
export const SYSTEM_ACTOR: AuditActor = { userId: null, email: "system", role: "system" };

export type AuditEventInput = {
  actor: AuditActor;
  tenantType: "vendor" | "district" | "instance";
  tenantId: string | null;
  tenantName: string;
  action: string;
  summary: string;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
};

export async function recordAudit(client: Prisma.TransactionClient | PrismaClient, event: AuditEventInput): Promise<void> {
  await client.auditEvent.create({
    data: {
      actorUserId: event.actor.userId,
      actorEmail: event.actor.email,
      actorRole: event.actor.role,
      tenantType: event.tenantType,
      tenantId: event.tenantId,
      tenantName: event.tenantName,
      action: event.action,
      summary: event.summary,
      before: asJson(event.before),
      after: asJson(event.after),
      ip: event.ip ?? null,
    },
  });
}

// Dates become ISO strings and undefined fields drop out, as they would in any JSON.
function asJson(value: unknown): Prisma.InputJsonValue | typeof Prisma.DbNull {
  if (value === undefined || value === null) return Prisma.DbNull;
  const json: Prisma.InputJsonValue = JSON.parse(JSON.stringify(value));
  return json;
}

/** The client's address as the reverse proxy in front of Rollcall reports it; null outside a request. */
export async function requestIp(): Promise<string | null> {
  let requestHeaders: Headers;
  try {
    requestHeaders = await headers();
  } catch {
    // Called from a command or a job rather than a request: there is no client.
    return null;
  }
  const forwarded = requestHeaders.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || requestHeaders.get("x-real-ip")?.trim() || null;
}
