// Removing tenant admins and withdrawing invitations from the console, against a real
// PostgreSQL: operators only, within the tenant named, every change audited.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { acceptInvitation } from "@/lib/invitations/invitations";
import { inviteOperatorAction, inviteVendorAdminAction, removeDistrictAdminAction, removeVendorAdminAction, withdrawInvitationAction } from "@/lib/operator/actions";
import { ADMIN_NOT_FOUND, INVITATION_NOT_PENDING } from "@/lib/operator/admins";
import { createDistrictAdmin, createVendorWithApplication } from "@/test/factories";

vi.mock("@/lib/auth/session", () => ({ getSessionUser: vi.fn() }));
const signInAs = (user: SessionUser) => vi.mocked(getSessionUser).mockResolvedValue(user);

let operator: SessionUser;
beforeEach(async () => {
  const user = await db().user.create({ data: { email: `${randomUUID()}@operator.test`, name: "Olive Operator", passwordHash: "!", role: "OPERATOR" } });
  operator = { id: user.id, email: user.email, name: user.name, role: "OPERATOR", vendorId: null, districtId: null };
  signInAs(operator);
});

const secretOf = (link: string | null) => link!.split("/invite/")[1]!;

describe("removing a vendor's or a district's admin", () => {
  it("deletes the admin, voids their waiting link, and records it on the tenant", async () => {
    const { vendor, admin } = await createVendorWithApplication("Acme");
    const reset = await inviteVendorAdminAction({ tenantId: vendor.id, email: admin.email, name: admin.name });
    if (!reset.ok) throw new Error(reset.formError);

    expect(await removeVendorAdminAction({ tenantId: vendor.id, userId: admin.id })).toEqual({ ok: true, data: { email: admin.email } });
    expect(await db().user.findUnique({ where: { id: admin.id } })).toBeNull();
    expect(await acceptInvitation(secretOf(reset.data.link), { name: admin.name, password: "a long enough password" })).toEqual({ ok: false, reason: "expired" });
    expect(await db().auditEvent.findMany({ where: { tenantId: vendor.id, action: "admin.removed" } })).toEqual([
      expect.objectContaining({
        actorUserId: operator.id,
        summary: `Removed ${admin.email}, vendor admin of Acme`,
        before: { email: admin.email, name: admin.name, role: "VENDOR_ADMIN" },
      }),
    ]);
    expect(await removeVendorAdminAction({ tenantId: vendor.id, userId: admin.id })).toEqual({ ok: false, formError: ADMIN_NOT_FOUND });
  });

  it("removes nobody named under another tenant, another kind of tenant, or an operator", async () => {
    const acme = await createVendorWithApplication("Acme");
    const other = await createVendorWithApplication("Other");
    const districtAdmin = await createDistrictAdmin();
    expect(await removeVendorAdminAction({ tenantId: other.vendor.id, userId: acme.admin.id })).toEqual({ ok: false, formError: ADMIN_NOT_FOUND });
    expect(await removeDistrictAdminAction({ tenantId: districtAdmin.districtId!, userId: acme.admin.id })).toEqual({ ok: false, formError: ADMIN_NOT_FOUND });
    expect(await removeVendorAdminAction({ tenantId: acme.vendor.id, userId: operator.id })).toEqual({ ok: false, formError: ADMIN_NOT_FOUND });
    expect(await db().user.count({ where: { id: { in: [acme.admin.id, operator.id] } } })).toBe(2);

    expect(await removeDistrictAdminAction({ tenantId: districtAdmin.districtId!, userId: districtAdmin.id })).toMatchObject({ ok: true });
  });

  it("is refused to the tenant's own admins", async () => {
    const { vendor, admin } = await createVendorWithApplication();
    const second = await db().user.create({ data: { email: `${randomUUID()}@vendor.test`, name: "Second", passwordHash: "!", role: "VENDOR_ADMIN", vendorId: vendor.id } });
    signInAs(admin);
    expect((await removeVendorAdminAction({ tenantId: vendor.id, userId: second.id })).ok).toBe(false);
    expect(await db().user.count({ where: { id: second.id } })).toBe(1);
  });
});

describe("withdrawing an invitation", () => {
  it("stops a pending link working, records it on the tenant, and refuses a used or withdrawn one", async () => {
    const { vendor } = await createVendorWithApplication("Acme");
    const invited = await inviteVendorAdminAction({ tenantId: vendor.id, email: "new.admin@acme.example", name: "New Admin" });
    const operatorInvite = await inviteOperatorAction({ email: `${randomUUID()}@ops.example`, name: "Night Shift" });
    if (!invited.ok || !operatorInvite.ok) throw new Error("not invited");
    const [pending] = await db().invitation.findMany({ where: { vendorId: vendor.id }, orderBy: { createdAt: "desc" }, take: 1 });

    expect(await withdrawInvitationAction({ invitationId: pending!.id })).toEqual({ ok: true, data: { email: "new.admin@acme.example" } });
    expect(await acceptInvitation(secretOf(invited.data.link), { name: "New Admin", password: "a long enough password" })).toEqual({ ok: false, reason: "expired" });
    expect(await withdrawInvitationAction({ invitationId: pending!.id })).toEqual({ ok: false, formError: INVITATION_NOT_PENDING });
    expect(await db().auditEvent.findMany({ where: { tenantId: vendor.id, action: "invitation.withdrawn" } })).toEqual([
      expect.objectContaining({ summary: "Withdrew the invitation of new.admin@acme.example as vendor admin of Acme", after: expect.objectContaining({ status: "withdrawn" }) }),
    ]);

    const used = await db().invitation.findFirstOrThrow({ where: { email: operatorInvite.data.email, role: "OPERATOR" } });
    await acceptInvitation(secretOf(operatorInvite.data.link), { name: "Night Shift", password: "a long enough password" });
    expect(await withdrawInvitationAction({ invitationId: used.id })).toEqual({ ok: false, formError: INVITATION_NOT_PENDING });
    expect(await withdrawInvitationAction({ invitationId: randomUUID() })).toEqual({ ok: false, formError: INVITATION_NOT_PENDING });
  });
});
