// GET /api/metrics against a real PostgreSQL: operator tokens only, and the Health page's
// figures in Prometheus text format, naming no tenant.
import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/metrics/route";
import { getSessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { createOperatorToken, revokeOperatorToken } from "@/lib/monitoring/operator-tokens";
import { createScimToken } from "@/lib/scim/tokens";
import { createDistrictAdmin, createVendorWithApplication } from "@/test/factories";

vi.mock("@/lib/auth/session", () => ({ getSessionUser: vi.fn() }));

const METRICS_URL = "http://127.0.0.1/api/metrics";

function scrape(headers: Record<string, string> = {}) {
  return GET(new Request(METRICS_URL, { headers }));
}

async function operatorToken() {
  const user = await db().user.create({ data: { email: `${randomUUID()}@operator.test`, name: "Olive Operator", passwordHash: "!", role: "OPERATOR" } });
  return createOperatorToken(user, "Prometheus");
}

/** The samples of an exposition by "name{labels}", after checking it the way Prometheus would read it. */
function parseExposition(text: string): Map<string, number> {
  const typed = new Map<string, string>();
  const samples = new Map<string, number>();
  for (const line of text.split("\n")) {
    if (line === "") continue;
    const comment = /^# (HELP|TYPE) (\S+) (.+)$/.exec(line);
    if (comment) {
      if (comment[1] === "TYPE") typed.set(comment[2]!, comment[3]!);
      continue;
    }
    const sample = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})? (\S+)$/.exec(line);
    if (!sample) throw new Error(`Not an exposition line: ${line}`);
    const [, name, labels = "", value] = sample;
    // Rollcall's own figures are gauges; after them come the web process's standard metrics.
    if (name!.startsWith("rollcall_")) expect(typed.get(name!), `${name} has a # TYPE line before its samples`).toBe("gauge");
    else {
      expect(name).toMatch(/^(process|nodejs)_[a-z0-9_]+$/);
      expect(typed.get(name!) ?? typed.get(name!.replace(/_(bucket|sum|count)$/, "")), `${name} has a # TYPE line before its samples`).toBeDefined();
    }
    // The event loop's lag figures are NaN until it has been sampled (prom-client writes "Nan",
    // which Prometheus's parser reads as NaN, in any case).
    const numeric = Number.isFinite(Number(value)) || (/^nan$/i.test(value!) && name!.startsWith("nodejs_eventloop_lag"));
    expect(numeric, `${line} has a numeric value`).toBe(true);
    samples.set(`${name}${labels}`, Number(value));
  }
  return samples;
}

describe("GET /api/metrics refuses", () => {
  const expectRefused = async (response: Response) => {
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer\b/);
    expect(await response.text()).toContain("operator token");
  };

  it("a request without a token, even from a signed-in operator's browser", async () => {
    vi.mocked(getSessionUser).mockResolvedValue({ id: randomUUID(), email: "o@operator.test", name: "O", role: "OPERATOR", vendorId: null, districtId: null });
    await expectRefused(await scrape({ cookie: "next-auth.session-token=abc" }));
  });

  it("an unknown operator token and a revoked one", async () => {
    await expectRefused(await scrape({ authorization: `Bearer rc_op_${randomUUID()}` }));
    const created = await operatorToken();
    await revokeOperatorToken(created.id);
    await expectRefused(await scrape({ authorization: `Bearer ${created.token}` }));
  });

  it("any other kind of token: a real SCIM token, a Data API token, a Partner API key", async () => {
    const districtAdmin = await createDistrictAdmin();
    const scim = await createScimToken({ id: districtAdmin.id, districtId: districtAdmin.districtId! }, "Okta");
    for (const token of [scim.token, `rc_at_${randomUUID()}`, `rc_pk_${randomUUID()}`]) {
      await expectRefused(await scrape({ authorization: `Bearer ${token}` }));
    }
  });
});

describe("GET /api/metrics with an operator token", () => {
  it("answers the figures in Prometheus text format and notes the token's use", async () => {
    const { token, id } = await operatorToken();
    const response = await scrape({ authorization: `Bearer ${token}` });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/plain; version=0.0.4; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-store");

    const samples = parseExposition(await response.text());
    for (const name of [
      'rollcall_job_queue_jobs{state="waiting"}',
      "rollcall_job_queue_oldest_waiting_age_seconds",
      "rollcall_workers_listening",
      "rollcall_webhook_endpoints_failing",
      "rollcall_file_deliveries_failed_last_day",
      "rollcall_imports_failed_last_day",
      "rollcall_scim_tokens_failing",
      'rollcall_vendors{state="suspended"}',
      'rollcall_districts{state="active"}',
    ]) {
      expect(samples.has(name), name).toBe(true);
    }
    expect(samples.get("process_resident_memory_bytes")).toBeGreaterThan(0);
    expect(samples.get("nodejs_heap_size_used_bytes")).toBeGreaterThan(0);
    expect(samples.get("rollcall_database_size_bytes")).toBeGreaterThan(0);
    expect(samples.get("rollcall_database_connections")).toBeGreaterThan(0);
    expect((await db().operatorToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).not.toBeNull();
  });

  it("moves with the instance: a failed import, a suspended vendor, a new district", async () => {
    const { token } = await operatorToken();
    const read = async () => parseExposition(await (await scrape({ authorization: `Bearer ${token}` })).text());
    const before = await read();

    const { vendor } = await createVendorWithApplication("Secretive Vendor");
    await db().vendor.update({ where: { id: vendor.id }, data: { suspendedAt: new Date() } });
    const districtAdmin = await createDistrictAdmin();
    await db().rosterImport.create({ data: { districtId: districtAdmin.districtId!, channel: "sftp", status: "failed", finishedAt: new Date() } });

    const after = await read();
    expect(after.get("rollcall_imports_failed_last_day")).toBe(before.get("rollcall_imports_failed_last_day")! + 1);
    expect(after.get('rollcall_vendors{state="suspended"}')).toBe(before.get('rollcall_vendors{state="suspended"}')! + 1);
    expect(after.get('rollcall_vendors{state="active"}')).toBe(before.get('rollcall_vendors{state="active"}'));
    expect(after.get('rollcall_districts{state="active"}')).toBe(before.get('rollcall_districts{state="active"}')! + 1);
  });

  it("names no tenant, URL or id", async () => {
    const { token } = await operatorToken();
    const { vendor, application } = await createVendorWithApplication("Secretive Vendor", { webhookUrl: "https://hooks.example.com/hidden?token=s3cr3t" });
    const districtAdmin = await createDistrictAdmin();
    await db().rosterImport.create({ data: { districtId: districtAdmin.districtId!, channel: "sftp", status: "failed", finishedAt: new Date() } });

    const text = await (await scrape({ authorization: `Bearer ${token}` })).text();
    expect(parseExposition(text).get("rollcall_imports_failed_last_day")).toBeGreaterThanOrEqual(1);
    for (const secret of ["Secretive Vendor", "Test District", "hooks.example.com", "s3cr3t", vendor.id, application.id, districtAdmin.districtId!, token]) {
      expect(text).not.toContain(secret);
    }
  });
});
