// The audit log's view of the single sign-on settings: which section changed, from what to
// what. Signing certificates are public, so they appear as their subject, fingerprint and expiry.
import type { Prisma } from "@/generated/prisma/client";
import { sameValue } from "@/lib/audit/changes";
import { districtTenant, recordAudit } from "@/lib/audit/record";
import { certificateSummary } from "@/lib/sso/certificate";
import type { SsoConnectionSettings } from "@/lib/sso/connection";

export type ConnectionSection = "identity_provider" | "attribute_mapping" | "account_type_rules" | "sign_in_switches";

function certificateView(pem: string) {
  try {
    const { subject, sha256Fingerprint, validTo } = certificateSummary(pem);
    return { subject, sha256Fingerprint, validTo };
  } catch {
    return { unreadable: true };
  }
}

const VIEWS: Record<ConnectionSection, (settings: SsoConnectionSettings | null) => unknown> = {
  identity_provider: (settings) =>
    settings?.idp
      ? { entityId: settings.idp.entityId, ssoUrl: settings.idp.ssoUrl, metadataUrl: settings.idp.metadataUrl, certificates: settings.idp.certificates.map(certificateView) }
      : null,
  attribute_mapping: (settings) => (settings ? { attributeMapping: settings.attributeMapping, scopeDomains: settings.scopeDomains } : null),
  account_type_rules: (settings) => (settings ? { accountTypeRules: settings.accountTypeRules } : null),
  sign_in_switches: (settings) =>
    settings ? { signInEnabled: settings.signInEnabled, jitEnabled: settings.jitEnabled, idpInitiatedAllowed: settings.idpInitiatedAllowed } : null,
};

const SWITCH_NAMES = [
  ["signInEnabled", "Single sign-on"],
  ["jitEnabled", "Just-in-time provisioning"],
  ["idpInitiatedAllowed", "IdP-initiated sign-in"],
] as const;

function summaryOf(section: ConnectionSection, before: SsoConnectionSettings | null, after: SsoConnectionSettings): string {
  switch (section) {
    case "identity_provider":
      return before?.idp ? `Identity provider changed to ${after.idp?.entityId}` : `Identity provider ${after.idp?.entityId} set up`;
    case "attribute_mapping":
      return "Single sign-on attribute mapping changed";
    case "account_type_rules":
      return "Single sign-on account-type rules changed";
    case "sign_in_switches": {
      const flipped = SWITCH_NAMES.filter(([key]) => before?.[key] !== after[key]).map(([key, label]) => `${label} turned ${after[key] ? "on" : "off"}`);
      return flipped.join("; ") || "Single sign-on switches saved";
    }
  }
}

/** Records a section's change in the saving transaction; a save that changed nothing records nothing. */
export async function recordConnectionChange(
  tx: Prisma.TransactionClient,
  districtId: string,
  section: ConnectionSection,
  before: SsoConnectionSettings | null,
  after: SsoConnectionSettings,
): Promise<void> {
  const view = VIEWS[section];
  const [was, is] = [view(before), view(after)];
  if (sameValue(was, is)) return;
  await recordAudit(tx, {
    ...(await districtTenant(tx, districtId)),
    action: `sso.${section}_changed`,
    summary: summaryOf(section, before, after),
    before: was,
    after: is,
  });
}
