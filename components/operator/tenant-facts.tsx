// A labelled list of facts about a tenant on its console page (counts, never secret values).
import type { ReactNode } from "react";

export function TenantFacts({ facts }: { facts: { label: string; value: ReactNode }[] }) {
  return (
    <dl className="grid max-w-3xl grid-cols-[12rem_1fr] gap-y-3 rounded-lg border border-slate-200 bg-white p-6 text-sm shadow-sm">
      {facts.map((fact) => (
        <div key={fact.label} className="contents">
          <dt className="text-slate-500">{fact.label}</dt>
          <dd>{fact.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** "3 Partner API keys", "1 SCIM token", "No SFTP keys". */
export function countOf(count: number, one: string, many: string): string {
  if (count === 0) return `No ${many}`;
  return `${count.toLocaleString("en-US")} ${count === 1 ? one : many}`;
}
