// The Operators page's actions against a real PostgreSQL: inviting another operator, who signs
// up with the link; removing one, never oneself; operators only, every change audited.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { acceptInvitation } from "@/lib/invitations/invitations";
import { inviteOperatorAction, removeOperatorAction } from "@/lib/operator/actions";
import { listOperators, OPERATOR_NOT_FOUND } from "@/lib/operator/operators";
import { createDistrictAdmin, createVendorWithApplication } from "@/test/factories";

vi.mock("@/lib/auth/session", () => ({ getSessionUser: vi.fn() }));
const signInAs = (user: SessionUser) => vi.mocked(getSessionUser).mockResolvedValue(user);

async function createOperator(): Promise<SessionUser> {
  const user = await db().user.create({ data: { email: `${randomUUID()}@operator.test`, name: "Olive Operator", passwordHash: "!", role: "OPERATOR" } });
  return { id: user.id, email: user.email, name: user.name, role: user.role, vendorId: null, districtId: null };
}

const instanceEvents = (action: string, email: string) =>
  db().auditEvent.findMany({ where: { action, tenantType: "instance", summary: { contains: email } }, orderBy: { at: "asc" } });

let me: SessionUser;
beforeEach(async () => {
  me = await createOperator();
  signInAs(me);
});

describe("inviting an operator", () => {
  it("hands back a one-time link without SMTP; the invitee signs up with it and is listed as an operator", async () => {
    const email = `${randomUUID()}@ops.example`;
    const invited = await inviteOperatorAction({ email: `  ${email.toUpperCase()} `, name: "Ned Newcomer" });
    expect(invited).toMatchObject({ ok: true, data: { email, name: "Ned Newcomer", mailed: false, link: expect.stringContaining("/invite/") } });
    if (!invited.ok || !invited.data.link) throw new Error("no link");
    expect((await listOperators()).invitations).toContainEqual(expect.objectContaining({ email, usedAt: null }));

    const secret = invited.data.link.split("/invite/")[1]!;
    expect(await acceptInvitation(secret, { name: "Ned Newcomer", password: "a long enough password" })).toMatchObject({ ok: true, role: "OPERATOR" });
    expect((await listOperators()).operators).toContainEqual(expect.objectContaining({ email, name: "Ned Newcomer" }));
    expect(await instanceEvents("operator.invited", email)).toEqual([expect.objectContaining({ actorUserId: me.id, actorRole: "OPERATOR" })]);
  });

  it("refuses a vendor or district admin's address and an invalid one, and invites nobody", async () => {
    const { admin } = await createVendorWithApplication();
    const taken = await inviteOperatorAction({ email: admin.email, name: "Vera Vendor" });
    expect(taken).toMatchObject({ ok: false, fieldErrors: { email: "This email already belongs to another account" } });
    const invalid = await inviteOperatorAction({ email: "not an address", name: "" });
    expect(invalid).toMatchObject({ ok: false, fieldErrors: { email: "Enter an email address like name@example.org", name: "Enter their name" } });
    expect(await db().invitation.count({ where: { email: { in: [admin.email, "not an address"] }, role: "OPERATOR" } })).toBe(0);
  });
});

describe("removing an operator", () => {
  it("removes another operator, who then has no account and no working link, and audits it once", async () => {
    const other = await createOperator();
    const reset = await inviteOperatorAction({ email: other.email, name: other.name });
    if (!reset.ok || !reset.data.link) throw new Error("no link");
    expect(await removeOperatorAction({ operatorId: other.id })).toEqual({ ok: true, data: { email: other.email } });
    expect(await db().user.findUnique({ where: { id: other.id } })).toBeNull();
    const secret = reset.data.link.split("/invite/")[1]!;
    expect(await acceptInvitation(secret, { name: other.name, password: "a long enough password" })).toEqual({ ok: false, reason: "expired" });
    expect(await removeOperatorAction({ operatorId: other.id })).toEqual({ ok: false, formError: OPERATOR_NOT_FOUND });
    expect(await instanceEvents("operator.removed", other.email)).toEqual([
      expect.objectContaining({ actorUserId: me.id, before: { email: other.email, name: "Olive Operator", role: "OPERATOR" } }),
    ]);
  });

  it("never removes oneself, nor a vendor or district admin through this door", async () => {
    expect(await removeOperatorAction({ operatorId: me.id })).toEqual({ ok: false, formError: "You can't remove yourself. Another operator can remove you." });
    const districtAdmin = await createDistrictAdmin();
    expect(await removeOperatorAction({ operatorId: districtAdmin.id })).toEqual({ ok: false, formError: OPERATOR_NOT_FOUND });
    expect(await db().user.count({ where: { id: { in: [me.id, districtAdmin.id] } } })).toBe(2);
  });

  it("is refused to anyone but an operator", async () => {
    const other = await createOperator();
    signInAs((await createVendorWithApplication()).admin);
    expect((await removeOperatorAction({ operatorId: other.id })).ok).toBe(false);
    signInAs(await createDistrictAdmin());
    expect((await inviteOperatorAction({ email: `${randomUUID()}@ops.example`, name: "Sly" })).ok).toBe(false);
    expect(await db().user.count({ where: { id: other.id } })).toBe(1);
  });
});
