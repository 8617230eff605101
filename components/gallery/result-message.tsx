"use client";

// The outcome of a change, announced and focused: the button that made it may be gone once
// the page shows the new state, and focus must not fall back to the top of the page.
import { useEffect, useRef } from "react";
import { Alert } from "@/components/ui/alert";

export type Outcome = { id: number; tone: "success" | "error"; text: string };

export function ResultMessage({ outcome }: { outcome: Outcome | null }) {
  const ref = useRef<HTMLDivElement>(null);
  const id = outcome?.id;
  useEffect(() => {
    if (id !== undefined) ref.current?.focus();
  }, [id]);
  if (!outcome) return null;
  return (
    <div ref={ref} tabIndex={-1} className="rounded-md focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500">
      <Alert tone={outcome.tone}>{outcome.text}</Alert>
    </div>
  );
}

let nextOutcomeId = 0;

export function outcome(tone: Outcome["tone"], text: string): Outcome {
  nextOutcomeId += 1;
  return { id: nextOutcomeId, tone, text };
}
