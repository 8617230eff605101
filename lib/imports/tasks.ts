// The import pipeline's queued work: validating a browser upload, and applying a confirmed
// upload or an SFTP drop. Both renew their job's lock while they run (see withHeartbeat).
import type { Task } from "graphile-worker";
import { withHeartbeat } from "@/lib/jobs/heartbeat";
import { APPLY_IMPORT_TASK, applyImport, VALIDATE_IMPORT_TASK, validateImport, type ApplyJobPayload } from "@/lib/imports/receive";

type ImportJobPayload = { importId: string };

export function importTasks(leaseMs: number): Record<string, Task> {
  const heartbeatMs = Math.max(1_000, Math.floor(leaseMs / 3));
  return {
    [VALIDATE_IMPORT_TASK]: async (payload, helpers) => {
      await withHeartbeat(helpers, heartbeatMs, () => validateImport((payload as ImportJobPayload).importId));
    },
    [APPLY_IMPORT_TASK]: async (payload, helpers) => {
      const { importId, audit } = payload as ApplyJobPayload;
      await withHeartbeat(helpers, heartbeatMs, () => applyImport(importId, audit ?? null));
    },
  };
}
