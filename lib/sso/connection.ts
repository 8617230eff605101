// The district's single sign-on connection: one row per district, created when its identity
// provider is first saved (the row needs the IdP's columns), then edited section by section.
import type { Prisma, SsoConnection } from "@/generated/prisma/client";
import { UserFacingError } from "@/lib/actions/result";
import { db } from "@/lib/db";
import { accountTypeLookup, accountTypesOf } from "@/lib/imports/people/account-types";
import { accountTypeRulesSchema, DEFAULT_ACCOUNT_TYPE_RULES } from "@/lib/sso/account-type-rules";
import { attributeMappingSchema, DEFAULT_ATTRIBUTE_MAPPING } from "@/lib/sso/attributes";
import { recordConnectionChange, type ConnectionSection } from "@/lib/sso/connection-audit";
import { checkIdentityProvider, type IdentityProvider } from "@/lib/sso/idp-metadata";
import type { MappingSettings, SignInSwitches } from "@/lib/sso/settings-schema";
import type { AccountTypeRules, AttributeMapping } from "@/lib/sso/types";

export const SAVE_IDP_FIRST = "Save your identity provider first: these settings belong to its connection.";

export type SavedIdentityProvider = IdentityProvider & { metadataUrl: string | null };

export type SsoConnectionSettings = {
  /** Null until the district saves its identity provider. */
  idp: SavedIdentityProvider | null;
  attributeMapping: AttributeMapping;
  accountTypeRules: AccountTypeRules;
  scopeDomains: string[];
  signInEnabled: boolean;
  jitEnabled: boolean;
  idpInitiatedAllowed: boolean;
  updatedAt: Date | null;
};

/** A stored mapping, or the default when the stored JSON no longer passes the schema. */
export function attributeMappingOf(stored: Prisma.JsonValue | null | undefined): AttributeMapping {
  const parsed = attributeMappingSchema.safeParse(stored);
  return parsed.success ? parsed.data : { ...DEFAULT_ATTRIBUTE_MAPPING };
}

export function accountTypeRulesOf(stored: Prisma.JsonValue | null | undefined): AccountTypeRules {
  const parsed = accountTypeRulesSchema.safeParse(stored);
  return parsed.success ? parsed.data : structuredClone(DEFAULT_ACCOUNT_TYPE_RULES);
}

function settingsOf(connection: SsoConnection | null): SsoConnectionSettings {
  if (!connection) {
    return {
      idp: null,
      attributeMapping: { ...DEFAULT_ATTRIBUTE_MAPPING },
      accountTypeRules: structuredClone(DEFAULT_ACCOUNT_TYPE_RULES),
      scopeDomains: [],
      signInEnabled: false,
      jitEnabled: false,
      idpInitiatedAllowed: false,
      updatedAt: null,
    };
  }
  return {
    idp: {
      entityId: connection.idpEntityId,
      ssoUrl: connection.idpSsoUrl,
      certificates: connection.idpCertificates,
      metadataUrl: connection.idpMetadataUrl,
    },
    attributeMapping: attributeMappingOf(connection.attributeMapping),
    accountTypeRules: accountTypeRulesOf(connection.accountTypeRules),
    scopeDomains: connection.scopeDomains,
    signInEnabled: connection.signInEnabled,
    jitEnabled: connection.jitEnabled,
    idpInitiatedAllowed: connection.idpInitiatedAllowed,
    updatedAt: connection.updatedAt,
  };
}

export async function getSsoConnection(districtId: string): Promise<SsoConnectionSettings> {
  return settingsOf(await db().ssoConnection.findUnique({ where: { districtId } }));
}

/** Saves an identity provider that passed its check; the first save creates the connection with the default mapping and rules. */
export async function saveIdentityProvider(districtId: string, idp: IdentityProvider, metadataUrl: string | null, userId: string): Promise<SsoConnectionSettings> {
  const columns = { idpEntityId: idp.entityId, idpSsoUrl: idp.ssoUrl, idpCertificates: idp.certificates, idpMetadataUrl: metadataUrl, updatedById: userId };
  return db().$transaction(async (tx) => {
    const existing = await tx.ssoConnection.findUnique({ where: { districtId } });
    const saved = await tx.ssoConnection.upsert({
      where: { districtId },
      create: {
        districtId,
        ...columns,
        attributeMapping: DEFAULT_ATTRIBUTE_MAPPING,
        accountTypeRules: DEFAULT_ACCOUNT_TYPE_RULES,
        scopeDomains: [],
      },
      update: columns,
    });
    const settings = settingsOf(saved);
    await recordConnectionChange(tx, districtId, "identity_provider", existing && settingsOf(existing), settings);
    return settings;
  });
}

export async function saveMapping(districtId: string, settings: MappingSettings, userId: string): Promise<SsoConnectionSettings> {
  return updateConnection(districtId, "attribute_mapping", { attributeMapping: settings.attributeMapping, scopeDomains: settings.scopeDomains, updatedById: userId });
}

/** Each rule's account type must be one of the district's (Imports › Settings); saved in the district's own spelling. */
export async function saveRules(districtId: string, rules: AccountTypeRules, userId: string): Promise<SsoConnectionSettings> {
  const lookup = accountTypeLookup(await accountTypesOf(districtId));
  const fieldErrors: Record<string, string> = {};
  const canonical = rules.rules.map((rule, index) => {
    const known = lookup(rule.accountType);
    if (!known) fieldErrors[`rules.${index}.accountType`] = `"${rule.accountType}" is not one of your account types. Choose another, or add it on Imports › Settings.`;
    return { ...rule, accountType: known?.accountType ?? rule.accountType };
  });
  if (Object.keys(fieldErrors).length > 0) throw new UserFacingError("Check the highlighted rules. Nothing was saved.", { fieldErrors });
  return updateConnection(districtId, "account_type_rules", { accountTypeRules: { multiValued: rules.multiValued, rules: canonical }, updatedById: userId });
}

/** Sign-in can be turned on only with an identity provider whose details still pass the check (e.g. a certificate not expired since). */
export async function saveSwitches(districtId: string, switches: SignInSwitches, userId: string, now = new Date()): Promise<SsoConnectionSettings> {
  const existing = await db().ssoConnection.findUnique({ where: { districtId } });
  if (!existing) {
    throw new UserFacingError(switches.signInEnabled ? "Save your identity provider before turning sign-in on." : SAVE_IDP_FIRST);
  }
  if (switches.signInEnabled && !existing.signInEnabled) {
    const check = checkIdentityProvider({ entityId: existing.idpEntityId, ssoUrl: existing.idpSsoUrl, certificates: existing.idpCertificates }, now);
    if (!check.ok) throw new UserFacingError(`Sign-in stays off: ${check.message}`, { fieldErrors: { signInEnabled: check.message } });
  }
  return updateConnection(districtId, "sign_in_switches", { ...switches, updatedById: userId });
}

async function updateConnection(districtId: string, section: ConnectionSection, data: Prisma.SsoConnectionUpdateInput): Promise<SsoConnectionSettings> {
  return db().$transaction(async (tx) => {
    const existing = await tx.ssoConnection.findUnique({ where: { districtId } });
    if (!existing) throw new UserFacingError(SAVE_IDP_FIRST);
    const settings = settingsOf(await tx.ssoConnection.update({ where: { districtId }, data }));
    await recordConnectionChange(tx, districtId, section, settingsOf(existing), settings);
    return settings;
  });
}

/** What the Single sign-on page shows besides the log: the district's GUID (its SP addresses), its settings and account types. */
export async function loadSsoPage(districtId: string) {
  const [district, settings, accountTypes] = await Promise.all([
    db().district.findUniqueOrThrow({ where: { id: districtId }, select: { districtGuid: true } }),
    getSsoConnection(districtId),
    accountTypesOf(districtId),
  ]);
  return { districtGuid: district.districtGuid, settings, accountTypes };
}
