"use client";

// The SSH public keys that may sign in to an SFTP account (a district's drop, a vendor's
// outbox), with Remove after a confirmation.
import type { ReactNode } from "react";
import { LocalDateTime } from "@/components/deliveries/local-time";
import { ConfirmedActionButton } from "@/components/ui/confirmed-action-button";
import type { ActionResult } from "@/lib/actions/result";

export type PublicKeyRow = { id: string; name: string; algorithm: string; fingerprint: string; createdAt: string; lastUsedAt: string | null };

type PublicKeyTableProps = {
  keys: PublicKeyRow[];
  empty: ReactNode;
  /** What removing a key does, shown in the confirmation. */
  consequence: string;
  remove: (keyId: string) => Promise<ActionResult<unknown>>;
};

export function PublicKeyTable({ keys, empty, consequence, remove }: PublicKeyTableProps) {
  if (keys.length === 0) {
    return <p className="max-w-4xl rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-600">{empty}</p>;
  }
  return (
    <table className="w-full max-w-4xl overflow-hidden rounded-lg border border-slate-200 bg-white text-left text-sm shadow-sm">
      <caption className="sr-only">SSH keys</caption>
      <thead className="bg-slate-50 text-slate-600">
        <tr>
          <th className="px-4 py-2 font-medium">Name</th>
          <th className="px-4 py-2 font-medium">Algorithm</th>
          <th className="px-4 py-2 font-medium">Fingerprint</th>
          <th className="px-4 py-2 font-medium">Added</th>
          <th className="px-4 py-2 font-medium">Last used</th>
          <th className="px-4 py-2 font-medium">
            <span className="sr-only">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {keys.map((key) => (
          <tr key={key.id} className="border-t border-slate-100 align-top">
            <td className="px-4 py-2 font-medium">{key.name}</td>
            <td className="px-4 py-2 font-mono text-xs whitespace-nowrap">{key.algorithm}</td>
            <td className="px-4 py-2 font-mono text-xs break-all text-slate-600">{key.fingerprint}</td>
            <td className="px-4 py-2">
              <LocalDateTime at={key.createdAt} compact />
            </td>
            <td className="px-4 py-2">{key.lastUsedAt ? <LocalDateTime at={key.lastUsedAt} compact relative="below" /> : <span className="text-slate-500">Never</span>}</td>
            <td className="px-4 py-2 text-right">
              <ConfirmedActionButton verb="Remove" doing="Removing" subject={key.name} consequence={consequence} run={() => remove(key.id)} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
