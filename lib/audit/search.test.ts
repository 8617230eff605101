// Searching the audit log against a real PostgreSQL: each filter alone and combined, paging
// newest first, the export's batches, the filters' choices, and invalid filters explained.
// Audit rows cannot be deleted, so every test makes its own tenants, actors and action names.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { recordAudit, type AuditActor, type AuditTenant } from "@/lib/audit/record";
import {
  AUDIT_PAGE_SIZE,
  auditEventBatches,
  auditSearchHref,
  fieldChanges,
  listAuditActions,
  listAuditEvents,
  listAuditTenants,
  parseAuditSearch,
  type AuditFilter,
} from "@/lib/audit/search";
import { db } from "@/lib/db";
import { createDistrictAdmin, createVendorWithApplication } from "@/test/factories";

const tag = () => randomUUID().slice(0, 8);
const actor = (email: string, role = "OPERATOR"): AuditActor => ({ userId: null, email, role });

async function newVendor(): Promise<AuditTenant> {
  const { vendor } = await createVendorWithApplication();
  return { tenantType: "vendor", tenantId: vendor.id, tenantName: vendor.name };
}

async function newDistrict(): Promise<AuditTenant> {
  const admin = await createDistrictAdmin();
  return { tenantType: "district", tenantId: admin.districtId!, tenantName: "Test District" };
}

async function record(tenant: AuditTenant, action: string, by: AuditActor, summary = action) {
  await recordAudit(db(), { ...tenant, action, summary, actor: by, ip: "203.0.113.7" });
}

/** Events at given moments (recordAudit always stamps now). */
async function recordAt(tenant: AuditTenant, action: string, moments: Date[]) {
  await db().auditEvent.createMany({
    data: moments.map((at, index) => ({ ...tenant, at, action, summary: `${action} #${index}`, actorEmail: "ops@rollcall.test", actorRole: "OPERATOR" })),
  });
}

const summaries = async (filter: AuditFilter) => (await listAuditEvents(filter)).rows.map((row) => row.summary).sort();

describe("reading the filters from the address", () => {
  it("accepts each filter, trims them and leaves out empty ones", () => {
    const id = randomUUID();
    const search = parseAuditSearch({ tenant: id, actor: "  Ann@ ", action: "vendor.suspended", from: "2026-11-01", to: "2026-11-30", extra: "x" });
    expect(search).toMatchObject({ filter: { tenant: id, actor: "Ann@", action: "vendor.suspended", from: "2026-11-01", to: "2026-11-30" }, errors: {} });
    expect(parseAuditSearch(new URLSearchParams("tenant=instance&actor=&action=&from=&to="))).toMatchObject({ filter: { tenant: "instance" }, errors: {} });
  });

  it("explains each invalid value and applies no filter", () => {
    const search = parseAuditSearch({ tenant: "acme", actor: "a".repeat(201), action: "DROP TABLE", from: "yesterday", to: "2026-02-30" });
    expect(search.filter).toBeNull();
    expect(search.errors).toEqual({
      tenant: "Choose a tenant from the list.",
      actor: "Enter at most 200 characters of the actor's email.",
      action: "Choose an action from the list.",
      from: "Enter a date as YYYY-MM-DD, e.g. 2026-11-26.",
      to: "This day does not exist: check the month and day.",
    });
    expect(search.values).toMatchObject({ tenant: "acme", from: "yesterday" });
    expect(parseAuditSearch({ from: "2026-13-01" }).errors).toEqual({ from: "This day does not exist: check the month and day." });
    expect(parseAuditSearch({ from: "2026-11-30", to: "2026-11-01" }).errors).toEqual({ to: "The “to” day must be on or after the “from” day." });
  });

  it("starts at the newest event when the page cursor is not one of ours", () => {
    expect(parseAuditSearch({ before: "1' OR 1=1" }).cursor).toEqual({});
    const cursor = `1764151200000_${randomUUID()}`;
    expect(parseAuditSearch({ before: cursor }).cursor).toEqual({ before: cursor });
  });

  it("writes the filters back into an address without the empty ones", () => {
    expect(auditSearchHref("/operator/audit/export", { actor: "ann@", action: "vendor.created" })).toBe("/operator/audit/export?actor=ann%40&action=vendor.created");
    expect(auditSearchHref("/operator/audit", {})).toBe("/operator/audit");
  });
});

describe("filtering the log", () => {
  it("finds events by tenant, actor, action and their combination", async () => {
    const t = tag();
    const [acme, globex, springfield] = await Promise.all([newVendor(), newVendor(), newDistrict()]);
    const ann = actor(`Ann.Admin+${t}@Example.test`);
    const bob = actor(`bob+${t}@example.test`, "VENDOR_ADMIN");
    const renamed = `vendor_${t}.renamed`;
    await record(acme, renamed, ann, "acme renamed by ann");
    await record(acme, `token_${t}.created`, bob, "acme token by bob");
    await record(globex, renamed, bob, "globex renamed by bob");
    await record(springfield, `district_${t}.suspended`, ann, "springfield suspended by ann");
    await record({ tenantType: "instance", tenantId: null, tenantName: "Rollcall" }, `operator_${t}.created`, ann, "instance by ann");

    expect(await summaries({ tenant: acme.tenantId! })).toEqual(["acme renamed by ann", "acme token by bob"]);
    expect(await summaries({ tenant: springfield.tenantId! })).toEqual(["springfield suspended by ann"]);
    expect(await summaries({ tenant: "instance", actor: t })).toEqual(["instance by ann"]);
    expect(await summaries({ actor: `ann.ADMIN+${t}@example` })).toEqual(["acme renamed by ann", "instance by ann", "springfield suspended by ann"]);
    expect(await summaries({ actor: `ann_admin+${t}` })).toEqual([]);
    expect(await summaries({ actor: `%+${t}@example` })).toEqual([]);
    expect(await summaries({ action: renamed })).toEqual(["acme renamed by ann", "globex renamed by bob"]);
    expect(await summaries({ tenant: acme.tenantId!, action: renamed, actor: `bob+${t}` })).toEqual([]);
    expect(await summaries({ tenant: acme.tenantId!, action: renamed, actor: `ann.admin+${t}` })).toEqual(["acme renamed by ann"]);
    expect(await summaries({ tenant: randomUUID() })).toEqual([]);

    const [row] = (await listAuditEvents({ tenant: globex.tenantId! })).rows;
    expect(row).toMatchObject({ actorEmail: bob.email, actorRole: "VENDOR_ADMIN", tenantType: "vendor", tenantName: globex.tenantName, action: renamed, ip: "203.0.113.7" });
  });

  it("takes from and to as whole UTC days, both included", async () => {
    const tenant = await newVendor();
    await recordAt(tenant, "vendor.dated", [
      new Date("2031-02-28T23:59:59.999Z"),
      new Date("2031-03-01T00:00:00.000Z"),
      new Date("2031-03-02T23:59:59.999Z"),
      new Date("2031-03-03T00:00:00.000Z"),
    ]);
    const days = async (filter: AuditFilter) => (await listAuditEvents({ tenant: tenant.tenantId!, ...filter })).rows.map((row) => row.at.toISOString());

    expect(await days({ from: "2031-03-01", to: "2031-03-02" })).toEqual(["2031-03-02T23:59:59.999Z", "2031-03-01T00:00:00.000Z"]);
    expect(await days({ from: "2031-03-03" })).toEqual(["2031-03-03T00:00:00.000Z"]);
    expect(await days({ to: "2031-02-28" })).toEqual(["2031-02-28T23:59:59.999Z"]);
    expect(await days({ from: "2031-03-01", to: "2031-03-01" })).toEqual(["2031-03-01T00:00:00.000Z"]);
  });
});

describe("paging through the log", () => {
  it("lists 50 events a page, newest first, and pages back and forth without skipping events that share a time", async () => {
    const tenant = await newVendor();
    const base = Date.parse("2032-01-01T00:00:00Z");
    // 120 events on 40 distinct moments: three share each moment, so only the id tells them apart.
    await recordAt(tenant, "vendor.paged", Array.from({ length: 120 }, (_, index) => new Date(base + Math.floor(index / 3) * 1000)));
    const filter = { tenant: tenant.tenantId! };

    const first = await listAuditEvents(filter);
    expect(first.rows).toHaveLength(AUDIT_PAGE_SIZE);
    expect(first.newer).toBeNull();
    const second = await listAuditEvents(filter, { before: first.older! });
    const third = await listAuditEvents(filter, { before: second.older! });
    expect(third.rows).toHaveLength(20);
    expect(third.older).toBeNull();

    const all = [...first.rows, ...second.rows, ...third.rows];
    expect(new Set(all.map((row) => row.id)).size).toBe(120);
    const times = all.map((row) => row.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(first.rows[0]!.at.toISOString()).toBe("2032-01-01T00:00:39.000Z");

    const backToSecond = await listAuditEvents(filter, { after: third.newer! });
    expect(backToSecond.rows.map((row) => row.id)).toEqual(second.rows.map((row) => row.id));
    const backToFirst = await listAuditEvents(filter, { after: backToSecond.newer! });
    expect(backToFirst.rows.map((row) => row.id)).toEqual(first.rows.map((row) => row.id));
  });

  it("hands the export every matching event in batches, newest first", async () => {
    const tenant = await newVendor();
    await recordAt(tenant, "vendor.exported", Array.from({ length: 20 }, (_, index) => new Date(Date.parse("2033-05-01T00:00:00Z") + Math.floor(index / 2) * 1000)));

    const sizes: number[] = [];
    const ids: string[] = [];
    for await (const batch of auditEventBatches({ tenant: tenant.tenantId! }, 7)) {
      sizes.push(batch.length);
      ids.push(...batch.map((row) => row.id));
    }
    expect(sizes).toEqual([7, 7, 6]);
    expect(new Set(ids).size).toBe(20);

    const even: number[] = [];
    for await (const batch of auditEventBatches({ tenant: tenant.tenantId! }, 10)) even.push(batch.length);
    expect(even).toEqual([10, 10]);
  });
});

describe("the filters' choices", () => {
  it("offers the tenants that have events and every action once, sorted", async () => {
    const t = tag();
    const [withEvents, withoutEvents, district] = await Promise.all([newVendor(), newVendor(), newDistrict()]);
    await record(withEvents, `zeta_${t}.changed`, actor("ops@rollcall.test"));
    await record(withEvents, `alpha_${t}.changed`, actor("ops@rollcall.test"));
    await record(district, `alpha_${t}.changed`, actor("ops@rollcall.test"));

    const tenants = await listAuditTenants();
    expect(tenants.vendors).toContainEqual({ id: withEvents.tenantId, name: withEvents.tenantName });
    expect(tenants.vendors.map((vendor) => vendor.id)).not.toContain(withoutEvents.tenantId);
    expect(tenants.districts.map((option) => option.id)).toContain(district.tenantId);

    const actions = await listAuditActions();
    expect(actions).toEqual([...new Set(actions)].sort());
    expect(actions.filter((action) => action.includes(t))).toEqual([`alpha_${t}.changed`, `zeta_${t}.changed`]);
  });
});

describe("before → after", () => {
  it("lines up the fields of both sides and marks those that differ", () => {
    expect(fieldChanges({ webhookUrl: "https://a.test", enabled: false, secret: "••••••" }, { webhookUrl: "https://b.test", enabled: false, secret: "••••••", banner: true })).toEqual([
      { field: "webhookUrl", before: "https://a.test", after: "https://b.test", changed: true },
      { field: "enabled", before: false, after: false, changed: false },
      { field: "secret", before: "••••••", after: "••••••", changed: false },
      { field: "banner", before: undefined, after: true, changed: true },
    ]);
    expect(fieldChanges(null, { name: "Acme" })).toEqual([{ field: "name", before: undefined, after: "Acme", changed: true }]);
    expect(fieldChanges({ headers: { a: 1, b: 2 } }, { headers: { b: 2, a: 1 } })).toEqual([{ field: "headers", before: { a: 1, b: 2 }, after: { b: 2, a: 1 }, changed: false }]);
    expect(fieldChanges(["a"], ["a", "b"])).toEqual([{ field: "value", before: ["a"], after: ["a", "b"], changed: true }]);
    expect(fieldChanges(null, null)).toEqual([]);
  });
});
