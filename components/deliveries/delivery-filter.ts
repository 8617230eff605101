// The deliveries log's filters as the browser reads and writes them in the URL. Kept apart
// from lib/webhooks/deliveries, which is server-only; the server parses the same URL again.
import type { DeliveryDistrict, DeliveryRow } from "@/lib/webhooks/deliveries";
import { isUuid } from "@/lib/uuid";

export type DeliveryStatus = DeliveryRow["status"];
export type DeliveryMode = DeliveryRow["mode"];
/** `district` is a district GUID. */
export type ListFilter = { status?: DeliveryStatus; mode?: DeliveryMode; district?: string };

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

/**
 * The District filter's options, GUID to label. Two districts of the same name are told apart
 * by the start of their GUID; a selected district missing from the list (its messages pruned,
 * or a hand-written URL) is still shown, so the select never claims "All" while filtering.
 */
export function districtOptions(districts: DeliveryDistrict[], selected?: string): Record<string, string> {
  const counts = new Map<string, number>();
  for (const { name } of districts) counts.set(name, (counts.get(name) ?? 0) + 1);
  const options: Record<string, string> = {};
  for (const { guid, name } of districts) options[guid] = counts.get(name)! > 1 ? `${name} (${guid.slice(0, 8)})` : name;
  if (selected && !Object.hasOwn(options, selected)) options[selected] = `District ${selected}`;
  return options;
}

const isStatus = (value: string | null): value is DeliveryStatus => value !== null && Object.hasOwn(STATUS_LABELS, value);
const isMode = (value: string | null): value is DeliveryMode => value !== null && Object.hasOwn(MODE_LABELS, value);

/** Unknown values are dropped, as the server's parseDeliveryFilter does. */
export function readListFilter(params: { get(name: string): string | null }): ListFilter {
  const status = params.get("status");
  const mode = params.get("mode");
  const district = params.get("district");
  return {
    ...(isStatus(status) && { status }),
    ...(isMode(mode) && { mode }),
    ...(district && isUuid(district) && { district: district.toLowerCase() }),
  };
}

/** "status=failed&mode=test&district=…", in a fixed order so that equal filters give equal strings. */
export function listFilterQuery(filter: ListFilter, before?: string): string {
  const params = new URLSearchParams();
  if (filter.status) params.set("status", filter.status);
  if (filter.mode) params.set("mode", filter.mode);
  if (filter.district) params.set("district", filter.district);
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
