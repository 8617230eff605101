import { getServerSession } from "next-auth";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { operatorForApi, vendorAdminForApi } from "@/lib/auth/api-guards";
import { verifyCredentials } from "@/lib/auth/credentials";
import { requireOperator, requireVendorAdmin } from "@/lib/auth/guards";
import { hashPassword } from "@/lib/auth/password";
import { homePathFor } from "@/lib/auth/roles";
import { getSessionUser } from "@/lib/auth/session";
import { signInErrorMessage, TENANT_SUSPENDED } from "@/lib/auth/sign-in-schema";
import { db } from "@/lib/db";
import { createDistrictAdmin, createVendorWithApplication } from "@/test/factories";

vi.mock("next-auth", () => ({ getServerSession: vi.fn() }));
const signedInAs = (userId: string | null) => vi.mocked(getServerSession).mockResolvedValue(userId ? { user: { id: userId } } : null);

const PASSWORD = "right password";

async function withPassword(userId: string) {
  return db().user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(PASSWORD) } });
}

beforeEach(() => signedInAs(null));

describe("a suspended organisation", () => {
  it("refuses its vendor admins' sign-in and ends their open sessions; resuming lets them back", async () => {
    const { vendor, admin } = await createVendorWithApplication();
    await withPassword(admin.id);
    signedInAs(admin.id);
    await expect(getSessionUser()).resolves.toMatchObject({ id: admin.id });

    await db().vendor.update({ where: { id: vendor.id }, data: { suspendedAt: new Date() } });
    await expect(verifyCredentials({ email: admin.email, password: PASSWORD })).rejects.toThrow(TENANT_SUSPENDED);
    await expect(getSessionUser()).resolves.toBeNull();
    expect(signInErrorMessage(TENANT_SUSPENDED)).toBe("Your organisation's Rollcall account is suspended. Contact your Rollcall operator.");
    // A wrong password is just wrong: the suspension is not revealed to a guesser.
    await expect(verifyCredentials({ email: admin.email, password: "a guess" })).resolves.toBeNull();

    await db().vendor.update({ where: { id: vendor.id }, data: { suspendedAt: null } });
    await expect(verifyCredentials({ email: admin.email, password: PASSWORD })).resolves.toMatchObject({ id: admin.id });
    await expect(getSessionUser()).resolves.toMatchObject({ id: admin.id });
  });

  it("refuses its district admins' sign-in and ends their open sessions", async () => {
    const admin = await createDistrictAdmin();
    await withPassword(admin.id);
    signedInAs(admin.id);
    await db().district.update({ where: { id: admin.districtId! }, data: { suspendedAt: new Date() } });
    await expect(verifyCredentials({ email: admin.email, password: PASSWORD })).rejects.toThrow(TENANT_SUSPENDED);
    await expect(getSessionUser()).resolves.toBeNull();
  });
});

describe("the operator guard", () => {
  it("lets operators in and answers everyone else as not found", async () => {
    const operator = await db().user.create({ data: { email: "ops@rollcall.test", name: "Ops", passwordHash: "!", role: "OPERATOR" } });
    const { admin } = await createVendorWithApplication();

    signedInAs(operator.id);
    await expect(requireOperator()).resolves.toMatchObject({ id: operator.id, role: "OPERATOR" });
    expect((await operatorForApi()).user).toMatchObject({ id: operator.id });
    await expect(requireVendorAdmin()).rejects.toMatchObject({ digest: expect.stringContaining("404") });
    expect((await vendorAdminForApi()).response?.status).toBe(404);

    signedInAs(admin.id);
    await expect(requireOperator()).rejects.toMatchObject({ digest: expect.stringContaining("404") });
    expect((await operatorForApi()).response?.status).toBe(404);

    signedInAs(null);
    await expect(requireOperator()).rejects.toMatchObject({ digest: expect.stringContaining("NEXT_REDIRECT") });
    expect((await operatorForApi()).response?.status).toBe(401);
  });

  it("sends each role home after sign-in", () => {
    expect([homePathFor("OPERATOR"), homePathFor("VENDOR_ADMIN"), homePathFor("DISTRICT_ADMIN")]).toEqual(["/operator", "/apps", "/district"]);
  });
});
