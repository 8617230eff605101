"use client";

// The SSH keys that may sign in to the district's SFTP account, with Remove after a confirmation.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { LocalDateTime } from "@/components/deliveries/local-time";
import { Button } from "@/components/ui/button";
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
              <RemoveKeyButton row={key} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function RemoveKeyButton({ row }: { row: SftpKeyRow }) {
  const router = useRouter();
  // "asking" moves focus to Cancel; "cancelled" brings it back to Remove…, for keyboard users.
  const [step, setStep] = useState<"idle" | "asking" | "cancelled">("idle");
  const mutation = useMutation({
    mutationFn: async () => {
      const result = await removeSftpKeyAction({ keyId: row.id });
      if (!result.ok) throw new Error(result.formError);
    },
    onSuccess: () => router.refresh(),
  });

  if (step !== "asking") {
    return (
      <Button variant="danger" autoFocus={step === "cancelled"} onClick={() => setStep("asking")}>
        Remove…
      </Button>
    );
  }
  return (
    <span role="group" aria-label={`Confirm removing ${row.name}`} className="inline-flex flex-wrap items-center justify-end gap-2">
      <span className="text-xs text-slate-600">New sign-ins with this key are refused.</span>
      <Button variant="secondary" onClick={() => mutation.mutate()} disabled={mutation.isPending}>
        {mutation.isPending ? "Removing…" : `Remove ${row.name}`}
      </Button>
      <Button variant="ghost" autoFocus onClick={() => setStep("cancelled")} disabled={mutation.isPending}>
        Cancel
      </Button>
      {mutation.isError && (
        <span role="alert" className="w-full text-xs text-red-700">
          {mutation.error.message}
        </span>
      )}
    </span>
  );
}
