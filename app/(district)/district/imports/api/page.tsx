import type { Metadata } from "next";
import Link from "next/link";
import { DistrictApiTokensPanel } from "@/components/district-api/district-api-tokens-panel";
import { EndpointUrl } from "@/components/district-api/endpoint-url";
import { RequestExample } from "@/components/district-api/request-example";
import { PageSection } from "@/components/ui/page-section";
import { requireDistrictAdmin } from "@/lib/auth/guards";
import { getConfig } from "@/lib/config";
import { MAX_PEOPLE_PER_REQUEST } from "@/lib/district-api/people-request";
import { DISTRICT_TOKEN_PREFIX, listDistrictApiTokens } from "@/lib/district-api/tokens";

export const metadata: Metadata = { title: "API tokens · Imports" };

export default async function ImportsApiPage() {
  const admin = await requireDistrictAdmin();
  const tokens = await listDistrictApiTokens(admin.districtId);
  const url = `${getConfig().publicUrl}/api/district/v1/people`;

  return (
    <>
      <h2 className="text-xl font-semibold">Upsert API</h2>
      <p className="mt-1 max-w-2xl text-sm text-slate-600">
        Your student information system or directory can create, update and deactivate people one request at a time, up to{" "}
        {MAX_PEOPLE_PER_REQUEST.toLocaleString("en-US")} people per request. People are matched by netid3, then netid2, then netid, then email;
        only the properties sent change. Each request appears in your import history.
      </p>

      <PageSection level={3} id="connection" title="Endpoint and tokens">
        <p className="mb-4 max-w-2xl text-sm text-slate-600">
          Send a token as <code>Authorization: Bearer</code>. Tokens start with <code>{DISTRICT_TOKEN_PREFIX}</code> so that secret scanners recognise
          a leaked one; to rotate, create a new token, switch your system over, then revoke the old one.
        </p>
        <div className="space-y-4">
          <EndpointUrl url={url} />
          <DistrictApiTokensPanel
            tokens={tokens.map((token) => ({
              ...token,
              createdAt: token.createdAt.toISOString(),
              lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
              revokedAt: token.revokedAt?.toISOString() ?? null,
            }))}
          />
        </div>
      </PageSection>

      <PageSection level={3} id="format" title="Request format">
        <p className="mb-4 max-w-2xl text-sm text-slate-600">
          Send one person as a JSON object, or <code>{'{"people": [ … ]}'}</code>. A person has any of <code>email</code>, <code>first_name</code>,{" "}
          <code>last_name</code>, <code>account_type</code>, <code>netid</code>, <code>netid2</code>, <code>netid3</code>, <code>grade</code>,{" "}
          <code>school</code>, <code>graduation_year</code> and <code>status</code> (<code>active</code> or <code>inactive</code>). A new person needs
          email, first_name, last_name and account_type. Sending the same request again changes nothing. The full reference is on the{" "}
          <Link href="/developers#district-api" className="text-brand-700 underline">
            API reference
          </Link>{" "}
          page.
        </p>
        <RequestExample url={url} tokenPrefix={DISTRICT_TOKEN_PREFIX} />
      </PageSection>
    </>
  );
}
