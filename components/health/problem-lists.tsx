// The tenants in trouble, one section per kind of failure, each line linking to the
// vendor's or district's console page where the operator can follow it up.
import Link from "next/link";
import type { ReactNode } from "react";
import { PageSection } from "@/components/ui/page-section";
import { formatTimestamp } from "@/components/ui/format-timestamp";
import type { HealthFigures } from "@/lib/health/figures";

export function ProblemLists({ health }: { health: HealthFigures }) {
  return (
    <>
      <PageSection id="failing-webhooks" title="Failing webhook endpoints">
        <ProblemList
          empty="No failing webhook endpoints."
          items={health.failingEndpoints.map((endpoint) => ({
            key: endpoint.applicationId,
            href: endpoint.href,
            title: `${endpoint.vendorName} · ${endpoint.applicationName}`,
            detail: [
              endpoint.host ?? "No webhook URL",
              endpoint.lastStatusCode ? `last answer ${endpoint.lastStatusCode}` : "no answer",
              endpoint.failingSince ? `failing since ${formatTimestamp(endpoint.failingSince)}` : null,
            ],
          }))}
        />
      </PageSection>
      <PageSection id="failed-deliveries" title="File deliveries failed in the last 24 hours">
        <ProblemList
          empty="No file delivery failed in the last 24 hours."
          items={health.failedDeliveries.map((row) => ({
            key: row.applicationId,
            href: row.href,
            title: `${row.vendorName} · ${row.applicationName}`,
            detail: [times(row.failed, "failed run"), row.lastErrorKind && `last reason: ${row.lastErrorKind.replaceAll("_", " ")}`, `last at ${formatTimestamp(row.lastFailedAt)}`],
          }))}
        />
      </PageSection>
      <PageSection id="failed-imports" title="Imports failed in the last 24 hours">
        <ProblemList
          empty="No import failed in the last 24 hours."
          items={health.failedImports.map((row) => ({
            key: row.districtId,
            href: row.href,
            title: row.districtName,
            detail: [times(row.failed, "failed import"), `last at ${formatTimestamp(row.lastFailedAt)}`],
          }))}
        />
      </PageSection>
      <PageSection id="noisy-scim" title="SCIM tokens with high error rates">
        <ProblemList
          empty="No SCIM token's requests are mostly failing."
          items={health.noisyScimTokens.map((row) => ({
            key: row.tokenId,
            href: row.href,
            title: `${row.districtName} · ${row.tokenName}`,
            detail: [
              `${row.tokenPrefix}…`,
              row.revoked && "revoked, still in use",
              `${Math.round(row.failedShare * 100)}% of its last ${times(row.requests, "request")} failed`,
            ],
          }))}
        />
      </PageSection>
    </>
  );
}

type Problem = { key: string; href: string; title: string; detail: (string | null | false)[] };

function ProblemList({ items, empty }: { items: Problem[]; empty: ReactNode }) {
  if (items.length === 0) {
    return <p className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-6 text-sm text-slate-600">{empty}</p>;
  }
  return (
    <ul className="divide-y divide-slate-100 rounded-lg border border-amber-300 bg-white shadow-sm">
      {items.map((item) => (
        <li key={item.key} className="px-4 py-3 text-sm">
          <Link href={item.href} className="font-medium text-brand-700 underline-offset-2 hover:underline">
            {item.title}
          </Link>
          <p className="mt-0.5 text-slate-600">{item.detail.filter(Boolean).join(" · ")}</p>
        </li>
      ))}
    </ul>
  );
}

function times(count: number, noun: string): string {
  return `${count.toLocaleString("en-US")} ${noun}${count === 1 ? "" : "s"}`;
}
