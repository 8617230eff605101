"use client";

// The Outcome and Operation filters above the provisioning log, and Refresh. Both live in the
// address, so a filtered log can be shared and survives a reload; changing one starts at the newest.
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTransition } from "react";
import { OPERATION_LABELS, OUTCOME_LABELS } from "@/components/scim/scim-labels";
import { Button } from "@/components/ui/button";
import { FilterSelect } from "@/components/ui/filter-select";

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
