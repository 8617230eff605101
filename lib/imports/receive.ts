// The one import pipeline every file goes through, whichever way it came in: record it,
// validate every row (nothing written), then — after the admin's confirmation for a browser
// upload, at once for the SFTP drop — apply it as a queued job, and record what happened.
import { createHash } from "node:crypto";
import type { ImportFormat, ImportStatus, Prisma } from "@/generated/prisma/client";
import { UserFacingError } from "@/lib/actions/result";
import { currentAuditContext, type AuditContext } from "@/lib/audit/context";
import { districtTenant, recordAudit } from "@/lib/audit/record";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db";
import { addJob } from "@/lib/jobs/enqueue";
import { recordImportApplied } from "@/lib/imports/audit";
import { applyOneRosterZip, checkOneRosterZip } from "@/lib/imports/oneroster";
import { recordIssues } from "@/lib/imports/record";
import { applySpreadsheet, checkSpreadsheet } from "@/lib/imports/spreadsheet";
import { ImportFileError, type AppliedListener, type ApplyResult, type FileCheck, type OutcomeCounts, type ProgressListener } from "@/lib/imports/types";

export const VALIDATE_IMPORT_TASK = "validate-import";
export const APPLY_IMPORT_TASK = "apply-import";

export type IncomingFile = { districtId: string; channel: "upload" | "sftp"; fileName: string; content: Buffer; createdById: string | null };
export type Received = { importId: string; status: ImportStatus; message: string | null };
/** The apply job's payload: the import, and who set it going (the audit log's actor for it). */
export type ApplyJobPayload = { importId: string; audit?: AuditContext | null };

/** Queues applying an import as whoever is acting now: the admin confirming, or the SFTP inbox. */
function queueApply(tx: Prisma.TransactionClient, importId: string) {
  const payload: ApplyJobPayload = { importId, audit: currentAuditContext() };
  return addJob(tx, APPLY_IMPORT_TASK, payload, { jobKey: `import:${importId}`, maxAttempts: 1 });
}

const megabytes = (bytes: number) => `${Math.ceil(bytes / (1024 * 1024))} MB`;

/** The format a file name says, or why Rollcall cannot import it. */
export function formatOf(fileName: string): { format: ImportFormat } | { refusal: string } {
  const extension = fileName.toLowerCase().split(".").pop() ?? "";
  if (extension === "zip") return { format: "oneroster_csv" };
  if (extension === "csv" || extension === "xlsx" || extension === "xls") return { format: "spreadsheet" };
  return { refusal: `${fileName} is not a data file: Rollcall imports people spreadsheets (.csv, .xlsx) and OneRoster CSV zips (.zip).` };
}

/** Records a file received, refusing (but still recording, for the history) one that cannot be imported. */
export async function createImport(file: IncomingFile): Promise<Received> {
  const detected = formatOf(file.fileName);
  const maxBytes = getConfig().importMaxBytes;
  const refusal =
    "refusal" in detected
      ? detected.refusal
      : file.content.length > maxBytes
        ? `${file.fileName} is ${megabytes(file.content.length)}; files of at most ${megabytes(maxBytes)} can be imported. Split it, or ask your Rollcall operator to raise the limit.`
        : file.content.length === 0
          ? `${file.fileName} is empty.`
          : null;
  const created = await db().rosterImport.create({
    data: {
      districtId: file.districtId,
      channel: file.channel,
      format: "format" in detected ? detected.format : null,
      fileName: file.fileName,
      fileBytes: file.content.length,
      fileSha256: createHash("sha256").update(file.content).digest("hex"),
      createdById: file.createdById,
      status: refusal ? "rejected" : "validating",
      message: refusal,
      finishedAt: refusal ? new Date() : null,
      // SFTP drops have no preview: their valid rows are applied.
      validRowsOnly: file.channel === "sftp",
      file: refusal ? undefined : { create: { content: new Uint8Array(file.content) } },
    },
    select: { id: true, status: true, message: true },
  });
  return { importId: created.id, status: created.status, message: created.message };
}

/** Updates an import's progress at most twice a second, from outside the transaction doing the work. */
function progressWriter(importId: string): ProgressListener & { flush(): Promise<void> } {
  let latest = 0;
  let written = -1;
  let lastWrite = 0;
  let pending: Promise<unknown> = Promise.resolve();
  const write = () => {
    if (latest === written) return;
    written = latest;
    lastWrite = Date.now();
    const rowsDone = latest;
    pending = pending.then(() => db().rosterImport.update({ where: { id: importId }, data: { rowsDone } }).catch(() => undefined));
  };
  const listener = (rowsDone: number) => {
    latest = rowsDone;
    if (Date.now() - lastWrite >= 500) write();
  };
  return Object.assign(listener, {
    async flush() {
      write();
      await pending;
    },
  });
}

async function check(format: ImportFormat, districtId: string, content: Buffer, fileName: string, onProgress: ProgressListener): Promise<FileCheck> {
  return format === "oneroster_csv" ? checkOneRosterZip(districtId, content, onProgress, fileName) : checkSpreadsheet(districtId, content, fileName, onProgress);
}

async function apply(
  format: ImportFormat,
  districtId: string,
  content: Buffer,
  fileName: string,
  onProgress: ProgressListener,
  onApplied: AppliedListener,
): Promise<ApplyResult> {
  return format === "oneroster_csv"
    ? applyOneRosterZip(districtId, content, onProgress, fileName, onApplied)
    : applySpreadsheet(districtId, content, fileName, onProgress, onApplied);
}

/** The stored file as a Buffer over the same memory: a copy of up to the upload limit is not needed. */
const asBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

const problemRows = (counts: OutcomeCounts) => counts.error + counts.conflict;

async function failWith(importId: string, status: "rejected" | "failed", message: string): Promise<Received> {
  await db().$transaction([
    db().rosterImport.update({ where: { id: importId }, data: { status, message, finishedAt: new Date() } }),
    db().rosterImportFile.deleteMany({ where: { importId } }),
  ]);
  return { importId, status, message };
}

function explain(error: unknown, doing: string): { status: "rejected" | "failed"; message: string } {
  if (error instanceof ImportFileError) return { status: "rejected", message: error.message };
  console.error(`Import ${doing} failed`, error);
  return { status: "failed", message: `Rollcall could not finish ${doing} this file, and nothing was written. Try again; if it keeps failing, tell your Rollcall operator.` };
}

/** For a CSV, its lines less the header, so that validation's progress bar has an end; 0 (unknown) for other files. */
function estimatedRows(content: Buffer, fileName: string): number {
  if (!fileName.toLowerCase().endsWith(".csv")) return 0;
  let lines = 0;
  for (let index = content.indexOf(10); index !== -1; index = content.indexOf(10, index + 1)) lines++;
  return Math.max(0, lines - 1);
}

/** Validates a recorded file. Uploads stop at the preview; SFTP files go on to apply their valid rows. */
export async function validateImport(importId: string): Promise<Received> {
  const found = await db().rosterImport.findUnique({ where: { id: importId }, include: { file: true } });
  if (!found || found.status !== "validating" || !found.file || !found.format) {
    return { importId, status: found?.status ?? "failed", message: found?.message ?? null };
  }
  const content = asBuffer(found.file.content);
  await db().rosterImport.update({ where: { id: importId }, data: { rowsDone: 0, rowsTotal: estimatedRows(content, found.fileName ?? "") } });
  const progress = progressWriter(importId);
  let result: FileCheck;
  try {
    result = await check(found.format, found.districtId, content, found.fileName ?? "file", progress);
  } catch (error) {
    await progress.flush();
    const { status, message } = explain(error, "validating");
    return failWith(importId, status, message);
  }
  await progress.flush();
  const autoApply = found.channel === "sftp";
  await db().$transaction(async (tx) => {
    await recordIssues(tx, importId, result.issues);
    await tx.rosterImport.update({
      where: { id: importId },
      data: {
        mode: result.mode,
        rowsTotal: result.rowsTotal,
        rowsDone: autoApply ? 0 : result.rowsTotal,
        counts: { ...result.counts, byFile: result.countsByFile },
        validatedAt: new Date(),
        status: autoApply ? "applying" : "previewed",
      },
    });
    if (autoApply) await queueApply(tx, importId);
  });
  return { importId, status: autoApply ? "applying" : "previewed", message: null };
}

/** The SFTP drop's way in: record and validate at once, then queue applying the valid rows. */
export async function receiveImportFile(file: IncomingFile): Promise<Received> {
  const created = await createImport(file);
  return created.status === "validating" ? validateImport(created.importId) : created;
}

/** A browser upload: record it and validate it in the job queue while the page shows progress. */
export async function receiveUpload(file: Omit<IncomingFile, "channel">): Promise<Received> {
  const created = await createImport({ ...file, channel: "upload" });
  if (created.status === "validating") {
    await db().$transaction(async (tx: Prisma.TransactionClient) => addJob(tx, VALIDATE_IMPORT_TASK, { importId: created.importId }, { jobKey: `import:${created.importId}`, maxAttempts: 1 }));
  }
  return created;
}

async function previewed(districtId: string, importId: string) {
  const found = await db().rosterImport.findFirst({ where: { id: importId, districtId }, select: { status: true, counts: true } });
  if (!found) throw new UserFacingError("This import was not found. It may belong to another district.");
  if (found.status !== "previewed") throw new UserFacingError(`This import is already ${found.status}. Upload the file again to import it anew.`);
  return found;
}

/** The admin's go-ahead after the preview: all rows (only when none has a problem) or the valid ones. */
export async function confirmImport(districtId: string, importId: string, validRowsOnly: boolean): Promise<void> {
  const found = await previewed(districtId, importId);
  const problems = problemRows(found.counts as unknown as OutcomeCounts);
  if (problems > 0 && !validRowsOnly) {
    throw new UserFacingError(`${problems} row${problems === 1 ? " has" : "s have"} problems. Import the valid rows only, or fix the file and upload it again.`);
  }
  await db().$transaction(async (tx) => {
    const updated = await tx.rosterImport.updateMany({ where: { id: importId, districtId, status: "previewed" }, data: { status: "applying", validRowsOnly, rowsDone: 0 } });
    if (updated.count === 0) throw new UserFacingError("This import was confirmed already.");
    await queueApply(tx, importId);
  });
}

export async function discardImport(districtId: string, importId: string): Promise<void> {
  await previewed(districtId, importId);
  await db().$transaction(async (tx) => {
    const [found] = await tx.rosterImport.updateManyAndReturn({
      where: { id: importId, districtId, status: "previewed" },
      data: { status: "discarded", finishedAt: new Date() },
      select: { fileName: true, counts: true },
    });
    await tx.rosterImportFile.deleteMany({ where: { importId } });
    if (!found) return;
    await recordAudit(tx, {
      ...(await districtTenant(tx, districtId)),
      action: "import.discarded",
      summary: `Import “${found.fileName ?? "file"}” discarded without applying`,
      before: { importId, fileName: found.fileName, status: "previewed", counts: found.counts },
      after: { importId, fileName: found.fileName, status: "discarded" },
    });
  });
}

/** The apply job: validates again against the roster as it is now and writes in one transaction, with its audit event. */
export async function applyImport(importId: string, by: AuditContext | null = null): Promise<Received> {
  const found = await db().rosterImport.findUnique({ where: { id: importId }, include: { file: true } });
  if (!found || found.status !== "applying" || !found.file || !found.format) {
    return { importId, status: found?.status ?? "failed", message: found?.message ?? null };
  }
  await db().rosterImport.update({ where: { id: importId }, data: { startedAt: new Date(), rowsDone: 0 } });
  const progress = progressWriter(importId);
  let result: ApplyResult;
  try {
    const { districtId, channel, fileName, validRowsOnly } = found;
    const audit: AppliedListener = (tx, counts) => recordImportApplied(tx, { districtId, importId, channel, fileName, validRowsOnly, counts }, by);
    result = await apply(found.format, districtId, asBuffer(found.file.content), fileName ?? "file", progress, audit);
  } catch (error) {
    await progress.flush();
    const { message } = explain(error, "applying");
    return failWith(importId, "failed", message);
  }
  await progress.flush();
  await db().$transaction(async (tx) => {
    await tx.rosterImportIssue.deleteMany({ where: { importId } });
    await recordIssues(tx, importId, result.issues);
    await tx.rosterImport.update({
      where: { id: importId },
      data: { status: "completed", finishedAt: new Date(), rowsDone: found.rowsTotal, counts: { ...result.counts, byFile: result.countsByFile } },
    });
    await tx.rosterImportFile.deleteMany({ where: { importId } });
  });
  return { importId, status: "completed", message: null };
}
