"use client";

// The search above the console's vendor and district lists. It lives in the address, so a
// search survives a reload; a new search starts at the first page.
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState, useTransition } from "react";
import { SearchBox } from "@/components/ui/search-box";

export function TenantSearch({ label }: { label: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [pending, startTransition] = useTransition();
  const [query, setQuery] = useState(params.get("q") ?? "");

  const search = () => {
    const q = query.trim();
    startTransition(() => router.replace(q ? `${pathname}?${new URLSearchParams({ q })}` : pathname, { scroll: false }));
  };

  return (
    <SearchBox name={label} label={label} placeholder="Name or admin email" value={query} onChange={setQuery} onSearch={search} pending={pending}>
      <span role="status" className="pb-2 text-xs text-slate-500">
        {pending ? "Loading…" : ""}
      </span>
    </SearchBox>
  );
}
