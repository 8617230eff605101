// Operator tokens against a real PostgreSQL: shown once, kept as a hash, revocable, audited
// without their value, and managed by operators only.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { hashToken } from "@/lib/crypto/opaque-token";
import { db } from "@/lib/db";
import { createOperatorTokenAction, revokeOperatorTokenAction } from "@/lib/monitoring/actions";
import { authenticateOperatorToken, MAX_ACTIVE_OPERATOR_TOKENS } from "@/lib/monitoring/operator-tokens";
import { createDistrictAdmin, createVendorWithApplication } from "@/test/factories";

vi.mock("@/lib/auth/session", () => ({ getSessionUser: vi.fn() }));

function signInAs(user: SessionUser) {
  vi.mocked(getSessionUser).mockResolvedValue(user);
}

async function createOperator(): Promise<SessionUser> {
  const user = await db().user.create({ data: { email: `${randomUUID()}@operator.test`, name: "Olive Operator", passwordHash: "!", role: "OPERATOR" } });
  return { id: user.id, email: user.email, name: user.name, role: user.role, vendorId: null, districtId: null };
}

const scrape = (token: string) => new Request("http://127.0.0.1/api/metrics", { headers: { authorization: `Bearer ${token}` } });

async function createToken(name = "Prometheus") {
  const created = await createOperatorTokenAction({ name });
  if (!created.ok) throw new Error(created.formError);
  return created.data;
}

const auditOf = (action: string, prefix: string) => db().auditEvent.findMany({ where: { action, after: { path: ["prefix"], equals: prefix } } });

let operator: SessionUser;
beforeEach(async () => {
  // Tokens are instance-wide and capped: each test starts with none. (Audit events cannot be deleted.)
  await db().operatorToken.deleteMany();
  operator = await createOperator();
  signInAs(operator);
});

describe("creating an operator token", () => {
  it("answers the token once, with the rc_op_ prefix, and stores only its hash", async () => {
    const created = await createToken("  Prometheus  ");
    expect(created).toMatchObject({ name: "Prometheus", token: expect.stringMatching(/^rc_op_[A-Za-z0-9_-]{43}$/), lastUsedAt: null, revokedAt: null });
    expect(created.prefix).toBe(created.token.slice(0, "rc_op_".length + 4));

    const stored = await db().operatorToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored).toMatchObject({ tokenHash: hashToken(created.token), createdById: operator.id });
    expect(JSON.stringify(stored)).not.toContain(created.token);
    expect(await authenticateOperatorToken(scrape(created.token))).toEqual({ tokenId: created.id });
  });

  it("records who created it in the audit log, without the token's value", async () => {
    const created = await createToken();
    const events = await auditOf("operator_token.created", created.prefix);
    expect(events).toMatchObject([
      {
        actorUserId: operator.id,
        actorEmail: operator.email,
        actorRole: "OPERATOR",
        tenantType: "instance",
        tenantId: null,
        tenantName: "Rollcall",
        after: { name: "Prometheus", prefix: created.prefix, secret: "••••••" },
      },
    ]);
    expect(JSON.stringify(events)).not.toContain(created.token);
    expect(JSON.stringify(events)).not.toContain(hashToken(created.token));
  });

  it("refuses a blank or over-long name and stores nothing", async () => {
    const auditEvents = await db().auditEvent.count();
    expect(await createOperatorTokenAction({ name: "   " })).toMatchObject({ ok: false, fieldErrors: { name: expect.stringContaining("Name the token") } });
    expect(await createOperatorTokenAction({ name: "x".repeat(61) })).toMatchObject({ ok: false, fieldErrors: { name: expect.stringContaining("at most 60") } });
    expect(await db().operatorToken.count()).toBe(0);
    expect(await db().auditEvent.count()).toBe(auditEvents);
  });

  it("refuses an eleventh live token and says what to do", async () => {
    for (let i = 0; i < MAX_ACTIVE_OPERATOR_TOKENS; i++) await createToken(`Scraper ${i}`);
    expect(await createOperatorTokenAction({ name: "One more" })).toMatchObject({ ok: false, formError: expect.stringContaining("Revoke one") });
    expect(await db().operatorToken.count()).toBe(MAX_ACTIVE_OPERATOR_TOKENS);
  });
});

describe("revoking an operator token", () => {
  it("refuses the token from then on and audits the revocation once", async () => {
    const created = await createToken();
    signInAs(await createOperator());
    const revoked = await revokeOperatorTokenAction({ tokenId: created.id });
    expect(revoked).toMatchObject({ ok: true, data: { id: created.id, revokedAt: expect.any(Date) } });
    expect(await authenticateOperatorToken(scrape(created.token))).toBeNull();

    expect(await revokeOperatorTokenAction({ tokenId: created.id })).toMatchObject({ ok: true });
    const events = await auditOf("operator_token.revoked", created.prefix);
    expect(events).toMatchObject([{ tenantType: "instance", tenantId: null, before: { revokedAt: null }, after: { name: "Prometheus", revokedAt: expect.any(String) } }]);
    expect(JSON.stringify(events)).not.toContain(created.token);
  });

  it("answers not found for an unknown token", async () => {
    expect(await revokeOperatorTokenAction({ tokenId: randomUUID() })).toEqual({ ok: false, formError: "This token was not found." });
  });
});

describe("who may manage operator tokens", () => {
  it("refuses vendor and district admins, and changes nothing", async () => {
    const created = await createToken();
    for (const admin of [(await createVendorWithApplication()).admin, await createDistrictAdmin()]) {
      signInAs(admin);
      expect(await createOperatorTokenAction({ name: "Sneaky" })).toEqual({ ok: false, formError: "Only Rollcall operators can change this." });
      expect(await revokeOperatorTokenAction({ tokenId: created.id })).toEqual({ ok: false, formError: "Only Rollcall operators can change this." });
    }
    expect(await db().operatorToken.findMany({ select: { id: true, revokedAt: true } })).toEqual([{ id: created.id, revokedAt: null }]);
    expect(await authenticateOperatorToken(scrape(created.token))).toEqual({ tokenId: created.id });
  });

  it("asks a signed-out caller to sign in", async () => {
    vi.mocked(getSessionUser).mockResolvedValue(null);
    expect(await createOperatorTokenAction({ name: "Prometheus" })).toMatchObject({ ok: false, formError: expect.stringContaining("Sign in") });
    expect(await db().operatorToken.count()).toBe(0);
  });
});

describe("authenticateOperatorToken", () => {
  it("writes the last use at most once a minute", async () => {
    const created = await createToken();
    const lastUsed = async () => (await db().operatorToken.findUniqueOrThrow({ where: { id: created.id } })).lastUsedAt;
    const first = new Date("2030-01-01T12:00:00Z");

    await authenticateOperatorToken(scrape(created.token), first);
    expect(await lastUsed()).toEqual(first);
    await authenticateOperatorToken(scrape(created.token), new Date(first.getTime() + 30_000));
    expect(await lastUsed()).toEqual(first);
    const later = new Date(first.getTime() + 90_000);
    await authenticateOperatorToken(scrape(created.token), later);
    expect(await lastUsed()).toEqual(later);
  });
});
