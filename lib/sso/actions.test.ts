// The Single sign-on page's server actions against a real PostgreSQL: bad input is refused with
// the check's own message and stores nothing; each admin reaches only their own district.
import { revalidatePath } from "next/cache";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { saveAccountTypeRulesAction, saveAttributeMappingAction, saveIdentityProviderAction, saveSignInSwitchesAction } from "@/lib/sso/actions";
import { getSsoConnection } from "@/lib/sso/connection";
import { EMPTY_IDENTITY_PROVIDER_INPUT, mappingFormValues } from "@/lib/sso/settings-schema";
import { createDistrictAdmin, createVendorWithApplication } from "@/test/factories";
import { createIdpKeys, type IdpKeys } from "@/test/saml-idp/keys";
import { startTestIdp, type TestIdp } from "@/test/saml-idp/server";

vi.mock("@/lib/auth/session", () => ({ getSessionUser: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const DAY_MS = 86_400_000;

function signInAs(user: SessionUser) {
  vi.mocked(getSessionUser).mockResolvedValue(user);
}

let keys: IdpKeys;
let idp: TestIdp;

beforeAll(async () => {
  keys = await createIdpKeys();
  idp = await startTestIdp({ keys });
});

afterAll(() => idp.close());

const connectionOf = (districtId: string) => db().ssoConnection.findUnique({ where: { districtId } });

async function adminWithIdentityProvider() {
  const admin = await createDistrictAdmin();
  signInAs(admin);
  const saved = await saveIdentityProviderAction({ ...EMPTY_IDENTITY_PROVIDER_INPUT, source: "xml", xml: idp.metadataXml });
  if (!saved.ok) throw new Error(saved.formError);
  return admin;
}

describe("saving the identity provider", () => {
  it("stores pasted metadata for the admin's own district only, with the default mapping and sign-in off", async () => {
    const admin = await createDistrictAdmin();
    const other = await createDistrictAdmin();
    signInAs(admin);

    const saved = await saveIdentityProviderAction({ ...EMPTY_IDENTITY_PROVIDER_INPUT, source: "xml", xml: idp.metadataXml });
    expect(saved).toEqual({ ok: true, data: { entityId: idp.entityId, warnings: [] } });
    expect(revalidatePath).toHaveBeenCalledWith("/district/sso");

    const settings = await getSsoConnection(admin.districtId!);
    expect(settings.idp).toMatchObject({ entityId: idp.entityId, ssoUrl: `${idp.url}/sso`, metadataUrl: null, certificates: [expect.stringContaining("BEGIN CERTIFICATE")] });
    expect(settings).toMatchObject({ signInEnabled: false, jitEnabled: false, idpInitiatedAllowed: false, attributeMapping: { givenName: "urn:oid:2.5.4.42" } });
    expect((await getSsoConnection(other.districtId!)).idp).toBeNull();
  });

  it("fetches metadata from its URL and remembers the URL", async () => {
    const admin = await createDistrictAdmin();
    signInAs(admin);
    expect(await saveIdentityProviderAction({ ...EMPTY_IDENTITY_PROVIDER_INPUT, source: "url", url: idp.metadataUrl })).toMatchObject({ ok: true });
    expect((await getSsoConnection(admin.districtId!)).idp).toMatchObject({ entityId: idp.entityId, metadataUrl: idp.metadataUrl });
  });

  it("takes hand-entered values and says when the certificate expires soon", async () => {
    const admin = await createDistrictAdmin();
    signInAs(admin);
    const soon = await createIdpKeys({ validFrom: new Date(Date.now() - 300 * DAY_MS), validTo: new Date(Date.now() + 10 * DAY_MS) });
    const saved = await saveIdentityProviderAction({ ...EMPTY_IDENTITY_PROVIDER_INPUT, source: "manual", entityId: "https://idp.springfield.test/", ssoUrl: "https://idp.springfield.test/sso", certificate: soon.certificate });
    expect(saved).toMatchObject({ ok: true, data: { warnings: [expect.stringMatching(/expires on .* \(in (9|10) days\)/)] } });
    expect((await connectionOf(admin.districtId!))?.idpEntityId).toBe("https://idp.springfield.test/");
  });

  it("refuses an expired certificate with the check's message and stores nothing", async () => {
    const admin = await createDistrictAdmin();
    signInAs(admin);
    const expired = await createIdpKeys({ validFrom: new Date(Date.now() - 400 * DAY_MS), validTo: new Date(Date.now() - DAY_MS) });
    const expiredIdp = await startTestIdp({ keys: expired });
    try {
      const pasted = await saveIdentityProviderAction({ ...EMPTY_IDENTITY_PROVIDER_INPUT, source: "xml", xml: expiredIdp.metadataXml });
      expect(pasted).toMatchObject({ ok: false, formError: expect.stringContaining("expired on"), fieldErrors: { xml: expect.stringContaining("Download the current one") } });

      const typed = await saveIdentityProviderAction({ ...EMPTY_IDENTITY_PROVIDER_INPUT, source: "manual", entityId: expiredIdp.entityId, ssoUrl: "https://idp.test/sso", certificate: expired.certificate });
      expect(typed).toMatchObject({ ok: false, fieldErrors: { certificate: expect.stringContaining("expired on") } });
    } finally {
      await expiredIdp.close();
    }
    expect(await connectionOf(admin.districtId!)).toBeNull();
  });

  it("refuses XML with a DOCTYPE, oversized XML and a bad SSO URL, storing nothing", async () => {
    const admin = await createDistrictAdmin();
    signInAs(admin);
    const withDoctype = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>${idp.metadataXml.replace(/^<\?xml[^>]*\?>/, "")}`;
    expect(await saveIdentityProviderAction({ ...EMPTY_IDENTITY_PROVIDER_INPUT, source: "xml", xml: withDoctype })).toMatchObject({
      ok: false,
      fieldErrors: { xml: expect.stringMatching(/DOCTYPE|document type/i) },
    });
    expect(await saveIdentityProviderAction({ ...EMPTY_IDENTITY_PROVIDER_INPUT, source: "xml", xml: `<x>${"a".repeat(200 * 1024)}</x>` })).toMatchObject({
      ok: false,
      fieldErrors: { xml: expect.stringContaining("larger than 160 KB") },
    });
    expect(await saveIdentityProviderAction({ ...EMPTY_IDENTITY_PROVIDER_INPUT, source: "manual", entityId: "https://idp.test/", ssoUrl: "ftp://idp.test/sso", certificate: keys.certificate })).toMatchObject({
      ok: false,
      fieldErrors: { ssoUrl: expect.stringContaining("https://") },
    });
    expect(await connectionOf(admin.districtId!)).toBeNull();
  });

  it("refuses a vendor admin", async () => {
    signInAs((await createVendorWithApplication()).admin);
    expect(await saveIdentityProviderAction({ ...EMPTY_IDENTITY_PROVIDER_INPUT, xml: idp.metadataXml })).toEqual({ ok: false, formError: "Only district admins can change this." });
  });
});

describe("the sign-in switches", () => {
  it("refuse turning sign-in on before an identity provider is saved", async () => {
    const admin = await createDistrictAdmin();
    signInAs(admin);
    expect(await saveSignInSwitchesAction({ signInEnabled: true, jitEnabled: true, idpInitiatedAllowed: false })).toEqual({
      ok: false,
      formError: "Save your identity provider before turning sign-in on.",
    });
    expect(await connectionOf(admin.districtId!)).toBeNull();
  });

  it("turn sign-in and JIT on for the admin's district, not for another", async () => {
    const admin = await adminWithIdentityProvider();
    expect(await saveSignInSwitchesAction({ signInEnabled: true, jitEnabled: true, idpInitiatedAllowed: false })).toMatchObject({ ok: true, data: { signInEnabled: true, jitEnabled: true } });

    const other = await createDistrictAdmin();
    signInAs(other);
    expect(await saveSignInSwitchesAction({ signInEnabled: false, jitEnabled: false, idpInitiatedAllowed: true })).toMatchObject({ ok: false, formError: expect.stringContaining("Save your identity provider first") });
    expect(await connectionOf(admin.districtId!)).toMatchObject({ signInEnabled: true, jitEnabled: true, idpInitiatedAllowed: false });
  });
});

describe("the attribute mapping", () => {
  it("round-trips, leaving Not mapped fields out and saving domains in lower case", async () => {
    const admin = await adminWithIdentityProvider();
    const form = mappingFormValues({ givenName: "urn:oid:2.5.4.42", familyName: "urn:oid:2.5.4.4", email: "urn:oid:0.9.2342.19200300.100.1.3" }, ["@Springfield.K12.us"]);
    const saved = await saveAttributeMappingAction({
      ...form,
      attributeMapping: { ...form.attributeMapping, netid2: "urn:oid:1.3.6.1.4.1.5923.1.1.1.6", accountType: "urn:oid:1.3.6.1.4.1.5923.1.1.1.9" },
    });
    expect(saved).toMatchObject({ ok: true });

    const settings = await getSsoConnection(admin.districtId!);
    expect(settings.attributeMapping).toEqual({
      givenName: "urn:oid:2.5.4.42",
      familyName: "urn:oid:2.5.4.4",
      email: "urn:oid:0.9.2342.19200300.100.1.3",
      netid2: "urn:oid:1.3.6.1.4.1.5923.1.1.1.6",
      accountType: "urn:oid:1.3.6.1.4.1.5923.1.1.1.9",
    });
    expect(settings.scopeDomains).toEqual(["springfield.k12.us"]);
  });

  it("refuses a missing first name, an unsupported attribute, a bad domain and a scoped attribute without a domain, storing nothing", async () => {
    const admin = await adminWithIdentityProvider();
    const before = await getSsoConnection(admin.districtId!);
    const form = mappingFormValues(before.attributeMapping, []);

    expect(await saveAttributeMappingAction({ ...form, attributeMapping: { ...form.attributeMapping, givenName: "", netid: "http://schemas.xmlsoap.org/claims/upn" } })).toMatchObject({
      ok: false,
      fieldErrors: { "attributeMapping.givenName": "Choose the attribute that gives the first name.", "attributeMapping.netid": "Choose one of the supported attributes." },
    });
    expect(await saveAttributeMappingAction({ ...form, scopeDomains: ["https://springfield.k12.us"] })).toMatchObject({
      ok: false,
      fieldErrors: { "scopeDomains.0": expect.stringContaining("domain name only") },
    });
    // The default mapping takes account types from affiliation, a scoped attribute.
    expect(await saveAttributeMappingAction(form)).toMatchObject({ ok: false, fieldErrors: { scopeDomains: expect.stringContaining("add the domain") } });
    expect(await getSsoConnection(admin.districtId!)).toEqual(before);
  });

  it("cannot be saved before the identity provider", async () => {
    const admin = await createDistrictAdmin();
    signInAs(admin);
    const form = mappingFormValues({ givenName: "urn:oid:2.5.4.42", familyName: "urn:oid:2.5.4.4", email: "urn:oid:0.9.2342.19200300.100.1.3" }, []);
    expect(await saveAttributeMappingAction(form)).toMatchObject({ ok: false, formError: expect.stringContaining("Save your identity provider first") });
    expect(await connectionOf(admin.districtId!)).toBeNull();
  });
});

describe("the account-type rules", () => {
  it("round-trip in the district's spelling of each account type", async () => {
    const admin = await adminWithIdentityProvider();
    const saved = await saveAccountTypeRulesAction({
      multiValued: true,
      rules: [
        { kind: "exact", values: "employee, student", accountType: "staff" },
        { kind: "contains", values: "faculty", accountType: "TEACHER" },
        { kind: "default", values: "ignored", accountType: "Student" },
      ],
    });
    expect(saved).toMatchObject({ ok: true });
    expect((await getSsoConnection(admin.districtId!)).accountTypeRules).toEqual({
      multiValued: true,
      rules: [
        { kind: "exact", values: ["employee", "student"], accountType: "Staff" },
        { kind: "contains", values: ["faculty"], accountType: "Teacher" },
        { kind: "default", values: [], accountType: "Student" },
      ],
    });
  });

  it("refuse bad rules and account types the district does not have, storing nothing", async () => {
    const admin = await adminWithIdentityProvider();
    const before = (await getSsoConnection(admin.districtId!)).accountTypeRules;

    expect(
      await saveAccountTypeRulesAction({
        multiValued: false,
        rules: [
          { kind: "contains", values: "student", accountType: "Student" },
          { kind: "default", values: "", accountType: "Student" },
          { kind: "default", values: "", accountType: "Teacher" },
        ],
      }),
    ).toMatchObject({ ok: false, fieldErrors: { "rules.0.kind": expect.stringContaining("multi-valued"), "rules.2.kind": expect.stringContaining("already a DEFAULT") } });

    expect(await saveAccountTypeRulesAction({ multiValued: true, rules: [{ kind: "contains", values: "alum", accountType: "Guest" }] })).toMatchObject({
      ok: false,
      fieldErrors: { "rules.0.accountType": expect.stringContaining('"Guest" is not one of your account types') },
    });
    expect((await getSsoConnection(admin.districtId!)).accountTypeRules).toEqual(before);
  });
});
