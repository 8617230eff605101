"use client";

// Times in the viewer's own time zone and as "2 min ago", which only the browser can write:
// the server's HTML shows UTC and hydration swaps in local time, so the two never disagree.
import { useSyncExternalStore } from "react";

const TICK_MS = 10_000;
let now = Date.now();
let timer: ReturnType<typeof setInterval> | undefined;
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!timer) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      listeners.forEach((notify) => notify());
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** The current time, refreshed every few seconds; null while rendering on the server or hydrating. */
export function useNow(): number | null {
  return useSyncExternalStore(
    subscribe,
    () => now,
    () => null,
  );
}

const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "medium" });
const compactFormat = new Intl.DateTimeFormat(undefined, { month: "short", day: "numeric", hour: "numeric", minute: "2-digit", second: "2-digit" });
const clockFormat = new Intl.DateTimeFormat(undefined, { timeStyle: "medium" });

function utcText(at: string | number): string {
  return `${new Date(at).toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

/** "just now", "2 min ago", "in 5 min", "3 h ago", "2 days ago". */
export function relativeText(at: string, nowMs: number): string {
  const seconds = Math.round((new Date(at).getTime() - nowMs) / 1000);
  const past = seconds <= 0;
  const magnitude = Math.abs(seconds);
  if (magnitude < 45) return past ? "just now" : "in a few seconds";
  const amount =
    magnitude < 3_600 ? `${Math.max(1, Math.round(magnitude / 60))} min` : magnitude < 86_400 ? `${Math.round(magnitude / 3_600)} h` : plural(Math.round(magnitude / 86_400), "day");
  return past ? `${amount} ago` : `in ${amount}`;
}

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? "" : "s"}`;
}

type LocalDateTimeProps = {
  at: string;
  relative?: "title" | "below" | "after";
  /** Without the year, for tables; the full date and time is then the tooltip. */
  compact?: boolean;
};

/** A date and time in the viewer's zone, with "2 min ago" as a tooltip, a second line or in brackets. */
export function LocalDateTime({ at, relative = "title", compact = false }: LocalDateTimeProps) {
  const nowMs = useNow();
  const full = nowMs === null ? utcText(at) : dateTimeFormat.format(new Date(at));
  const text = nowMs !== null && compact ? compactFormat.format(new Date(at)) : full;
  const ago = nowMs === null ? null : relativeText(at, nowMs);
  const title = relative === "title" && ago ? `${full} (${ago})` : compact ? full : undefined;
  return (
    <>
      <time dateTime={at} title={title}>
        {text}
      </time>
      {relative === "below" && ago ? <span className="block text-xs text-slate-500">{ago}</span> : null}
      {relative === "after" && ago ? <span className="text-slate-500"> ({ago})</span> : null}
    </>
  );
}

/** A time of day in the viewer's zone ("14:05:12"), for "Updated …" and "next attempt …". */
export function LocalClock({ at }: { at: string | number }) {
  const nowMs = useNow();
  const iso = new Date(at).toISOString();
  return <time dateTime={iso}>{nowMs === null ? utcText(at) : clockFormat.format(new Date(at))}</time>;
}
