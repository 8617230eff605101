// Appends to the audit log: who changed what, in which tenant, before → after, from where.
// The table is append-only (a database trigger refuses updates and deletes). Callers mask
// secrets before passing values in (see mask.ts): nothing here knows which fields are secret.
// Write the event with the same transaction client as the change, so neither lands alone.
import { headers } from "next/headers";
import { currentAuditContext } from "@/lib/audit/context";
import { Prisma, type PrismaClient } from "@/generated/prisma/client";

export type AuditActor = { userId: string | null; email: string; role: string };

/** Rollcall itself, or a command run on the instance's machine: no signed-in user. */
export const SYSTEM_ACTOR: AuditActor = { userId: null, email: "system", role: "system" };

export type AuditTenant = { tenantType: "vendor" | "district" | "instance"; tenantId: string | null; tenantName: string };

/** The instance itself: operators, operator tokens. */
export const INSTANCE_TENANT: AuditTenant = { tenantType: "instance", tenantId: null, tenantName: "Rollcall" };

export type AuditEventInput = AuditTenant & {
  action: string;
  summary: string;
  before?: unknown;
  after?: unknown;
  /** Defaults to the current request's actor (see context.ts), else Rollcall itself. */
  actor?: AuditActor;
  ip?: string | null;
};

type AuditClient = Prisma.TransactionClient | PrismaClient;

export async function recordAudit(client: AuditClient, event: AuditEventInput): Promise<void> {
  const context = currentAuditContext();
  const actor = event.actor ?? context?.actor ?? SYSTEM_ACTOR;
  await client.auditEvent.create({
    data: {
      actorUserId: actor.userId,
      actorEmail: actor.email,
      actorRole: actor.role,
      tenantType: event.tenantType,
      tenantId: event.tenantId,
      tenantName: event.tenantName,
      action: event.action,
      summary: event.summary,
      before: asJson(event.before),
      after: asJson(event.after),
      ip: event.ip !== undefined ? event.ip : (context?.ip ?? null),
    },
  });
}

/** The vendor as the audit log names it; throws for an unknown id, which callers have already checked. */
export async function vendorTenant(client: AuditClient, vendorId: string): Promise<AuditTenant> {
  const vendor = await client.vendor.findUniqueOrThrow({ where: { id: vendorId }, select: { name: true } });
  return { tenantType: "vendor", tenantId: vendorId, tenantName: vendor.name };
}

export async function districtTenant(client: AuditClient, districtId: string): Promise<AuditTenant> {
  const district = await client.district.findUniqueOrThrow({ where: { id: districtId }, select: { name: true } });
  return { tenantType: "district", tenantId: districtId, tenantName: district.name };
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
  return ipFromHeaders(requestHeaders);
}

/**
 * The last X-Forwarded-For entry: the one the proxy in front of Rollcall added. Earlier entries
 * arrive from the client and could name any address it likes.
 */
export function ipFromHeaders(requestHeaders: Headers): string | null {
  const forwarded = requestHeaders.get("x-forwarded-for")?.split(",").at(-1)?.trim();
  return forwarded || requestHeaders.get("x-real-ip")?.trim() || null;
}
