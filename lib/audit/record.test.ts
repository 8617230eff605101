import { describe, expect, it } from "vitest";
import { withAuditContext } from "@/lib/audit/context";
import { ipFromHeaders, recordAudit, requestIp } from "@/lib/audit/record";
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

  it("takes the address the proxy added, not one the client put first in X-Forwarded-For", () => {
    expect(ipFromHeaders(new Headers({ "x-forwarded-for": "10.9.9.9, 198.51.100.7" }))).toBe("198.51.100.7");
    expect(ipFromHeaders(new Headers({ "x-forwarded-for": "198.51.100.7" }))).toBe("198.51.100.7");
    expect(ipFromHeaders(new Headers({ "x-real-ip": "198.51.100.8" }))).toBe("198.51.100.8");
    expect(ipFromHeaders(new Headers())).toBeNull();
  });

  it("records the acting user and address of the request it runs in, and Rollcall itself outside any", async () => {
    const event = { tenantType: "instance", tenantId: null, tenantName: "Rollcall", summary: "Something changed" } as const;
    const actor = { userId: null, email: "kim@district.test", role: "DISTRICT_ADMIN" };
    await withAuditContext({ actor, ip: "198.51.100.4" }, () => recordAudit(db(), { ...event, action: "test.in_request" }));
    await recordAudit(db(), { ...event, action: "test.outside" });

    expect(await db().auditEvent.findFirstOrThrow({ where: { action: "test.in_request" } })).toMatchObject({ actorEmail: "kim@district.test", actorRole: "DISTRICT_ADMIN", ip: "198.51.100.4" });
    expect(await db().auditEvent.findFirstOrThrow({ where: { action: "test.outside" } })).toMatchObject({ actorEmail: "system", actorRole: "system", ip: null });
  });
});
