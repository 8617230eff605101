// A tenant's status in the console's lists and pages: active, or suspended since a date.
import { formatTimestamp } from "@/components/ui/format-timestamp";

const badge = "inline-flex items-center whitespace-nowrap rounded-full border px-2 py-0.5 text-xs font-medium";

export function TenantStatusBadge({ suspendedAt }: { suspendedAt: Date | null }) {
  if (!suspendedAt) return <span className={`${badge} border-emerald-200 bg-emerald-50 text-emerald-800`}>Active</span>;
  return (
    <span className={`${badge} border-red-200 bg-red-50 text-red-800`} title={`Suspended since ${formatTimestamp(suspendedAt)}`}>
      Suspended
    </span>
  );
}

export function YesNoBadge({ value, yes = "Yes", no = "No" }: { value: boolean; yes?: string; no?: string }) {
  return value ? (
    <span className={`${badge} border-brand-100 bg-brand-50 text-brand-700`}>{yes}</span>
  ) : (
    <span className={`${badge} border-slate-200 bg-slate-50 text-slate-600`}>{no}</span>
  );
}
