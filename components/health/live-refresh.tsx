"use client";
// Keeps the health page current: the server renders the figures again every 15 s while the
// tab is visible (and at once when it becomes visible again), or when the operator asks.
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useTransition } from "react";
import { Button } from "@/components/ui/button";

export const REFRESH_EVERY_MS = 15_000;

const clock = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", second: "2-digit" });

export function LiveRefresh({ collectedAt }: { collectedAt: string }) {
  const router = useRouter();
  const [refreshing, startRefresh] = useTransition();
  const refresh = useCallback(() => startRefresh(() => router.refresh()), [router]);

  useEffect(() => {
    let timer: number | undefined;
    const schedule = () => {
      window.clearInterval(timer);
      timer = document.hidden ? undefined : window.setInterval(refresh, REFRESH_EVERY_MS);
    };
    const onVisibility = () => {
      if (!document.hidden) refresh();
      schedule();
    };
    schedule();
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [refresh]);

  return (
    <div className="flex items-center gap-3 text-sm text-slate-600">
      <p aria-live="polite">
        {refreshing ? (
          "Updating…"
        ) : (
          <>
            Updated{" "}
            <time dateTime={collectedAt} suppressHydrationWarning>
              {clock.format(new Date(collectedAt))}
            </time>
          </>
        )}
      </p>
      <Button variant="secondary" onClick={refresh} disabled={refreshing}>
        Refresh
      </Button>
    </div>
  );
}
