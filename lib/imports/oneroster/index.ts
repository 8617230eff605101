// Imports a OneRoster 1.1 CSV zip into a district's roster: check first (every row validated
// and matched by sourcedId, nothing written), then apply in one transaction. See run.ts for
// the order files are read in, and writer.ts for how rows are written.
import { db } from "@/lib/db";
import { lockDistrictRoster } from "@/lib/imports/lock";
import type { AppliedListener, ApplyResult, FileCheck, ProgressListener } from "@/lib/imports/types";
import { runOneRosterZip } from "@/lib/imports/oneroster/run";
import { idExpression } from "@/lib/roster/bulk-insert";
import { noteRosterChange } from "@/lib/scim/roster-changed";

/** Long enough for a district of 100,000 users with their classes and enrollments on a busy server. */
const APPLY_TIMEOUT_MS = 30 * 60_000;

/** Validates every row of every file and matches it against the district's roster; writes nothing. */
export async function checkOneRosterZip(districtId: string, content: Buffer, onProgress?: ProgressListener, fileName?: string): Promise<FileCheck> {
  return runOneRosterZip(content, { client: db(), districtId, onProgress, fileName });
}

/** Validates again and applies the valid rows in one transaction (rows with errors or conflicts are skipped and reported). */
export async function applyOneRosterZip(
  districtId: string,
  content: Buffer,
  onProgress?: ProgressListener,
  fileName?: string,
  onApplied?: AppliedListener,
): Promise<ApplyResult> {
  return db().$transaction(
    async (tx) => {
      await lockDistrictRoster(tx, districtId);
      const newId = await idExpression(tx);
      const check = await runOneRosterZip(content, { client: tx, districtId, onProgress, fileName, write: { tx, districtId, now: new Date(), newId } });
      const { create, update, deactivate } = check.counts;
      if (create + update + deactivate > 0) await noteRosterChange(tx, districtId);
      await onApplied?.(tx, check.counts);
      return { counts: check.counts, countsByFile: check.countsByFile, issues: check.issues };
    },
    { maxWait: 60_000, timeout: APPLY_TIMEOUT_MS },
  );
}
