// Reads for the Imports page: one import's state (progress, counts, first problems) and the
// district's import history. Every read is scoped to the admin's district.
import type { ImportChannel, ImportFormat, ImportIssueKind, ImportStatus } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { emptyOutcomeCounts, type OutcomeCounts } from "@/lib/imports/types";

export const PREVIEW_ISSUES = 200;
export const HISTORY_PAGE = 20;

export type ImportSummary = {
  id: string;
  channel: ImportChannel;
  format: ImportFormat | null;
  mode: string | null;
  fileName: string | null;
  fileBytes: number | null;
  status: ImportStatus;
  validRowsOnly: boolean;
  message: string | null;
  counts: OutcomeCounts;
  countsByFile: Record<string, OutcomeCounts>;
  rowsDone: number;
  rowsTotal: number;
  createdAt: string;
  validatedAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  createdBy: string | null;
  issueCount: number;
};

export type ImportIssueView = { id: string; kind: ImportIssueKind; file: string | null; line: number | null; column: string | null; message: string };

const select = {
  id: true,
  channel: true,
  format: true,
  mode: true,
  fileName: true,
  fileBytes: true,
  status: true,
  validRowsOnly: true,
  message: true,
  counts: true,
  rowsDone: true,
  rowsTotal: true,
  createdAt: true,
  validatedAt: true,
  startedAt: true,
  finishedAt: true,
  tokenId: true,
  createdBy: { select: { name: true } },
  _count: { select: { issues: true } },
} as const;

type Row = NonNullable<Awaited<ReturnType<typeof findImport>>>;
const findImport = (districtId: string, importId: string) => db().rosterImport.findFirst({ where: { id: importId, districtId }, select });

function summaryOf(row: Row): ImportSummary {
  const { byFile, ...counts } = (row.counts ?? {}) as Partial<OutcomeCounts> & { byFile?: Record<string, OutcomeCounts> };
  return {
    id: row.id,
    channel: row.channel,
    format: row.format,
    mode: row.mode,
    fileName: row.fileName,
    fileBytes: row.fileBytes,
    status: row.status,
    validRowsOnly: row.validRowsOnly,
    message: row.message,
    counts: { ...emptyOutcomeCounts(), ...counts },
    countsByFile: byFile ?? {},
    rowsDone: row.rowsDone,
    rowsTotal: row.rowsTotal,
    createdAt: row.createdAt.toISOString(),
    validatedAt: row.validatedAt?.toISOString() ?? null,
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    createdBy: row.createdBy?.name ?? (row.channel === "sftp" ? "SFTP drop" : row.tokenId ? "API token" : null),
    issueCount: row._count.issues,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function importDetail(districtId: string, importId: string): Promise<{ summary: ImportSummary; issues: ImportIssueView[] } | null> {
  if (!UUID.test(importId)) return null;
  const row = await findImport(districtId, importId);
  if (!row) return null;
  const issues = await db().rosterImportIssue.findMany({ where: { importId }, orderBy: { id: "asc" }, take: PREVIEW_ISSUES });
  return {
    summary: summaryOf(row),
    issues: issues.map((issue) => ({ id: issue.id.toString(), kind: issue.kind, file: issue.file, line: issue.line, column: issue.column, message: issue.message })),
  };
}

export async function importHistory(districtId: string, page: number): Promise<{ imports: ImportSummary[]; total: number; page: number; pages: number }> {
  const [total, rows] = await Promise.all([
    db().rosterImport.count({ where: { districtId } }),
    db().rosterImport.findMany({ where: { districtId }, orderBy: { createdAt: "desc" }, skip: (page - 1) * HISTORY_PAGE, take: HISTORY_PAGE, select }),
  ]);
  return { imports: rows.map(summaryOf), total, page, pages: Math.max(1, Math.ceil(total / HISTORY_PAGE)) };
}

/** An import's problems for the downloadable report, in batches, oldest first. */
export async function* importIssues(districtId: string, importId: string): AsyncGenerator<ImportIssueView[]> {
  let after = BigInt(0);
  for (;;) {
    const batch = await db().rosterImportIssue.findMany({ where: { importId, import: { districtId }, id: { gt: after } }, orderBy: { id: "asc" }, take: 2_000 });
    if (batch.length === 0) return;
    after = batch.at(-1)!.id;
    yield batch.map((issue) => ({ id: issue.id.toString(), kind: issue.kind, file: issue.file, line: issue.line, column: issue.column, message: issue.message }));
  }
}

export async function importBelongsTo(districtId: string, importId: string): Promise<{ fileName: string | null } | null> {
  if (!UUID.test(importId)) return null;
  return db().rosterImport.findFirst({ where: { id: importId, districtId }, select: { fileName: true } });
}
