// Writes what an import found and did to its history row: counts, problems (the first
// MAX_STORED_ISSUES of them, then one line saying how many more), progress.
import type { Prisma } from "@/generated/prisma/client";
import type { ImportIssue } from "@/lib/imports/types";

type Client = Prisma.TransactionClient;

export const MAX_STORED_ISSUES = 10_000;
const INSERT_BATCH = 2_000;

export async function recordIssues(client: Client, importId: string, issues: readonly ImportIssue[]): Promise<void> {
  const stored = issues.slice(0, MAX_STORED_ISSUES);
  if (issues.length > MAX_STORED_ISSUES) {
    stored.push({ kind: "warning", file: null, line: null, column: null, message: `${issues.length - MAX_STORED_ISSUES} more problems are not listed. Fix the ones above and import the file again to see them.` });
  }
  for (let start = 0; start < stored.length; start += INSERT_BATCH) {
    const batch = stored.slice(start, start + INSERT_BATCH);
    await client.$executeRaw`
      INSERT INTO "RosterImportIssue" ("importId", kind, file, line, "column", message)
      SELECT ${importId}::uuid, i.kind::"ImportIssueKind", i.file, i.line, i.col, i.message
      FROM unnest(${batch.map((issue) => issue.kind)}::text[], ${batch.map((issue) => issue.file)}::text[], ${batch.map((issue) => issue.line)}::int[],
        ${batch.map((issue) => issue.column)}::text[], ${batch.map((issue) => issue.message)}::text[]) AS i(kind, file, line, col, message)`;
  }
}
