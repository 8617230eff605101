"use client";

// Named secrets a signed-in admin created (Partner API keys, SCIM tokens): when each was
// created and last used, and Revoke after a confirmation. The secrets themselves are never here.
import type { ReactNode } from "react";
import { LocalDateTime } from "@/components/deliveries/local-time";
import { ConfirmedActionButton } from "@/components/ui/confirmed-action-button";
import type { ActionResult } from "@/lib/actions/result";

export type CredentialRow = { id: string; name: string; prefix: string; createdAt: string; lastUsedAt: string | null; revokedAt: string | null };

type CredentialListProps = {
  rows: CredentialRow[];
  /** The table's name for screen readers, e.g. "API keys". */
  caption: string;
  /** The heading of the prefix column, e.g. "Key". */
  prefixHeading: string;
  empty: ReactNode;
  /** What revoking does, said beside the confirmation. */
  revokeConsequence: string;
  revoke: (id: string) => Promise<ActionResult<unknown>>;
};

export function CredentialList({ rows, caption, prefixHeading, empty, revokeConsequence, revoke }: CredentialListProps) {
  if (rows.length === 0) {
    return <p className="max-w-2xl rounded-lg border border-dashed border-slate-300 p-8 text-center text-sm text-slate-600">{empty}</p>;
  }
  return (
    <table className="w-full max-w-4xl overflow-hidden rounded-lg border border-slate-200 bg-white text-left text-sm shadow-sm">
      <caption className="sr-only">{caption}</caption>
      <thead className="bg-slate-50 text-slate-600">
        <tr>
          <th className="px-4 py-2 font-medium">Name</th>
          <th className="px-4 py-2 font-medium">{prefixHeading}</th>
          <th className="px-4 py-2 font-medium">Created</th>
          <th className="px-4 py-2 font-medium">Last used</th>
          <th className="px-4 py-2 font-medium">
            <span className="sr-only">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} className="border-t border-slate-100">
            <td className="px-4 py-2 font-medium">{row.name}</td>
            <td className="px-4 py-2 font-mono text-xs text-slate-600">{row.prefix}…</td>
            <td className="px-4 py-2">
              <LocalDateTime at={row.createdAt} />
            </td>
            <td className="px-4 py-2">{row.lastUsedAt ? <LocalDateTime at={row.lastUsedAt} relative="after" /> : <span className="text-slate-500">Never</span>}</td>
            <td className="px-4 py-2 text-right">
              {row.revokedAt ? <span className="text-slate-500">Revoked</span> : <ConfirmedActionButton verb="Revoke" doing="Revoking" subject={row.name} consequence={revokeConsequence} run={() => revoke(row.id)} />}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
