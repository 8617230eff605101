"use client";

// Search and the Role, Status and Way in filters above the People list. They live in the
// address, so a filtered list can be shared and survives a reload; changing one starts at the first page.
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useId, useState, useTransition, type FormEvent } from "react";
import { ROLE_LABELS, STATUS_LABELS } from "@/components/people/people-labels";
import { Button } from "@/components/ui/button";
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
  const searchId = useId();

  const go = (changes: Record<string, string>) => {
    const next = new URLSearchParams();
    for (const name of ["q", ...FILTERS.map((filter) => filter.name)]) {
      const value = name in changes ? changes[name] : params.get(name);
      if (value) next.set(name, value);
    }
    const search = next.toString();
    startTransition(() => router.replace(search ? `${pathname}?${search}` : pathname, { scroll: false }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    go({ q: query.trim() });
  };

  return (
    <div className="flex flex-wrap items-end gap-4">
      <form role="search" aria-label="People" onSubmit={submit} className="flex items-end gap-2">
        <div>
          <label htmlFor={searchId} className="mb-1 block text-sm font-medium text-slate-800">
            Search people
          </label>
          <input
            id={searchId}
            type="search"
            value={query}
            maxLength={200}
            onChange={(event) => setQuery(event.target.value)}
            placeholder="Name, email, netid or sourcedId"
            className="block w-72 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm placeholder:text-slate-400 focus:border-brand-500 focus:ring-2 focus:ring-brand-100 focus:outline-none"
          />
        </div>
        <Button type="submit" variant="secondary" disabled={pending}>
          Search
        </Button>
      </form>
      {FILTERS.map((filter) => (
        <FilterSelect key={filter.name} label={filter.label} value={params.get(filter.name) ?? ""} options={filter.options} onChange={(value) => go({ [filter.name]: value })} />
      ))}
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
