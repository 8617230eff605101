"use client";

// Named secrets a signed-in admin created (Partner API keys, SCIM tokens): when each was
// created and last used, and Revoke after a confirmation. The secrets themselves are never here.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { LocalDateTime } from "@/components/deliveries/local-time";
import { Button } from "@/components/ui/button";
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
              {row.revokedAt ? <span className="text-slate-500">Revoked</span> : <RevokeButton row={row} consequence={revokeConsequence} revoke={revoke} />}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

type RevokeButtonProps = { row: CredentialRow; consequence: string; revoke: CredentialListProps["revoke"] };

function RevokeButton({ row, consequence, revoke }: RevokeButtonProps) {
  const router = useRouter();
  // "asking" moves focus to Cancel; "cancelled" brings it back to Revoke…, for keyboard users.
  const [step, setStep] = useState<"idle" | "asking" | "cancelled">("idle");
  const mutation = useMutation({
    mutationFn: async () => {
      const result = await revoke(row.id);
      if (!result.ok) throw new Error(result.formError);
    },
    onSuccess: () => router.refresh(),
  });

  if (step !== "asking") {
    return (
      <Button variant="danger" autoFocus={step === "cancelled"} onClick={() => setStep("asking")}>
        Revoke…
      </Button>
    );
  }
  return (
    <span role="group" aria-label={`Confirm revoking ${row.name}`} className="inline-flex flex-wrap items-center justify-end gap-2">
      <span className="text-xs text-slate-600">{consequence}</span>
      <Button variant="secondary" onClick={() => mutation.mutate()} disabled={mutation.isPending}>
        {mutation.isPending ? "Revoking…" : `Revoke ${row.name}`}
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
