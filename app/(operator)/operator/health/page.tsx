import type { Metadata } from "next";
import { HealthSummary } from "@/components/health/health-summary";
import { LiveRefresh } from "@/components/health/live-refresh";
import { ProblemLists } from "@/components/health/problem-lists";
import { requireOperator } from "@/lib/auth/guards";
import { collectHealth } from "@/lib/health/figures";

export const metadata: Metadata = { title: "Health" };

export default async function OperatorHealthPage() {
  await requireOperator();
  const health = await collectHealth();
  return (
    <>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Health</h1>
          <p className="mt-1 max-w-2xl text-sm text-slate-600">
            This instance&apos;s job queue, workers and database, and the tenants whose webhooks, file deliveries, imports or SCIM clients are failing. Open a
            tenant to follow it up. Monitoring tools can read the same figures at <code>/api/health</code>.
          </p>
        </div>
        <LiveRefresh collectedAt={health.collectedAt.toISOString()} />
      </div>
      <HealthSummary health={health} />
      <ProblemLists health={health} />
    </>
  );
}
