// People and groups the identity provider changed, over the last day and week, and its error rate.
import type { EffectCounts, SyncWindow } from "@/lib/scim/activity";

const WINDOW_LABELS: Record<SyncWindow["window"], string> = { "24h": "Last 24 hours", "7d": "Last 7 days" };
const EFFECTS = ["created", "updated", "deactivated", "deleted"] as const satisfies readonly (keyof EffectCounts)[];
const EFFECT_LABELS: Record<(typeof EFFECTS)[number], string> = { created: "Created", updated: "Updated", deactivated: "Deactivated", deleted: "Deleted" };

const headerCell = "px-3 py-2 text-right text-xs font-semibold text-slate-600";
const cell = "px-3 py-2 text-right tabular-nums";

export function SyncStatistics({ windows }: { windows: SyncWindow[] }) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      {windows.map((stats) => (
        <div key={stats.window} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <table className="w-full text-sm">
            <caption className="mb-2 text-left font-medium text-slate-900">{WINDOW_LABELS[stats.window]}</caption>
            <thead>
              <tr>
                <td />
                {EFFECTS.map((effect) => (
                  <th key={effect} scope="col" className={headerCell}>
                    {EFFECT_LABELS[effect]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row" className="py-2 text-left font-medium text-slate-700">
                  People
                </th>
                {EFFECTS.map((effect) => (
                  <td key={effect} className={cell}>
                    {stats.people[effect].toLocaleString("en-US")}
                  </td>
                ))}
              </tr>
              <tr>
                <th scope="row" className="py-2 text-left font-medium text-slate-700">
                  Groups
                </th>
                {EFFECTS.map((effect) => (
                  <td key={effect} className={cell}>
                    {effect === "deactivated" ? <NotApplicable /> : stats.groups[effect].toLocaleString("en-US")}
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
          <p className="mt-3 text-sm text-slate-600">
            {stats.errorRate === null ? (
              "No requests."
            ) : (
              <>
                Error rate <strong className={stats.errorRate > 0.5 ? "text-red-700" : "text-slate-900"}>{percent(stats.errorRate)}</strong> ·{" "}
                {stats.failures.toLocaleString("en-US")} of {stats.requests.toLocaleString("en-US")} requests failed
              </>
            )}
          </p>
        </div>
      ))}
    </div>
  );
}

/** "0%", "0.4%", "12%": a small rate is not rounded away to nothing. */
function percent(rate: number): string {
  const value = rate * 100;
  if (value === 0 || value >= 10) return `${Math.round(value)}%`;
  return `${Math.max(0.1, Math.round(value * 10) / 10)}%`;
}

function NotApplicable() {
  return (
    <>
      <span aria-hidden className="text-slate-400">—</span>
      <span className="sr-only">not applicable</span>
    </>
  );
}
