"use client";

// A calendar date in the viewer's own locale and time zone ("Nov 26, 2026"). Only the
// browser knows those: the server's HTML shows the UTC date and hydration swaps in the
// local one, so the two never disagree.
import { useSyncExternalStore } from "react";

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "full", timeStyle: "short" });

const noSubscription = () => () => {};

function useIsBrowser(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

export function LocalDate({ at }: { at: string }) {
  const inBrowser = useIsBrowser();
  const date = new Date(at);
  return (
    <time dateTime={at} title={inBrowser ? dateTimeFormat.format(date) : undefined}>
      {inBrowser ? dateFormat.format(date) : `${at.slice(0, 10)} UTC`}
    </time>
  );
}
