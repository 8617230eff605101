import { describe, expect, it } from "vitest";
import { recordAudit, requestIp } from "@/lib/audit/record";
import { db } from "@/lib/db";

describe("the audit log", () => {
  it("appends events, and refuses to change or delete them", async () => {
    await recordAudit(db(), {
      actor: { userId: null, email: "ops@rollcall.test", role: "OPERATOR" },
      tenantType: "vendor",
      tenantId: null,
      tenantName: "Acme",
      action: "vendor.suspended",
      summary: "Suspended Acme",
      before: { suspendedAt: null },
      after: { suspendedAt: new Date("2026-11-26T10:00:00Z") },
      ip: "203.0.113.9",
    });
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: "vendor.suspended" } });
    expect(event).toMatchObject({ actorEmail: "ops@rollcall.test", before: { suspendedAt: null }, after: { suspendedAt: "2026-11-26T10:00:00.000Z" }, ip: "203.0.113.9" });

    await expect(db().auditEvent.update({ where: { id: event.id }, data: { summary: "Nothing happened" } })).rejects.toThrow(/cannot be changed or deleted/);
    await expect(db().auditEvent.delete({ where: { id: event.id } })).rejects.toThrow(/cannot be changed or deleted/);
    await expect(db().auditEvent.deleteMany({})).rejects.toThrow(/cannot be changed or deleted/);
    await expect(db().$executeRawUnsafe('TRUNCATE "AuditEvent"')).rejects.toThrow(/cannot be changed or deleted/);
    expect(await db().auditEvent.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({ summary: "Suspended Acme" });
  });

  it("has no client address outside a request", async () => {
    await expect(requestIp()).resolves.toBeNull();
  });
});
