"use server";

import { revalidatePath } from "next/cache";
import { districtAction } from "@/lib/actions/authorised-action";
import { UserFacingError } from "@/lib/actions/result";
import { saveIdentityProvider, saveMapping, saveRules, saveSwitches, type SsoConnectionSettings } from "@/lib/sso/connection";
import { checkIdentityProvider, fetchIdpMetadata, parseIdpMetadata, type IdpCheck } from "@/lib/sso/idp-metadata";
import {
  accountTypeRulesFormSchema,
  identityProviderSchema,
  mappingSettingsSchema,
  signInSwitchesSchema,
  splitCertificates,
  type IdentityProviderInput,
} from "@/lib/sso/settings-schema";

const SSO_PAGE = "/district/sso";

/** Checks the identity provider as given (pasted XML, a metadata URL fetched now, or typed values); stores it only when the check passes. */
export const saveIdentityProviderAction = districtAction(
  () => identityProviderSchema,
  async (admin, input) => {
    const { check, field } = await checkInput(input);
    if (!check.ok) throw new UserFacingError(check.message, { fieldErrors: { [field]: check.message } });
    await saveIdentityProvider(admin.districtId, check.idp, input.source === "url" ? input.url : null, admin.id);
    revalidatePath(SSO_PAGE);
    return { entityId: check.idp.entityId, warnings: check.warnings };
  },
);

async function checkInput(input: IdentityProviderInput): Promise<{ check: IdpCheck; field: keyof IdentityProviderInput }> {
  switch (input.source) {
    case "xml":
      return { check: parseIdpMetadata(input.xml), field: "xml" };
    case "url":
      return { check: await fetchIdpMetadata(input.url.trim()), field: "url" };
    case "manual": {
      const check = checkIdentityProvider({ entityId: input.entityId.trim(), ssoUrl: input.ssoUrl.trim(), certificates: splitCertificates(input.certificate) });
      return { check, field: check.ok ? "certificate" : manualField(check.message) };
    }
  }
}

// Puts a hand-entered value's problem under the field it is about; certificate problems are the rest.
function manualField(message: string): keyof IdentityProviderInput {
  if (/entity ID/i.test(message)) return "entityId";
  if (/SSO\)? URL/i.test(message)) return "ssoUrl";
  return "certificate";
}

export const saveAttributeMappingAction = districtAction(
  () => mappingSettingsSchema,
  async (admin, settings) => done(await saveMapping(admin.districtId, settings, admin.id)),
);

export const saveAccountTypeRulesAction = districtAction(
  () => accountTypeRulesFormSchema,
  async (admin, rules) => done(await saveRules(admin.districtId, rules, admin.id)),
);

export const saveSignInSwitchesAction = districtAction(
  () => signInSwitchesSchema,
  async (admin, switches) => done(await saveSwitches(admin.districtId, switches, admin.id)),
);

function done(settings: SsoConnectionSettings) {
  revalidatePath(SSO_PAGE);
  const { attributeMapping, accountTypeRules, scopeDomains, signInEnabled, jitEnabled, idpInitiatedAllowed } = settings;
  return { attributeMapping, accountTypeRules, scopeDomains, signInEnabled, jitEnabled, idpInitiatedAllowed };
}
