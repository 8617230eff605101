"use client";

// The Outcome and Operation filters above the provisioning log, and Refresh. Both live in the
// address, so a filtered log can be shared and survives a reload; changing one starts at the newest.
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useId, useTransition } from "react";
import { OPERATION_LABELS, OUTCOME_LABELS } from "@/components/scim/scim-labels";
import { Button } from "@/components/ui/button";

const FILTERS = [
  { name: "outcome", label: "Outcome", options: OUTCOME_LABELS },
  { name: "operation", label: "Operation", options: OPERATION_LABELS },
] as const;

export function ProvisioningLogFilters() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [pending, startTransition] = useTransition();

  const change = (name: string, value: string) => {
    const next = new URLSearchParams();
    for (const filter of FILTERS) {
      const current = filter.name === name ? value : params.get(filter.name);
      if (current) next.set(filter.name, current);
    }
    const query = next.toString();
    startTransition(() => router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false }));
  };

  return (
    <div className="flex flex-wrap items-end gap-4">
      {FILTERS.map((filter) => (
        <FilterSelect key={filter.name} label={filter.label} value={params.get(filter.name) ?? ""} options={filter.options} onChange={(value) => change(filter.name, value)} />
      ))}
      <Button variant="secondary" disabled={pending} onClick={() => startTransition(() => router.refresh())}>
        Refresh
      </Button>
      <span role="status" className="pb-2 text-xs text-slate-500">
        {pending ? "Loading…" : ""}
      </span>
    </div>
  );
}

type FilterSelectProps = { label: string; value: string; options: Record<string, string>; onChange: (value: string) => void };

function FilterSelect({ label, value, options, onChange }: FilterSelectProps) {
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-800">
        {label}
      </label>
      <select
        id={id}
        value={Object.hasOwn(options, value) ? value : ""}
        onChange={(event) => onChange(event.target.value)}
        className="block rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-500 focus:ring-2 focus:ring-brand-100 focus:outline-none"
      >
        <option value="">All</option>
        {Object.entries(options).map(([option, optionLabel]) => (
          <option key={option} value={option}>
            {optionLabel}
          </option>
        ))}
      </select>
    </div>
  );
}
