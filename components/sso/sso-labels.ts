// How the sign-in log names each outcome, shared by the log and its filter.
import type { SsoOutcome } from "@/generated/prisma/client";

export const OUTCOME_LABELS: Record<SsoOutcome, string> = {
  signed_in: "Signed in",
  created: "Created (JIT)",
  not_provisioned: "Not provisioned",
  refused: "Refused",
  test: "Test sign-in",
};

export const OUTCOME_TONES: Record<SsoOutcome, string> = {
  signed_in: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  created: "bg-brand-50 text-brand-700 ring-brand-100",
  not_provisioned: "bg-amber-50 text-amber-900 ring-amber-300",
  refused: "bg-red-50 text-red-800 ring-red-200",
  test: "bg-slate-100 text-slate-700 ring-slate-200",
};

export function isSsoOutcome(value: unknown): value is SsoOutcome {
  return typeof value === "string" && Object.hasOwn(OUTCOME_LABELS, value);
}
