"use client";

// The sign-in log's Outcome filter and Refresh. The filter lives in the address, so a filtered
// log survives a reload; changing it starts again at the first page.
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useId, useTransition } from "react";
import { OUTCOME_LABELS } from "@/components/sso/sso-labels";
import { Button } from "@/components/ui/button";

export function SignInLogFilter() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [pending, startTransition] = useTransition();
  const id = useId();
  const current = params.get("outcome") ?? "";

  const change = (outcome: string) => {
    const query = outcome ? `?${new URLSearchParams({ outcome })}` : "";
    startTransition(() => router.replace(`${pathname}${query}#sign-in-log-heading`, { scroll: false }));
  };

  return (
    <div className="flex flex-wrap items-end gap-4">
      <div>
        <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-800">
          Outcome
        </label>
        <select
          id={id}
          value={Object.hasOwn(OUTCOME_LABELS, current) ? current : ""}
          onChange={(event) => change(event.target.value)}
          className="block rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-500 focus:ring-2 focus:ring-brand-100 focus:outline-none"
        >
          <option value="">All</option>
          {Object.entries(OUTCOME_LABELS).map(([outcome, label]) => (
            <option key={outcome} value={outcome}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <Button variant="secondary" disabled={pending} onClick={() => startTransition(() => router.refresh())}>
        Refresh
      </Button>
      <span role="status" className="pb-2 text-xs text-slate-500">
        {pending ? "Loading…" : ""}
      </span>
    </div>
  );
}
