"use client";

// The search above the console's vendor and district lists. It lives in the address, so a
// search survives a reload; a new search starts at the first page.
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useId, useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";

export function TenantSearch({ label }: { label: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [pending, startTransition] = useTransition();
  const [query, setQuery] = useState(params.get("q") ?? "");
  const id = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const q = query.trim();
    startTransition(() => router.replace(q ? `${pathname}?${new URLSearchParams({ q })}` : pathname, { scroll: false }));
  };

  return (
    <form role="search" aria-label={label} onSubmit={submit} className="flex items-end gap-2">
      <div>
        <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-800">
          {label}
        </label>
        <input
          id={id}
          type="search"
          value={query}
          maxLength={200}
          onChange={(event) => setQuery(event.target.value)}
          placeholder="Name or admin email"
          className="block w-72 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm placeholder:text-slate-400 focus:border-brand-500 focus:ring-2 focus:ring-brand-100 focus:outline-none"
        />
      </div>
      <Button type="submit" variant="secondary" disabled={pending}>
        Search
      </Button>
      <span role="status" className="pb-2 text-xs text-slate-500">
        {pending ? "Loading…" : ""}
      </span>
    </form>
  );
}
