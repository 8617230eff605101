import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { acceptInvitation, describeInvitation } from "@/lib/invitations/invitations";
import { createOperatorInvitation } from "@/lib/invitations/operators";
import { createVendorWithApplication } from "@/test/factories";

const secretOf = (link: string) => link.split("/invite/")[1]!;

describe("create-operator", () => {
  it("invites the first operator with a one-time link, and gives an existing operator a new one", async () => {
    const first = await createOperatorInvitation({ email: "Ops@Instance.test", name: "Ola Smith" });
    if (!first.ok) throw new Error(first.error);
    expect(first.existingOperator).toBe(false);
    await expect(describeInvitation(secretOf(first.link))).resolves.toMatchObject({ ok: true, email: "ops@instance.test", name: "Ola Smith", role: "OPERATOR" });
    await expect(acceptInvitation(secretOf(first.link), { name: "Ola Smith", password: "operator password" })).resolves.toMatchObject({ ok: true, role: "OPERATOR" });
    expect(await db().user.findUniqueOrThrow({ where: { email: "ops@instance.test" } })).toMatchObject({ role: "OPERATOR", vendorId: null, districtId: null });

    const again = await createOperatorInvitation({ email: "ops@instance.test" });
    expect(again).toMatchObject({ ok: true, existingOperator: true });
    await expect(describeInvitation(secretOf((again as { link: string }).link))).resolves.toMatchObject({ ok: true, name: "Ola Smith" });

    const audit = await db().auditEvent.findMany({ where: { action: "operator.invited" } });
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({ actorEmail: "system", actorUserId: null, tenantType: "instance", tenantId: null });
  });

  it("refuses an address that belongs to a vendor or district admin, and one that is not an address", async () => {
    const { admin } = await createVendorWithApplication();
    await expect(createOperatorInvitation({ email: admin.email })).resolves.toEqual({
      ok: false,
      error: `${admin.email} already belongs to a vendor or district admin; an operator needs an address of their own.`,
    });
    await expect(createOperatorInvitation({ email: "not-an-address" })).resolves.toMatchObject({ ok: false });
    expect(await db().invitation.count({ where: { email: { in: [admin.email, "not-an-address"] } } })).toBe(0);
  });
});
