// The audit log's record of Partner API keys, against a real PostgreSQL; only the session is faked.
import { describe, expect, it, vi } from "vitest";
import { MASKED } from "@/lib/audit/mask";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { createApiKeyAction, revokeApiKeyAction } from "@/lib/partner-api/actions";
import { createVendorWithApplication } from "@/test/factories";

vi.mock("@/lib/auth/session", () => ({ getSessionUser: vi.fn() }));
const signInAs = (user: SessionUser) => vi.mocked(getSessionUser).mockResolvedValue(user);

describe("auditing Partner API keys", () => {
  it("records creating and revoking a key by name and prefix, never the key", async () => {
    const acme = await createVendorWithApplication("Acme");
    signInAs(acme.admin);
    const created = await createApiKeyAction({ name: "Production" });
    if (!created.ok) throw new Error(created.formError);
    const revoked = await revokeApiKeyAction({ keyId: created.data.id });
    if (!revoked.ok) throw new Error(revoked.formError);
    await revokeApiKeyAction({ keyId: created.data.id }); // already revoked: nothing changes

    const events = await db().auditEvent.findMany({ where: { tenantId: acme.vendor.id }, orderBy: { at: "asc" } });
    const { prefix } = created.data;
    expect(events).toEqual([
      expect.objectContaining({
        action: "api_key.created",
        summary: "API key “Production” created",
        actorUserId: acme.admin.id,
        actorRole: "VENDOR_ADMIN",
        tenantType: "vendor",
        tenantName: "Acme",
        after: { name: "Production", prefix, secret: MASKED },
      }),
      expect.objectContaining({
        action: "api_key.revoked",
        summary: "API key “Production” revoked",
        before: { name: "Production", prefix, revokedAt: null },
        after: { name: "Production", prefix, revokedAt: revoked.data.revokedAt?.toISOString() },
      }),
    ]);
    expect(JSON.stringify(events)).not.toContain(created.data.key);
  });

  it("records nothing for another vendor's key", async () => {
    const owner = await createVendorWithApplication();
    signInAs(owner.admin);
    const created = await createApiKeyAction({ name: "Production" });
    if (!created.ok) throw new Error(created.formError);
    const other = await createVendorWithApplication();
    signInAs(other.admin);
    expect((await revokeApiKeyAction({ keyId: created.data.id })).ok).toBe(false);
    expect(await db().auditEvent.count({ where: { action: "api_key.revoked", tenantId: owner.vendor.id } })).toBe(0);
  });
});
