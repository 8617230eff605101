"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { LocalDateTime } from "@/components/deliveries/local-time";
import { Button } from "@/components/ui/button";
import { revokeApiKeyAction } from "@/lib/partner-api/actions";

export type ApiKeyRow = { id: string; name: string; prefix: string; createdAt: string; lastUsedAt: string | null; revokedAt: string | null };

export function ApiKeyList({ keys }: { keys: ApiKeyRow[] }) {
  if (keys.length === 0) {
    return (
      <p className="max-w-2xl rounded-lg border border-dashed border-slate-300 p-8 text-center text-sm text-slate-600">
        No API keys yet. Create one for each system that calls the Partner API, so you can revoke one without stopping the others.
      </p>
    );
  }
  return (
    <table className="w-full max-w-4xl overflow-hidden rounded-lg border border-slate-200 bg-white text-left text-sm shadow-sm">
      <caption className="sr-only">API keys</caption>
      <thead className="bg-slate-50 text-slate-600">
        <tr>
          <th className="px-4 py-2 font-medium">Name</th>
          <th className="px-4 py-2 font-medium">Key</th>
          <th className="px-4 py-2 font-medium">Created</th>
          <th className="px-4 py-2 font-medium">Last used</th>
          <th className="px-4 py-2 font-medium">
            <span className="sr-only">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {keys.map((key) => (
          <tr key={key.id} className="border-t border-slate-100">
            <td className="px-4 py-2 font-medium">{key.name}</td>
            <td className="px-4 py-2 font-mono text-xs text-slate-600">{key.prefix}…</td>
            <td className="px-4 py-2">
              <LocalDateTime at={key.createdAt} />
            </td>
            <td className="px-4 py-2">{key.lastUsedAt ? <LocalDateTime at={key.lastUsedAt} relative="after" /> : <span className="text-slate-500">Never</span>}</td>
            <td className="px-4 py-2 text-right">{key.revokedAt ? <span className="text-slate-500">Revoked</span> : <RevokeButton keyRow={key} />}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function RevokeButton({ keyRow }: { keyRow: ApiKeyRow }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const revoke = useMutation({
    mutationFn: async () => {
      const result = await revokeApiKeyAction({ keyId: keyRow.id });
      if (!result.ok) throw new Error(result.formError);
    },
    onSuccess: () => router.refresh(),
  });
  if (!confirming) {
    return (
      <Button variant="danger" onClick={() => setConfirming(true)}>
        Revoke…
      </Button>
    );
  }
  return (
    <span role="group" aria-label={`Confirm revoking ${keyRow.name}`} className="inline-flex flex-wrap items-center justify-end gap-2">
      <span className="text-xs text-slate-600">Calls with this key stop working at once.</span>
      <Button variant="secondary" onClick={() => revoke.mutate()} disabled={revoke.isPending}>
        {revoke.isPending ? "Revoking…" : `Revoke ${keyRow.name}`}
      </Button>
      <Button variant="ghost" onClick={() => setConfirming(false)} disabled={revoke.isPending}>
        Cancel
      </Button>
      {revoke.isError && (
        <span role="alert" className="w-full text-xs text-red-700">
          {revoke.error.message}
        </span>
      )}
    </span>
  );
}
