// The launch portal's server actions against a real PostgreSQL; only the session is faked.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { saveLaunchSettingsAction, setActivationVisibilityAction } from "@/lib/launch/actions";
import type { ActivationVisibilityInput } from "@/lib/launch/schema";
import { ACTIVATION_NOT_FOUND } from "@/lib/launch/visibility";
import { createActivation, createDistrictAdmin, createVendorWithApplication } from "@/test/factories";

vi.mock("@/lib/auth/session", () => ({ getSessionUser: vi.fn() }));

function signInAs(user: SessionUser | null) {
  vi.mocked(getSessionUser).mockResolvedValue(user);
}

const launchUrlOf = async (applicationId: string) =>
  (await db().application.findUniqueOrThrow({ where: { id: applicationId }, select: { launchUrl: true } })).launchUrl;

describe("saveLaunchSettingsAction", () => {
  let acme: Awaited<ReturnType<typeof createVendorWithApplication>>;

  beforeEach(async () => {
    acme = await createVendorWithApplication("Acme");
    signInAs(acme.admin);
  });

  it("saves the launch URL, and clears it when left blank", async () => {
    const applicationId = acme.application.id;
    expect(await saveLaunchSettingsAction({ applicationId, launchUrl: " https://acme.test/rollcall/launch " })).toEqual({
      ok: true,
      data: { applicationId, launchUrl: "https://acme.test/rollcall/launch" },
    });
    expect(await launchUrlOf(applicationId)).toBe("https://acme.test/rollcall/launch");

    expect((await saveLaunchSettingsAction({ applicationId, launchUrl: "" })).ok).toBe(true);
    expect(await launchUrlOf(applicationId)).toBeNull();
  });

  it("allows plain http only for the operator's listed hosts", async () => {
    const applicationId = acme.application.id;
    expect((await saveLaunchSettingsAction({ applicationId, launchUrl: "http://127.0.0.1:4010/launch" })).ok).toBe(true);
    expect(await launchUrlOf(applicationId)).toBe("http://127.0.0.1:4010/launch");
  });

  it("stores nothing when the URL is not acceptable, and says why", async () => {
    const applicationId = acme.application.id;
    await saveLaunchSettingsAction({ applicationId, launchUrl: "https://acme.test/launch" });
    const refusals = {
      "http://acme.test/launch": /^Use https:\/\/ \(plain http:\/\/ is allowed only for localhost/,
      "acme.test/launch": /^Enter a full URL/,
      "https://user:pass@acme.test/launch": /^Remove the user name and password/,
      "javascript:alert(1)": /^Use an https:\/\/ URL/,
    };
    for (const [launchUrl, message] of Object.entries(refusals)) {
      expect(await saveLaunchSettingsAction({ applicationId, launchUrl })).toEqual({
        ok: false,
        formError: "Check the highlighted fields.",
        fieldErrors: { launchUrl: expect.stringMatching(message) },
      });
    }
    expect(await launchUrlOf(applicationId)).toBe("https://acme.test/launch");
  });

  it("treats another vendor's application as not found", async () => {
    const globex = await createVendorWithApplication("Globex");
    signInAs(globex.admin);
    expect(await saveLaunchSettingsAction({ applicationId: acme.application.id, launchUrl: "https://globex.test/steal" })).toEqual({
      ok: false,
      formError: "This application was not found. It may have been deleted.",
    });
    expect(await launchUrlOf(acme.application.id)).toBeNull();
  });

  it("is refused to district admins", async () => {
    signInAs(await createDistrictAdmin());
    const result = await saveLaunchSettingsAction({ applicationId: acme.application.id, launchUrl: "https://district.test/" });
    expect(result).toEqual({ ok: false, formError: "Only vendor admins can change this." });
    expect(await launchUrlOf(acme.application.id)).toBeNull();
  });
});

describe("setActivationVisibilityAction", () => {
  let admin: SessionUser;
  let applicationId: string;
  const hiddenRolesOf = async (districtId: string) =>
    (await db().activation.findUniqueOrThrow({ where: { districtId_applicationId: { districtId, applicationId } } })).hiddenFromRoles;

  beforeEach(async () => {
    admin = await createDistrictAdmin();
    applicationId = (await createVendorWithApplication()).application.id;
    await createActivation(admin.districtId!, applicationId);
    signInAs(admin);
  });

  it("hides the application from the chosen roles, and shows it again", async () => {
    expect(await setActivationVisibilityAction({ applicationId, hiddenFromRoles: ["aide", "student", "student"] })).toEqual({
      ok: true,
      data: { hiddenFromRoles: ["student", "aide"] },
    });
    expect(await hiddenRolesOf(admin.districtId!)).toEqual(["student", "aide"]);

    expect((await setActivationVisibilityAction({ applicationId, hiddenFromRoles: [] })).ok).toBe(true);
    expect(await hiddenRolesOf(admin.districtId!)).toEqual([]);
  });

  it("treats another district's activation as not found", async () => {
    const otherAdmin = await createDistrictAdmin();
    signInAs(otherAdmin);
    expect(await setActivationVisibilityAction({ applicationId, hiddenFromRoles: ["teacher"] })).toEqual({ ok: false, formError: ACTIVATION_NOT_FOUND });
    expect(await hiddenRolesOf(admin.districtId!)).toEqual([]);
  });

  it("refuses a deactivated activation and a role that does not exist", async () => {
    await db().activation.updateMany({ where: { districtId: admin.districtId!, applicationId }, data: { status: "deactivated" } });
    expect(await setActivationVisibilityAction({ applicationId, hiddenFromRoles: ["teacher"] })).toEqual({ ok: false, formError: ACTIVATION_NOT_FOUND });

    const bogus = { applicationId, hiddenFromRoles: ["superuser"] } as unknown as ActivationVisibilityInput;
    expect(await setActivationVisibilityAction(bogus)).toMatchObject({ ok: false, fieldErrors: { "hiddenFromRoles.0": "Choose roles from the list." } });
    expect(await hiddenRolesOf(admin.districtId!)).toEqual([]);
  });
});
