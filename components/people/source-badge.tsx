import type { PersonSource } from "@/generated/prisma/client";
import { SOURCE_LABELS } from "@/lib/people/sources";

const TONES: Record<PersonSource, string> = {
  scim: "bg-violet-50 text-violet-800 ring-violet-200",
  oneroster_csv: "bg-sky-50 text-sky-800 ring-sky-200",
  spreadsheet: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  api: "bg-amber-50 text-amber-900 ring-amber-200",
  sso: "bg-rose-50 text-rose-800 ring-rose-200",
  generated: "bg-slate-100 text-slate-700 ring-slate-200",
};

/** The way in that created a person or last set a field, in words. */
export function SourceBadge({ source }: { source: PersonSource }) {
  return <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset ${TONES[source]}`}>{SOURCE_LABELS[source]}</span>;
}

export function StatusBadge({ status, merged = false }: { status: "active" | "tobedeleted"; merged?: boolean }) {
  if (merged) return <span className="text-xs font-medium whitespace-nowrap text-slate-500">Merged</span>;
  return status === "active" ? (
    <span className="text-xs font-medium whitespace-nowrap text-emerald-700">Active</span>
  ) : (
    <span className="text-xs font-medium whitespace-nowrap text-slate-500">To be deleted</span>
  );
}
