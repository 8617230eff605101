// Query keys and fetchers for the deliveries log, in one place so that polling and the
// invalidation after Redeliver always name the same cache entries.
import { listFilterQuery, withQuery, type ListFilter } from "@/components/deliveries/delivery-filter";
import type { DeliveryDetail, DeliveryPage } from "@/lib/webhooks/deliveries";

export const deliveryKeys = {
  all: (applicationId: string) => ["deliveries", applicationId] as const,
  lists: (applicationId: string) => [...deliveryKeys.all(applicationId), "list"] as const,
  list: (applicationId: string, filter: ListFilter, before: string | undefined) =>
    [...deliveryKeys.lists(applicationId), { ...filter, before: before ?? null }] as const,
  detail: (applicationId: string, messageId: string) => [...deliveryKeys.all(applicationId), "detail", messageId] as const,
};

/** A route handler answered with an error status (401 when the session has ended). */
export class DeliveriesRequestError extends Error {
  constructor(readonly status: number) {
    super(`The deliveries request failed with status ${status}`);
  }
}

const apiBase = (applicationId: string) => `/api/vendor/applications/${encodeURIComponent(applicationId)}/deliveries`;

export function fetchDeliveryPage(applicationId: string, filter: ListFilter, before: string | undefined): Promise<DeliveryPage> {
  return getJson<DeliveryPage>(withQuery(apiBase(applicationId), listFilterQuery(filter, before)));
}

export function fetchDelivery(applicationId: string, messageId: string): Promise<DeliveryDetail> {
  return getJson<DeliveryDetail>(`${apiBase(applicationId)}/${encodeURIComponent(messageId)}`);
}

/** What to tell the admin when a refresh fails. */
export function refreshErrorMessage(error: unknown): string {
  if (error instanceof DeliveriesRequestError && error.status === 401) return "Your session has ended. Sign in again to see new deliveries.";
  return "Could not refresh — retrying.";
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { cache: "no-store", headers: { accept: "application/json" } });
  if (!response.ok) throw new DeliveriesRequestError(response.status);
  // The route handlers serialise exactly these types; the cast names the contract.
  return (await response.json()) as T;
}
