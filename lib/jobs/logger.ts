// graphile-worker logs every job at info level; Rollcall records deliveries itself, so
// only the queue's warnings and errors reach the process output.
import { Logger } from "graphile-worker";

export const jobQueueLogger = new Logger((scope) => (level, message) => {
  if (level !== "error" && level !== "warning") return;
  const where = scope.workerId ? ` ${scope.workerId}` : "";
  console.error(`[job queue${where}] ${message}`);
});
