"use client";

// The SSH keys that may sign in to the district's SFTP account, with Remove after a confirmation.
import { LocalDateTime } from "@/components/deliveries/local-time";
import { ConfirmedActionButton } from "@/components/ui/confirmed-action-button";
import { removeSftpKeyAction } from "@/lib/sftp/actions";

export type SftpKeyRow = { id: string; name: string; algorithm: string; fingerprint: string; createdAt: string; lastUsedAt: string | null };

export function SftpKeyList({ keys }: { keys: SftpKeyRow[] }) {
  if (keys.length === 0) {
    return (
      <p className="max-w-4xl rounded-lg border border-dashed border-slate-300 p-8 text-center text-sm text-slate-600">
        No keys yet, so nothing can sign in. Add the public key of each system that will drop files (your SIS, a nightly script), so you can remove one
        without stopping the others.
      </p>
    );
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
              <ConfirmedActionButton
                verb="Remove"
                doing="Removing"
                subject={key.name}
                consequence="New sign-ins with this key are refused."
                run={() => removeSftpKeyAction({ keyId: key.id })}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
