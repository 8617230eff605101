import type { Metadata } from "next";
import { Suspense } from "react";
import { ProvisioningLog, ProvisioningLogSkeleton } from "@/components/scim/provisioning-log";
import { ProvisioningLogFilters } from "@/components/scim/provisioning-log-filters";
import { RoleMappingForm } from "@/components/scim/role-mapping-form";
import { ScimTokensPanel } from "@/components/scim/scim-tokens-panel";
import { SyncStatistics } from "@/components/scim/sync-statistics";
import { SyncWarningBanner } from "@/components/scim/sync-warning";
import { TenantUrl } from "@/components/scim/tenant-url";
import { PageSection } from "@/components/ui/page-section";
import { requireDistrictAdmin } from "@/lib/auth/guards";
import { getConfig } from "@/lib/config";
import { getSyncStatistics, getSyncWarning, parseLogFilter } from "@/lib/scim/activity";
import { getRoleMapping } from "@/lib/scim/roles";
import { listScimTokens, SCIM_TOKEN_PREFIX } from "@/lib/scim/tokens";

export const metadata: Metadata = { title: "Identity sync" };

type IdentitySyncPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function IdentitySyncPage({ searchParams }: IdentitySyncPageProps) {
  const admin = await requireDistrictAdmin();
  const filter = parseLogFilter(await searchParams);
  const [tokens, statistics, warning, roleMapping] = await Promise.all([
    listScimTokens(admin.districtId),
    getSyncStatistics(admin.districtId),
    getSyncWarning(admin.districtId),
    getRoleMapping(admin.districtId),
  ]);

  return (
    <>
      <h1 className="text-2xl font-semibold">Identity sync</h1>
      <p className="mt-1 max-w-2xl text-sm text-slate-600">
        Your identity provider (Microsoft Entra ID, Okta, …) creates, updates and removes your district&apos;s people and groups in Rollcall over
        SCIM 2.0. Applications you activate read them through the OneRoster Data API.
      </p>
      {warning ? (
        <div className="mt-6">
          <SyncWarningBanner warning={warning} />
        </div>
      ) : null}

      <PageSection id="connection" title="Connection">
        <p className="mb-4 max-w-2xl text-sm text-slate-600">
          In your identity provider&apos;s provisioning settings, enter the Tenant URL and a secret token. Tokens start with{" "}
          <code>{SCIM_TOKEN_PREFIX}</code> so that secret scanners recognise a leaked one; create a new one before revoking the old to rotate.
        </p>
        <div className="space-y-4">
          <TenantUrl url={`${getConfig().publicUrl}/scim/v2`} />
          <ScimTokensPanel
            tokens={tokens.map((token) => ({
              ...token,
              createdAt: token.createdAt.toISOString(),
              lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
              revokedAt: token.revokedAt?.toISOString() ?? null,
            }))}
          />
        </div>
      </PageSection>

      <PageSection id="statistics" title="Sync statistics">
        <SyncStatistics windows={statistics} />
      </PageSection>

      <PageSection id="role-mapping" title="Role mapping">
        <RoleMappingForm initialMapping={roleMapping} />
      </PageSection>

      <PageSection id="provisioning-log" title="Provisioning log" aside={<ProvisioningLogFilters />}>
        <Suspense key={JSON.stringify(filter)} fallback={<ProvisioningLogSkeleton />}>
          <ProvisioningLog districtId={admin.districtId} filter={filter} />
        </Suspense>
      </PageSection>
    </>
  );
}
