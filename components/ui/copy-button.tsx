"use client";

// Copies a text to the clipboard and says whether it worked, in a live region beside the
// button, so the button keeps its name while the outcome is announced.
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";

type CopyButtonProps = { text: string; label: string; disabled?: boolean };

type CopyOutcome = "copied" | "failed" | null;

const OUTCOME_VISIBLE_MS = 2500;

export function CopyButton({ text, label, disabled }: CopyButtonProps) {
  const [outcome, setOutcome] = useState<CopyOutcome>(null);

  useEffect(() => {
    if (outcome !== "copied") return;
    const timer = setTimeout(() => setOutcome(null), OUTCOME_VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [outcome]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setOutcome("copied");
    } catch {
      setOutcome("failed");
    }
  };

  return (
    <span className="inline-flex items-center gap-2">
      <Button variant="secondary" disabled={disabled} onClick={copy}>
        {label}
      </Button>
      <span role="status" className={`text-xs ${outcome === "failed" ? "text-red-700" : "text-slate-500"}`}>
        {outcome === "copied" ? "Copied." : outcome === "failed" ? "Your browser did not allow copying; select the text and copy it yourself." : ""}
      </span>
    </span>
  );
}
