"use client";

// Beside an application's name: is it listed in the Application Gallery, and a button to
// publish or withdraw it (withdrawing asks first, since districts stop seeing it).
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { setGalleryListingAction } from "@/lib/applications/actions";

export function GalleryListing({ applicationId, listed }: { applicationId: string; listed: boolean }) {
  const router = useRouter();
  const [confirmingWithdraw, setConfirmingWithdraw] = useState(false);
  const change = useMutation({
    mutationFn: async (nextListed: boolean) => {
      const result = await setGalleryListingAction({ applicationId, listed: nextListed });
      if (!result.ok) throw new Error(result.formError);
    },
    onSuccess: () => {
      setConfirmingWithdraw(false);
      router.refresh();
    },
  });

  return (
    <div className="flex flex-wrap items-center gap-3 text-sm">
      <span
        className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-medium ${
          listed ? "bg-emerald-50 text-emerald-800 ring-1 ring-emerald-200" : "bg-slate-100 text-slate-700 ring-1 ring-slate-200"
        }`}
      >
        {listed ? "Listed in the Application Gallery" : "Not listed in the Application Gallery"}
      </span>
      {listed && confirmingWithdraw ? (
        <span role="group" aria-label="Confirm withdrawal" className="flex flex-wrap items-center gap-2">
          <span>Districts will no longer find it; those using it keep it.</span>
          <Button variant="secondary" onClick={() => change.mutate(false)} disabled={change.isPending}>
            {change.isPending ? "Withdrawing…" : "Withdraw"}
          </Button>
          <Button variant="ghost" onClick={() => setConfirmingWithdraw(false)} disabled={change.isPending}>
            Cancel
          </Button>
        </span>
      ) : listed ? (
        <Button variant="ghost" onClick={() => setConfirmingWithdraw(true)}>
          Withdraw from gallery…
        </Button>
      ) : (
        <Button variant="secondary" onClick={() => change.mutate(true)} disabled={change.isPending}>
          {change.isPending ? "Publishing…" : "Publish to gallery"}
        </Button>
      )}
      {change.isError && (
        <p role="alert" className="w-full text-red-700">
          {change.error.message}
        </p>
      )}
    </div>
  );
}
