// The deliveries log's filters as the browser reads and writes them in the URL. Kept apart
// from lib/webhooks/deliveries, which is server-only; the server parses the same URL again.
import type { DeliveryRow } from "@/lib/webhooks/deliveries";

export type DeliveryStatus = DeliveryRow["status"];
export type DeliveryMode = DeliveryRow["mode"];
export type ListFilter = { status?: DeliveryStatus; mode?: DeliveryMode };

/** Every status and mode with its label; a Record, so a new enum value fails type-checking here. */
export const STATUS_LABELS: Record<DeliveryStatus, string> = {
  pending: "Pending",
  retrying: "Retrying",
  delivered: "Delivered",
  failed: "Failed",
};

export const MODE_LABELS: Record<DeliveryMode, string> = {
  test: "Test",
  trial: "Trial",
  standard: "Standard",
};

const isStatus = (value: string | null): value is DeliveryStatus => value !== null && Object.hasOwn(STATUS_LABELS, value);
const isMode = (value: string | null): value is DeliveryMode => value !== null && Object.hasOwn(MODE_LABELS, value);

/** Unknown values are dropped, as the server's parseDeliveryFilter does. */
export function readListFilter(params: { get(name: string): string | null }): ListFilter {
  const status = params.get("status");
  const mode = params.get("mode");
  return { ...(isStatus(status) && { status }), ...(isMode(mode) && { mode }) };
}

/** "status=failed&mode=test", in a fixed order so that equal filters give equal strings. */
export function listFilterQuery(filter: ListFilter, before?: string): string {
  const params = new URLSearchParams();
  if (filter.status) params.set("status", filter.status);
  if (filter.mode) params.set("mode", filter.mode);
  if (before) params.set("before", before);
  return params.toString();
}

export function withQuery(path: string, query: string): string {
  return query ? `${path}?${query}` : path;
}

/** A page's `searchParams` prop as URLSearchParams, for parseDeliveryFilter and readListFilter. */
export function toUrlSearchParams(record: Record<string, string | string[] | undefined>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(record)) {
    for (const item of [value ?? []].flat()) params.append(name, item);
  }
  return params;
}
