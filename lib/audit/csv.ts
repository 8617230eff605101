// The audit log as a CSV download: one line per event, the filtered log streamed a batch at a
// time. Cells quote what people typed (names, summaries, values), so formula-leading cells are
// neutralised as in the import error report.
import { stringify } from "csv-stringify/sync";
import { neutraliseFormula } from "@/lib/imports/error-report";
import { auditEventBatches, type AuditFilter, type AuditRow } from "@/lib/audit/search";

export const AUDIT_CSV_HEADER = ["time", "actor_email", "actor_role", "tenant_type", "tenant_name", "tenant_id", "action", "summary", "before", "after", "ip"];

export function auditCsvLines(rows: readonly AuditRow[], withHeader: boolean): string {
  const lines = rows.map((row) =>
    [
      row.at.toISOString(),
      row.actorEmail,
      row.actorRole,
      row.tenantType,
      row.tenantName,
      row.tenantId ?? "",
      row.action,
      row.summary,
      row.before === null ? "" : JSON.stringify(row.before),
      row.after === null ? "" : JSON.stringify(row.after),
      row.ip ?? "",
    ].map(neutraliseFormula),
  );
  return stringify(withHeader ? [AUDIT_CSV_HEADER, ...lines] : lines);
}

/** The filtered log as CSV bytes, newest first: the header, then one batch of events per read. */
export function auditCsvStream(filter: AuditFilter, batchSize?: number): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const batches = auditEventBatches(filter, batchSize);
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(auditCsvLines([], true)));
    },
    async pull(controller) {
      const next = await batches.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(auditCsvLines(next.value, false)));
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
}

/** "rollcall-audit-2026-11-26.csv": the day of the export, in UTC. */
export function auditCsvFileName(now = new Date()): string {
  return `rollcall-audit-${now.toISOString().slice(0, 10)}.csv`;
}
