"use client";

// The sign-in log's Outcome filter and Refresh. The filter lives in the address, so a filtered
// log survives a reload; changing it starts again at the first page.
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTransition } from "react";
import { OUTCOME_LABELS } from "@/components/sso/sso-labels";
import { Button } from "@/components/ui/button";
import { FilterSelect } from "@/components/ui/filter-select";

export function SignInLogFilter() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [pending, startTransition] = useTransition();
  const current = params.get("outcome") ?? "";

  const change = (outcome: string) => {
    const query = outcome ? `?${new URLSearchParams({ outcome })}` : "";
    startTransition(() => router.replace(`${pathname}${query}#sign-in-log-heading`, { scroll: false }));
  };

  return (
    <div className="flex flex-wrap items-end gap-4">
      <FilterSelect label="Outcome" value={current} options={OUTCOME_LABELS} onChange={change} />
      <Button variant="secondary" disabled={pending} onClick={() => startTransition(() => router.refresh())}>
        Refresh
      </Button>
      <span role="status" className="pb-2 text-xs text-slate-500">
        {pending ? "Loading…" : ""}
      </span>
    </div>
  );
}
