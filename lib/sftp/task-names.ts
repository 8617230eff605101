// The SFTP drop's job queue names, apart from the tasks themselves so that queueing a job
// never loads the code that runs it.
export const PROCESS_SFTP_INBOX_TASK = "process-sftp-inbox";
export const QUEUE_DUE_SFTP_INBOXES_TASK = "queue-due-sftp-inboxes";
/** Every 5 minutes: inboxes are processed within 5 minutes of their daily time. */
export const SFTP_SCHEDULE = `*/5 * * * * ${QUEUE_DUE_SFTP_INBOXES_TASK}`;

export type ProcessInboxPayload = { districtId: string };

/** One waiting job per district: Process now twice, or Process now beside the daily run, queues once. */
export function inboxJobKey(districtId: string): string {
  return `sftp-inbox:${districtId}`;
}
