// The district's stored connection against a real PostgreSQL: defaults before anything is
// saved, stored JSON read through the schemas, and sign-in refused with an expired certificate.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { DEFAULT_ACCOUNT_TYPE_RULES } from "@/lib/sso/account-type-rules";
import { DEFAULT_ATTRIBUTE_MAPPING } from "@/lib/sso/attributes";
import { getSsoConnection, saveIdentityProvider, saveRules, saveSwitches } from "@/lib/sso/connection";
import { createDistrictAdmin } from "@/test/factories";
import { createIdpKeys } from "@/test/saml-idp/keys";

const DAY_MS = 86_400_000;

async function districtWithConnection() {
  const admin = await createDistrictAdmin();
  const { certificate } = await createIdpKeys();
  await saveIdentityProvider(admin.districtId!, { entityId: "https://idp.test/", ssoUrl: "https://idp.test/sso", certificates: [certificate] }, null, admin.id);
  return { admin, districtId: admin.districtId! };
}

describe("the district's SSO connection", () => {
  it("has the defaults and no identity provider before anything is saved", async () => {
    const admin = await createDistrictAdmin();
    expect(await getSsoConnection(admin.districtId!)).toEqual({
      idp: null,
      attributeMapping: DEFAULT_ATTRIBUTE_MAPPING,
      accountTypeRules: DEFAULT_ACCOUNT_TYPE_RULES,
      scopeDomains: [],
      signInEnabled: false,
      jitEnabled: false,
      idpInitiatedAllowed: false,
      updatedAt: null,
    });
  });

  it("keeps the mapping, rules and switches when the identity provider is saved again", async () => {
    const { admin, districtId } = await districtWithConnection();
    await saveRules(districtId, { multiValued: false, rules: [{ kind: "default", values: [], accountType: "Teacher" }] }, admin.id);
    await saveSwitches(districtId, { signInEnabled: true, jitEnabled: true, idpInitiatedAllowed: false }, admin.id);

    const { certificate } = await createIdpKeys();
    await saveIdentityProvider(districtId, { entityId: "https://idp.test/", ssoUrl: "https://idp.test/sso2", certificates: [certificate] }, "https://idp.test/metadata", admin.id);

    const settings = await getSsoConnection(districtId);
    expect(settings.idp).toMatchObject({ ssoUrl: "https://idp.test/sso2", metadataUrl: "https://idp.test/metadata", certificates: [certificate] });
    expect(settings).toMatchObject({ signInEnabled: true, jitEnabled: true, accountTypeRules: { multiValued: false, rules: [{ kind: "default", accountType: "Teacher" }] } });
  });

  it("reads stored JSON that no longer passes the schemas as the defaults", async () => {
    const { districtId } = await districtWithConnection();
    await db().ssoConnection.update({
      where: { districtId },
      data: { attributeMapping: { givenName: "not-an-attribute" }, accountTypeRules: { multiValued: "sometimes", rules: 3 } },
    });
    const settings = await getSsoConnection(districtId);
    expect(settings.attributeMapping).toEqual(DEFAULT_ATTRIBUTE_MAPPING);
    expect(settings.accountTypeRules).toEqual(DEFAULT_ACCOUNT_TYPE_RULES);
  });

  it("refuses to turn sign-in on once the saved certificate has expired, but lets it be turned off", async () => {
    const { admin, districtId } = await districtWithConnection();
    await saveSwitches(districtId, { signInEnabled: true, jitEnabled: false, idpInitiatedAllowed: false }, admin.id);
    const expired = await createIdpKeys({ validFrom: new Date(Date.now() - 400 * DAY_MS), validTo: new Date(Date.now() - DAY_MS) });
    await db().ssoConnection.update({ where: { districtId }, data: { idpCertificates: [expired.certificate] } });

    await saveSwitches(districtId, { signInEnabled: false, jitEnabled: false, idpInitiatedAllowed: false }, admin.id);
    await expect(saveSwitches(districtId, { signInEnabled: true, jitEnabled: false, idpInitiatedAllowed: false }, admin.id)).rejects.toThrow(/Sign-in stays off: .*expired on/);
    expect((await getSsoConnection(districtId)).signInEnabled).toBe(false);
  });
});
