import type { ProvisioningChangeEntry } from "@/lib/provisioning/settings";

const formatTime = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export function ChangeHistory({ entries }: { entries: ProvisioningChangeEntry[] }) {
  const [latest] = entries;
  return (
    <aside aria-labelledby="change-history" className="text-sm">
      <h2 id="change-history" className="font-semibold">
        Change history
      </h2>
      {latest ? (
        <p className="mt-1 text-slate-600" data-testid="last-change">
          Last changed by {latest.actorName ?? "a removed user"} on <time dateTime={latest.at.toISOString()}>{formatTime.format(latest.at)} UTC</time>
        </p>
      ) : (
        <p className="mt-1 text-slate-500">No changes yet. Changes appear here after the first save.</p>
      )}
      <ol className="mt-4 space-y-4 border-l border-slate-200 pl-4">
        {entries.map((entry) => (
          <li key={entry.id}>
            <p className="text-xs text-slate-500">
              <time dateTime={entry.at.toISOString()}>{formatTime.format(entry.at)} UTC</time> · {entry.actorName ?? "removed user"}
            </p>
            <ul className="mt-1 list-disc pl-4 text-slate-700">
              {entry.lines.map((line, index) => (
                <li key={index}>{line}</li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </aside>
  );
}
