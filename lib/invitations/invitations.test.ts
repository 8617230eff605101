import { describe, expect, it } from "vitest";
import { UserFacingError } from "@/lib/actions/result";
import { verifyCredentials } from "@/lib/auth/credentials";
import { hashToken } from "@/lib/crypto/opaque-token";
import { db } from "@/lib/db";
import { acceptInvitation, createInvitation, describeInvitation, INVITATION_LIFETIME_HOURS } from "@/lib/invitations/invitations";
import { sendInvitationMail } from "@/lib/invitations/mail";
import { createDistrictAdmin, createVendorWithApplication } from "@/test/factories";

const PASSWORD = "a long enough password";
const secretOf = (link: string) => link.split("/invite/")[1]!;
const hoursAfter = (date: Date, hours: number) => new Date(date.getTime() + hours * 60 * 60 * 1000);

async function inviteVendorAdmin(email = `new-${Math.random().toString(36).slice(2)}@vendor.test`, now?: Date) {
  const { vendor, admin } = await createVendorWithApplication();
  const invitation = await createInvitation({ email, name: "Kim Lee", role: "VENDOR_ADMIN", vendorId: vendor.id, createdById: admin.id }, now);
  return { vendor, admin, email, invitation, secret: secretOf(invitation.link) };
}

describe("invitations", () => {
  it("let the invited admin set a password once, and then sign in to their vendor", async () => {
    const { vendor, admin, email, invitation, secret } = await inviteVendorAdmin("Kim@Vendor.test");
    expect(invitation.link).toMatch(/^http:\/\/localhost:3000\/invite\/rc_inv_[\w-]{43}$/);
    const stored = await db().invitation.findUniqueOrThrow({ where: { id: invitation.id } });
    expect(stored).toMatchObject({ tokenHash: hashToken(secret), email: "kim@vendor.test", usedAt: null });
    expect(JSON.stringify(stored)).not.toContain(secret);
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBe(INVITATION_LIFETIME_HOURS * 3_600_000);

    await expect(describeInvitation(secret)).resolves.toEqual({
      ok: true,
      email: "kim@vendor.test",
      name: "Kim Lee",
      organisation: vendor.name,
      role: "VENDOR_ADMIN",
    });
    const accepted = await acceptInvitation(secret, { name: "Kim Lee-Park", password: PASSWORD });
    expect(accepted).toMatchObject({ ok: true, role: "VENDOR_ADMIN" });
    const user = await db().user.findUniqueOrThrow({ where: { email: "kim@vendor.test" } });
    expect(user).toMatchObject({ name: "Kim Lee-Park", role: "VENDOR_ADMIN", vendorId: vendor.id, districtId: null });
    await expect(verifyCredentials({ email, password: PASSWORD })).resolves.toMatchObject({ id: user.id });

    await expect(describeInvitation(secret)).resolves.toEqual({ ok: false, reason: "used" });
    await expect(acceptInvitation(secret, { name: "Someone Else", password: "another long password" })).resolves.toEqual({ ok: false, reason: "used" });
    await expect(verifyCredentials({ email, password: "another long password" })).resolves.toBeNull();

    const audit = await db().auditEvent.findMany({ where: { tenantId: vendor.id }, orderBy: { at: "asc" } });
    expect(audit.map(({ action, actorEmail, tenantName }) => ({ action, actorEmail, tenantName }))).toEqual([
      { action: "invitation.created", actorEmail: admin.email, tenantName: vendor.name },
      { action: "invitation.accepted", actorEmail: "kim@vendor.test", tenantName: vendor.name },
    ]);
    expect(JSON.stringify(audit)).not.toContain(secret);
  });

  it("expire after 72 hours", async () => {
    const createdAt = new Date(Date.now() - 73 * 3_600_000);
    const { secret, email } = await inviteVendorAdmin(undefined, createdAt);
    await expect(describeInvitation(secret, hoursAfter(createdAt, 71))).resolves.toMatchObject({ ok: true });
    await expect(describeInvitation(secret)).resolves.toEqual({ ok: false, reason: "expired" });
    await expect(acceptInvitation(secret, { name: "Kim", password: PASSWORD })).resolves.toEqual({ ok: false, reason: "expired" });
    expect(await db().user.findUnique({ where: { email } })).toBeNull();
  });

  it("work once even when accepted twice at the same moment", async () => {
    const { secret, email } = await inviteVendorAdmin();
    const results = await Promise.all([
      acceptInvitation(secret, { name: "First", password: "first long password" }),
      acceptInvitation(secret, { name: "Second", password: "second long password" }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, reason: "used" }]);
    expect(await db().user.count({ where: { email } })).toBe(1);
  });

  it("answer an unknown link as unknown", async () => {
    await expect(describeInvitation("rc_inv_not-a-real-secret")).resolves.toEqual({ ok: false, reason: "unknown" });
    await expect(acceptInvitation("rc_inv_not-a-real-secret", { name: "Kim", password: PASSWORD })).resolves.toEqual({ ok: false, reason: "unknown" });
  });

  it("refuse a short password or an empty name, store nothing and keep the link usable", async () => {
    const { secret, email } = await inviteVendorAdmin();
    await expect(acceptInvitation(secret, { name: "Kim", password: "short" })).rejects.toMatchObject({
      details: { fieldErrors: { password: "Use at least 12 characters" } },
    });
    await expect(acceptInvitation(secret, { name: "  ", password: PASSWORD })).rejects.toMatchObject({ details: { fieldErrors: { name: "Enter your name" } } });
    expect(await db().user.findUnique({ where: { email } })).toBeNull();
    await expect(acceptInvitation(secret, { name: "Kim", password: PASSWORD })).resolves.toMatchObject({ ok: true });
  });

  it("refuse an email that belongs to another organisation's user, when inviting and when accepting", async () => {
    const districtAdmin = await createDistrictAdmin();
    const { vendor, admin } = await createVendorWithApplication();
    await expect(
      createInvitation({ email: districtAdmin.email, name: "", role: "VENDOR_ADMIN", vendorId: vendor.id, createdById: admin.id }),
    ).rejects.toThrow(UserFacingError);

    // The address was free when invited, and taken before the link was opened.
    const { secret, email } = await inviteVendorAdmin();
    await db().user.create({ data: { email, name: "Taken", passwordHash: "!", role: "DISTRICT_ADMIN", districtId: districtAdmin.districtId } });
    await expect(acceptInvitation(secret, { name: "Kim", password: PASSWORD })).rejects.toThrow(/already belongs to another Rollcall account/);
    await expect(describeInvitation(secret)).resolves.toMatchObject({ ok: true });
    expect(await db().user.findUniqueOrThrow({ where: { email } })).toMatchObject({ name: "Taken", role: "DISTRICT_ADMIN" });
  });

  it("let an existing admin of the same vendor set a new password, and replace the earlier link", async () => {
    const { vendor, admin } = await createVendorWithApplication();
    const first = await createInvitation({ email: admin.email, name: "", role: "VENDOR_ADMIN", vendorId: vendor.id, createdById: null });
    const second = await createInvitation({ email: admin.email, name: "", role: "VENDOR_ADMIN", vendorId: vendor.id, createdById: null });
    await expect(describeInvitation(secretOf(first.link))).resolves.toEqual({ ok: false, reason: "expired" });
    await expect(acceptInvitation(secretOf(second.link), { name: "Renamed", password: PASSWORD })).resolves.toEqual({
      ok: true,
      userId: admin.id,
      role: "VENDOR_ADMIN",
    });
    await expect(verifyCredentials({ email: admin.email, password: PASSWORD })).resolves.toMatchObject({ id: admin.id, name: "Renamed" });
  });

  it("invite a district's first admin into that district", async () => {
    const { districtId } = await createDistrictAdmin();
    const invitation = await createInvitation({ email: "first@district.test", name: "", role: "DISTRICT_ADMIN", districtId: districtId!, createdById: null });
    await expect(describeInvitation(secretOf(invitation.link))).resolves.toMatchObject({ organisation: "Test District", role: "DISTRICT_ADMIN" });
    await acceptInvitation(secretOf(invitation.link), { name: "Dana", password: PASSWORD });
    expect(await db().user.findUniqueOrThrow({ where: { email: "first@district.test" } })).toMatchObject({ role: "DISTRICT_ADMIN", districtId });
  });

  it("are not emailed without SMTP_URL: the console shows the link instead", async () => {
    await expect(sendInvitationMail("kim@vendor.test", "http://localhost:3000/invite/rc_inv_x", "Acme")).resolves.toEqual({ sent: false });
  });
});
