// Query keys for the File delivery tab, in one place so that Deliver now's invalidation and
// the log's polling always name the same cache entries.
import type { ActionResult } from "@/lib/actions/result";

export type RunFilter = { districtId?: string; status?: "queued" | "running" | "delivered" | "failed" | "stopped" };

export const fileDeliveryKeys = {
  all: (applicationId: string) => ["file-delivery", applicationId] as const,
  runs: (applicationId: string) => [...fileDeliveryKeys.all(applicationId), "runs"] as const,
  runPage: (applicationId: string, filter: RunFilter, page: number) => [...fileDeliveryKeys.runs(applicationId), { ...filter, page }] as const,
  preview: (applicationId: string, formatJson: string) => [...fileDeliveryKeys.all(applicationId), "preview", formatJson] as const,
};

/** For query functions: a failed action becomes an error whose message the admin can read. */
export async function unwrap<T>(result: Promise<ActionResult<T>>): Promise<T> {
  const settled = await result;
  if (!settled.ok) throw new Error(settled.formError);
  return settled.data;
}
