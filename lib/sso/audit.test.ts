// The audit log's record of the single sign-on settings and of people created at their first
// sign-in, against a real PostgreSQL; only the session is faked.
import { randomUUID, X509Certificate } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { withAuditContext } from "@/lib/audit/context";
import { getSessionUser, type SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { DEFAULT_ACCOUNT_TYPE_RULES } from "@/lib/sso/account-type-rules";
import { saveAccountTypeRulesAction, saveAttributeMappingAction, saveIdentityProviderAction, saveSignInSwitchesAction } from "@/lib/sso/actions";
import { DEFAULT_ATTRIBUTE_MAPPING } from "@/lib/sso/attributes";
import { EMPTY_IDENTITY_PROVIDER_INPUT, mappingFormValues, rulesFormValues } from "@/lib/sso/settings-schema";
import { completeSignIn } from "@/lib/sso/sign-in";
import { createDistrictAdmin } from "@/test/factories";
import { createIdpKeys } from "@/test/saml-idp/keys";

vi.mock("@/lib/auth/session", () => ({ getSessionUser: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const signInAs = (user: SessionUser) => vi.mocked(getSessionUser).mockResolvedValue(user);
const eventsOf = (districtId: string) => db().auditEvent.findMany({ where: { tenantType: "district", tenantId: districtId }, orderBy: { at: "asc" } });

async function saveManualIdp(entityId: string) {
  const keys = await createIdpKeys({ commonName: "idp.springfield.test" });
  const saved = await saveIdentityProviderAction({ ...EMPTY_IDENTITY_PROVIDER_INPUT, source: "manual", entityId, ssoUrl: "https://idp.springfield.test/sso", certificate: keys.certificate });
  if (!saved.ok) throw new Error(saved.formError);
  return keys;
}

describe("auditing the single sign-on settings", () => {
  it("records the identity provider with its certificate's fingerprint and expiry, never the certificate itself", async () => {
    const admin = await createDistrictAdmin();
    signInAs(admin);
    const first = await saveManualIdp("https://idp.springfield.test/");
    const second = await saveManualIdp("https://idp2.springfield.test/");

    const events = await eventsOf(admin.districtId!);
    expect(events.map((event) => event.summary)).toEqual([
      "Identity provider https://idp.springfield.test/ set up",
      "Identity provider changed to https://idp2.springfield.test/",
    ]);
    const certificateOf = (pem: string) => {
      const certificate = new X509Certificate(pem);
      return { sha256Fingerprint: certificate.fingerprint256, validTo: new Date(certificate.validTo).toISOString() };
    };
    expect(events[0]).toMatchObject({ action: "sso.identity_provider_changed", actorUserId: admin.id, actorRole: "DISTRICT_ADMIN", before: null });
    expect(events[1]).toMatchObject({
      before: { entityId: "https://idp.springfield.test/", certificates: [expect.objectContaining(certificateOf(first.certificate))] },
      after: { entityId: "https://idp2.springfield.test/", ssoUrl: "https://idp.springfield.test/sso", metadataUrl: null, certificates: [expect.objectContaining(certificateOf(second.certificate))] },
    });
    const body = (pem: string) => pem.split("\n").filter((line) => line && !line.startsWith("-----")).join("");
    expect(JSON.stringify(events)).not.toContain(body(first.certificate).slice(0, 64));
  });

  it("records the mapping, the rules and the switches before and after, and nothing for a refused or unchanged save", async () => {
    const admin = await createDistrictAdmin();
    signInAs(admin);
    expect(await saveSignInSwitchesAction({ signInEnabled: true, jitEnabled: false, idpInitiatedAllowed: false })).toMatchObject({ ok: false });
    await saveManualIdp("https://idp.springfield.test/");

    const mapping = mappingFormValues(DEFAULT_ATTRIBUTE_MAPPING, ["springfield.k12.us"]);
    expect(await saveAttributeMappingAction(mapping)).toMatchObject({ ok: true });
    const rules = rulesFormValues({ multiValued: true, rules: DEFAULT_ACCOUNT_TYPE_RULES.rules.slice(1) });
    expect(await saveAccountTypeRulesAction(rules)).toMatchObject({ ok: true });
    expect(await saveAccountTypeRulesAction(rules)).toMatchObject({ ok: true });
    expect(await saveSignInSwitchesAction({ signInEnabled: true, jitEnabled: true, idpInitiatedAllowed: false })).toMatchObject({ ok: true });

    const events = (await eventsOf(admin.districtId!)).slice(1);
    expect(events.map((event) => event.action)).toEqual(["sso.attribute_mapping_changed", "sso.account_type_rules_changed", "sso.sign_in_switches_changed"]);
    expect(events[0]).toMatchObject({ before: { scopeDomains: [] }, after: { scopeDomains: ["springfield.k12.us"], attributeMapping: DEFAULT_ATTRIBUTE_MAPPING } });
    expect(events[1]).toMatchObject({ before: { accountTypeRules: DEFAULT_ACCOUNT_TYPE_RULES }, after: { accountTypeRules: { rules: DEFAULT_ACCOUNT_TYPE_RULES.rules.slice(1) } } });
    expect(events[2]).toMatchObject({
      summary: "Single sign-on turned on; Just-in-time provisioning turned on",
      before: { signInEnabled: false, jitEnabled: false, idpInitiatedAllowed: false },
      after: { signInEnabled: true, jitEnabled: true, idpInitiatedAllowed: false },
    });
  });
});

describe("auditing people created at sign-in", () => {
  it("records the person created just in time as themselves, in the district, and nothing for a known person signing in", async () => {
    const admin = await createDistrictAdmin();
    const districtId = admin.districtId!;
    const connection = await db().ssoConnection.create({
      data: {
        districtId,
        idpEntityId: "https://idp.springfield.k12.us",
        idpSsoUrl: "https://idp.springfield.k12.us/sso",
        idpCertificates: [],
        attributeMapping: DEFAULT_ATTRIBUTE_MAPPING,
        accountTypeRules: DEFAULT_ACCOUNT_TYPE_RULES,
        scopeDomains: ["springfield.k12.us"],
        signInEnabled: true,
        jitEnabled: true,
      },
    });
    const assertion = {
      assertionId: `_${randomUUID()}`,
      issuer: "https://idp.springfield.k12.us",
      nameId: "edna@springfield.k12.us",
      attributes: {
        [DEFAULT_ATTRIBUTE_MAPPING.givenName!]: ["Edna"],
        [DEFAULT_ATTRIBUTE_MAPPING.familyName!]: ["Krabappel"],
        [DEFAULT_ATTRIBUTE_MAPPING.email!]: ["edna@springfield.k12.us"],
        "urn:oid:1.3.6.1.4.1.5923.1.1.1.9": ["faculty@springfield.k12.us"],
      },
      friendlyNames: {},
      notOnOrAfter: new Date("2030-01-01T00:00:00Z"),
    };
    const outcome = await withAuditContext({ actor: { userId: null, email: "unused", role: "system" }, ip: "192.0.2.44" }, () =>
      completeSignIn({ id: districtId }, connection, assertion, { idpInitiated: false }),
    );
    expect(outcome.kind).toBe("created");
    expect(await completeSignIn({ id: districtId }, connection, { ...assertion, assertionId: `_${randomUUID()}` }, { idpInitiated: false })).toMatchObject({ kind: "signed_in" });

    const events = await eventsOf(districtId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: "person.created_at_sign_in",
      summary: "Edna Krabappel created at first single sign-on sign-in",
      tenantType: "district",
      tenantId: districtId,
      actorUserId: null,
      actorEmail: "edna@springfield.k12.us",
      actorRole: "sso",
      ip: "192.0.2.44",
      after: { givenName: "Edna", familyName: "Krabappel", email: "edna@springfield.k12.us", role: "teacher", accountType: "Teacher" },
    });
  });
});
