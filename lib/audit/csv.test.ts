// The audit log's CSV export: its columns, neutralised formula cells, before / after as JSON,
// every batch streamed, and only operators served. Against a real PostgreSQL.
import { randomUUID } from "node:crypto";
import { parse } from "csv-parse/sync";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/(operator)/operator/audit/export/route";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { AUDIT_CSV_HEADER, auditCsvFileName, auditCsvStream } from "@/lib/audit/csv";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { createDistrictAdmin, createVendorWithApplication } from "@/test/factories";

vi.mock("@/lib/auth/session", () => ({ getSessionUser: vi.fn() }));

const signInAs = (user: SessionUser | null) => vi.mocked(getSessionUser).mockResolvedValue(user);

async function createOperator(): Promise<SessionUser> {
  const user = await db().user.create({ data: { email: `${randomUUID()}@operator.test`, name: "Olive Operator", passwordHash: "!", role: "OPERATOR" } });
  return { id: user.id, email: user.email, name: user.name, role: user.role, vendorId: null, districtId: null };
}

const exportOf = (query: string) => GET(new Request(`http://127.0.0.1/operator/audit/export?${query}`));

/** A vendor whose log holds one settings change, made from a spreadsheet-hostile name. */
async function vendorWithChange() {
  const { vendor } = await createVendorWithApplication();
  await recordAudit(db(), {
    tenantType: "vendor",
    tenantId: vendor.id,
    tenantName: "=HYPERLINK(\"http://evil.test\")",
    action: "provisioning.settings_changed",
    summary: "+Changed the webhook URL",
    before: { webhookUrl: "https://old.test/hook", signingSecret: "••••••" },
    after: { webhookUrl: "https://new.test/hook", signingSecret: "••••••" },
    actor: { userId: null, email: "ann@vendor.test", role: "VENDOR_ADMIN" },
    ip: "198.51.100.4",
  });
  return vendor;
}

beforeEach(async () => signInAs(await createOperator()));

describe("the audit log's CSV export", () => {
  it("gives an operator the filtered log as a dated attachment, cells neutralised, before and after as JSON", async () => {
    const vendor = await vendorWithChange();
    const response = await exportOf(`tenant=${vendor.id}`);

    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="rollcall-audit-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(auditCsvFileName(new Date("2026-11-26T23:30:00Z"))).toBe("rollcall-audit-2026-11-26.csv");

    const [header, ...rows] = parse(await response.text()) as string[][];
    expect(header).toEqual(AUDIT_CSV_HEADER);
    expect(rows).toHaveLength(1);
    const row = Object.fromEntries(AUDIT_CSV_HEADER.map((column, index) => [column, rows[0]![index]]));
    expect(row).toMatchObject({
      actor_email: "ann@vendor.test",
      actor_role: "VENDOR_ADMIN",
      tenant_type: "vendor",
      tenant_name: "'=HYPERLINK(\"http://evil.test\")",
      tenant_id: vendor.id,
      action: "provisioning.settings_changed",
      summary: "'+Changed the webhook URL",
      ip: "198.51.100.4",
    });
    expect(new Date(row.time!).toISOString()).toBe(row.time);
    expect(JSON.parse(row.before!)).toEqual({ webhookUrl: "https://old.test/hook", signingSecret: "••••••" });
    expect(JSON.parse(row.after!)).toEqual({ webhookUrl: "https://new.test/hook", signingSecret: "••••••" });
  });

  it("streams every batch of a large log, newest first, after one header", async () => {
    const { vendor } = await createVendorWithApplication();
    const start = Date.parse("2034-01-01T00:00:00Z");
    await db().auditEvent.createMany({
      data: Array.from({ length: 5 }, (_, index) => ({
        tenantType: "vendor",
        tenantId: vendor.id,
        tenantName: vendor.name,
        at: new Date(start + index * 1000),
        action: "vendor.batched",
        summary: `Change ${index}`,
        actorEmail: "system",
        actorRole: "system",
      })),
    });
    const text = await new Response(auditCsvStream({ tenant: vendor.id }, 2)).text();
    const [header, ...rows] = parse(text) as string[][];
    expect(header).toEqual(AUDIT_CSV_HEADER);
    expect(rows.map((row) => row[7])).toEqual(["Change 4", "Change 3", "Change 2", "Change 1", "Change 0"]);
    expect(rows.map((row) => [row[8], row[9], row[10]])).toEqual(Array(5).fill(["", "", ""]));
  });

  it("is only the header when nothing matches", async () => {
    const response = await exportOf(`tenant=${randomUUID()}`);
    expect(parse(await response.text())).toEqual([AUDIT_CSV_HEADER]);
  });

  it("refuses invalid filters with the reason and no data", async () => {
    const response = await exportOf("from=2026-11-31&action=vendor.created");
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ fieldErrors: { from: "This day does not exist: check the month and day." } });
  });

  it("refuses vendor admins, district admins and signed-out visitors", async () => {
    const vendor = await vendorWithChange();
    const { admin: vendorAdmin } = await createVendorWithApplication();
    for (const admin of [vendorAdmin, await createDistrictAdmin()]) {
      signInAs(admin);
      const response = await exportOf(`tenant=${vendor.id}`);
      expect(response.status).toBe(403);
      expect(await response.text()).not.toContain("ann@vendor.test");
    }
    signInAs(null);
    const response = await exportOf(`tenant=${vendor.id}`);
    expect(response.status).toBe(401);
    expect(await response.text()).not.toContain("ann@vendor.test");
  });
});
