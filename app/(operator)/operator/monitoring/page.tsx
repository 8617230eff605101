import type { Metadata } from "next";
import { OperatorTokensPanel } from "@/components/monitoring/operator-tokens-panel";
import { ScrapeInstructions } from "@/components/monitoring/scrape-instructions";
import { PageSection } from "@/components/ui/page-section";
import { requireOperator } from "@/lib/auth/guards";
import { getConfig } from "@/lib/config";
import { listOperatorTokens, OPERATOR_TOKEN_PREFIX } from "@/lib/monitoring/operator-tokens";
import { monitoringEndpoints } from "@/lib/monitoring/scrape-config";

export const metadata: Metadata = { title: "Monitoring" };

export default async function OperatorMonitoringPage() {
  await requireOperator();
  const tokens = await listOperatorTokens();
  return (
    <>
      <h1 className="text-2xl font-semibold">Monitoring</h1>
      <p className="mt-1 max-w-2xl text-sm text-slate-600">
        Let the monitoring tools you already run watch this instance: the figures of the Health page, in Prometheus text format, for anyone holding an
        operator token.
      </p>

      <PageSection id="operator-tokens" title="Operator tokens">
        <p className="mb-4 max-w-2xl text-sm text-slate-600">
          Tokens start with <code>{OPERATOR_TOKEN_PREFIX}</code> so that secret scanners recognise a leaked one. They read the metrics and nothing else;
          create a new one before revoking the old to rotate.
        </p>
        <OperatorTokensPanel
          tokens={tokens.map((token) => ({
            ...token,
            createdAt: token.createdAt.toISOString(),
            lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
            revokedAt: token.revokedAt?.toISOString() ?? null,
          }))}
        />
      </PageSection>

      <PageSection id="scraping" title="Scraping">
        <ScrapeInstructions endpoints={monitoringEndpoints(getConfig().publicUrl)} />
      </PageSection>
    </>
  );
}
