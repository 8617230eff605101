"use client";

// The pairs of one page of Duplicates, and the outcome of the last Not a duplicate: the
// dismissed pair leaves the list, so its message is shown (and focused) above the list.
import { useState } from "react";
import { DuplicatePairCard } from "@/components/people/duplicate-pair-card";
import { ResultMessage, type Outcome } from "@/components/gallery/result-message";
import type { DuplicateEvidence } from "@/lib/people/duplicates";
import type { PersonRecord } from "@/lib/people/records";

export type PairView = { first: PersonRecord; second: PersonRecord; evidence: DuplicateEvidence[] };

export function DuplicateList({ pairs }: { pairs: PairView[] }) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  return (
    <div className="space-y-4">
      <ResultMessage outcome={outcome} />
      <ul className="space-y-6" aria-label="Probable duplicates">
        {pairs.map((pair) => (
          <li key={`${pair.first.id} ${pair.second.id}`}>
            <DuplicatePairCard pair={pair} onOutcome={setOutcome} />
          </li>
        ))}
      </ul>
    </div>
  );
}
