"use client";

// Search and the Role, Status and Way in filters above the People list. They live in the
// address, so a filtered list can be shared and survives a reload; changing one starts at the first page.
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState, useTransition } from "react";
import { ROLE_LABELS, STATUS_LABELS } from "@/components/people/people-labels";
import { FilterSelect } from "@/components/ui/filter-select";
import { SearchBox } from "@/components/ui/search-box";
import { SOURCE_LABELS } from "@/lib/people/sources";

const FILTERS = [
  { name: "role", label: "Role", options: ROLE_LABELS },
  { name: "status", label: "Status", options: STATUS_LABELS },
  { name: "source", label: "Way in", options: SOURCE_LABELS },
] as const;

export function PeopleFilters() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [pending, startTransition] = useTransition();
  const [query, setQuery] = useState(params.get("q") ?? "");

  const go = (changes: Record<string, string>) => {
    const next = new URLSearchParams();
    for (const name of ["q", ...FILTERS.map((filter) => filter.name)]) {
      const value = name in changes ? changes[name] : params.get(name);
      if (value) next.set(name, value);
    }
    const search = next.toString();
    startTransition(() => router.replace(search ? `${pathname}?${search}` : pathname, { scroll: false }));
  };

  return (
    <div className="flex flex-wrap items-end gap-4">
      <SearchBox
        name="People"
        label="Search people"
        placeholder="Name, email, netid or sourcedId"
        value={query}
        onChange={setQuery}
        onSearch={() => go({ q: query.trim() })}
        pending={pending}
      />
      {FILTERS.map((filter) => (
        <FilterSelect key={filter.name} label={filter.label} value={params.get(filter.name) ?? ""} options={filter.options} onChange={(value) => go({ [filter.name]: value })} />
      ))}
      <span role="status" className="pb-2 text-xs text-slate-500">
        {pending ? "Loading…" : ""}
      </span>
    </div>
  );
}
