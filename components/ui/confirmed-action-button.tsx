"use client";

// A destructive action on one named thing (revoke a token, remove a key): the button asks
// first, says what will happen, then runs the server action and refreshes the page.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions/result";

type ConfirmedActionButtonProps = {
  /** The verb, as the button says it: "Revoke", "Remove". */
  verb: string;
  /** The present participle while it runs: "Revoking", "Removing". */
  doing: string;
  /** The name of the thing acted on, e.g. the token's name. */
  subject: string;
  /** What the action does, said beside the confirmation. */
  consequence: string;
  run: () => Promise<ActionResult<unknown>>;
};

export function ConfirmedActionButton({ verb, doing, subject, consequence, run }: ConfirmedActionButtonProps) {
  const router = useRouter();
  // "asking" moves focus to Cancel; "cancelled" brings it back to the button, for keyboard users.
  const [step, setStep] = useState<"idle" | "asking" | "cancelled">("idle");
  const mutation = useMutation({
    mutationFn: async () => {
      const result = await run();
      if (!result.ok) throw new Error(result.formError);
    },
    onSuccess: () => router.refresh(),
  });

  if (step !== "asking") {
    return (
      <Button variant="danger" autoFocus={step === "cancelled"} onClick={() => setStep("asking")}>
        {verb}…
      </Button>
    );
  }
  return (
    <span role="group" aria-label={`Confirm ${doing.toLowerCase()} ${subject}`} className="inline-flex flex-wrap items-center justify-end gap-2">
      <span className="text-xs text-slate-600">{consequence}</span>
      <Button variant="secondary" onClick={() => mutation.mutate()} disabled={mutation.isPending}>
        {mutation.isPending ? `${doing}…` : `${verb} ${subject}`}
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
