// File delivery's job queue names, apart from the tasks themselves so that queueing a run
// never loads the code that exports and uploads.
export const RUN_DELIVERY_TASK = "run-file-delivery";
export const QUEUE_DUE_DELIVERIES_TASK = "queue-due-file-deliveries";
/** Every 5 minutes: a district's files leave within 5 minutes of their scheduled time. */
export const DELIVERY_SCHEDULE = `*/5 * * * * ${QUEUE_DUE_DELIVERIES_TASK}`;

export type RunDeliveryPayload = { runId: string };

/** One job per run: its retries replace the waiting job instead of adding another. */
export function deliveryRunJobKey(runId: string): string {
  return `file-delivery:${runId}`;
}
