// Opens an uploaded zip held in memory and streams its files, refusing what could hurt the
// server: paths that climb out of the folder, encrypted entries, and zip bombs (refused from
// the headers before inflating, and checked again while inflating, since headers can lie).
import type { Readable } from "node:stream";
import yauzl, { type Entry, type ZipFile } from "yauzl";
import { getConfig } from "@/lib/config";
import { ImportFileError } from "@/lib/imports/types";

/** Deflate reaches about 10:1 on CSV; far beyond that is a bomb, not a roster. */
export const MAX_COMPRESSION_RATIO = 200;
/** Below this size an entry cannot hurt, however well it compresses (a header-only CSV). */
const RATIO_FLOOR_BYTES = 1024 * 1024;
const FOUR_GB = 4 * 1024 ** 3;

export type ZipLimits = {
  /** The most the files may hold uncompressed, in all. */
  maxTotalBytes: number;
  maxRatio: number;
  /** Files in any folders (an .xlsx workbook is a zip of folders); a OneRoster zip keeps its files together. */
  nestedFolders?: boolean;
};

export function defaultZipLimits(): ZipLimits {
  return { maxTotalBytes: Math.min(20 * getConfig().importMaxBytes, FOUR_GB), maxRatio: MAX_COMPRESSION_RATIO };
}

export type ZipFileEntry = {
  /** The path inside the zip, without the one folder all files may share ("users.csv"). */
  name: string;
  /** The path as stored in the zip ("export/users.csv"). */
  path: string;
  uncompressedSize: number;
  compressedSize: number;
};

export type ZipArchive = {
  files: ZipFileEntry[];
  /** The file's bytes, inflated as they are read; may be read more than once. */
  read(file: ZipFileEntry): AsyncIterable<Buffer>;
  close(): void;
};

// Written by the Finder and Explorer beside the files people zip; never data.
const IGNORED = /(^|\/)(__MACOSX\/|\.DS_Store$|Thumbs\.db$|desktop\.ini$)|(^|\/)\._/;

/**
 * Reads the zip's directory and checks every entry before any is inflated. `label` names the
 * upload in messages ("people.zip", "The file").
 */
export async function openZip(content: Buffer, label: string, limits: ZipLimits = defaultZipLimits()): Promise<ZipArchive> {
  const zip = await fromBuffer(content, label);
  const entries: { entry: Entry; path: string }[] = [];
  try {
    for await (const entry of readEntries(zip, label)) {
      const path = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, false);
      if (!path.endsWith("/") && !IGNORED.test(path)) entries.push({ entry, path });
    }
    const files = checkEntries(entries, label, limits);
    const byPath = new Map(entries.map((item) => [item.path, item.entry]));
    return {
      files,
      read: (file) => inflate(zip, byPath.get(file.path)!, file, limits),
      close: () => zip.close(),
    };
  } catch (error) {
    zip.close();
    throw error;
  }
}

function fromBuffer(content: Buffer, label: string): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(content, { lazyEntries: true, decodeStrings: false, autoClose: false, validateEntrySizes: true }, (error, zip) => {
      if (error || !zip) reject(new ImportFileError(`${label} is not a zip file (or it is damaged). Upload the .zip your system exported, unchanged.`, null));
      else resolve(zip);
    });
  });
}

async function* readEntries(zip: ZipFile, label: string): AsyncGenerator<Entry> {
  const damaged = () => new ImportFileError(`${label} is a damaged zip file: its list of files cannot be read. Export it again and upload the new file.`, null);
  for (;;) {
    const entry = await new Promise<Entry | null>((resolve, reject) => {
      const cleanUp = () => zip.removeListener("entry", onEntry).removeListener("end", onEnd).removeListener("error", onError);
      const onEntry = (entry: Entry) => (cleanUp(), resolve(entry));
      const onEnd = () => (cleanUp(), resolve(null));
      const onError = () => (cleanUp(), reject(damaged()));
      zip.on("entry", onEntry).on("end", onEnd).on("error", onError);
      zip.readEntry();
    });
    if (!entry) return;
    yield entry;
  }
}

function checkEntries(entries: { entry: Entry; path: string }[], label: string, limits: ZipLimits): ZipFileEntry[] {
  const unsafe = entries.filter(({ path }) => path.startsWith("/") || /^[a-z]:/i.test(path) || path.split("/").includes(".."));
  if (unsafe.length > 0) {
    throw new ImportFileError(
      `${label} holds files with paths that point outside the zip (${quoteList(unsafe.map((item) => item.path))}). Zip the files themselves, without ".." or absolute paths.`,
      null,
    );
  }
  const encrypted = entries.filter(({ entry }) => entry.isEncrypted());
  if (encrypted.length > 0) throw new ImportFileError(`${label} is password-protected (${quoteList(encrypted.map((item) => item.path))}). Zip the files again without a password.`, null);
  const unsupported = entries.filter(({ entry }) => entry.compressionMethod !== 0 && entry.compressionMethod !== 8);
  if (unsupported.length > 0) {
    throw new ImportFileError(`${label} uses a compression method Rollcall cannot read (${quoteList(unsupported.map((item) => item.path))}). Zip the files again with ordinary (deflate) compression.`, null);
  }
  const bombs = entries.filter(({ entry }) => isTooCompressed(entry.uncompressedSize, entry.compressedSize, limits));
  if (bombs.length > 0) {
    throw new ImportFileError(`${label} looks like a zip bomb: ${quoteList(bombs.map((item) => item.path))} would inflate more than ${limits.maxRatio} times. Upload the files your system exported, unchanged.`, null);
  }
  const total = entries.reduce((sum, { entry }) => sum + entry.uncompressedSize, 0);
  if (total > limits.maxTotalBytes) {
    throw new ImportFileError(`${label} would inflate to ${megabytes(total)}, more than the ${megabytes(limits.maxTotalBytes)} an import may hold. Split it into smaller files.`, null);
  }
  if (limits.nestedFolders) return entries.map(({ entry, path }) => ({ name: path, path, uncompressedSize: entry.uncompressedSize, compressedSize: entry.compressedSize }));
  const folders = new Set(entries.map(({ path }) => (path.includes("/") ? path.slice(0, path.indexOf("/") + 1) : "")));
  const [folder = ""] = folders;
  if (folders.size > 1 || entries.some(({ path }) => path.slice(folder.length).includes("/"))) {
    throw new ImportFileError(`${label} has its files in several folders. Put every file at the top of the zip (or all in one folder) and upload it again.`, null);
  }
  return entries.map(({ entry, path }) => ({ name: path.slice(folder.length), path, uncompressedSize: entry.uncompressedSize, compressedSize: entry.compressedSize }));
}

function isTooCompressed(uncompressed: number, compressed: number, limits: ZipLimits): boolean {
  return uncompressed > RATIO_FLOOR_BYTES && uncompressed > limits.maxRatio * Math.max(compressed, 1);
}

async function* inflate(zip: ZipFile, entry: Entry, file: ZipFileEntry, limits: ZipLimits): AsyncGenerator<Buffer> {
  const stream = await new Promise<Readable>((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => (error || !stream ? reject(damagedEntry(file)) : resolve(stream)));
  });
  let inflated = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      inflated += chunk.length;
      // The header's sizes were checked already; these catch a header that lied about them.
      if (isTooCompressed(inflated, file.compressedSize, limits) || inflated > limits.maxTotalBytes) {
        throw bomb(file);
      }
      yield chunk;
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    // yauzl stops a file that inflates past the size its header gave.
    if (error instanceof Error && /too many bytes/.test(error.message)) throw bomb(file);
    throw damagedEntry(file);
  } finally {
    stream.destroy();
  }
}

const bomb = (file: ZipFileEntry) =>
  new ImportFileError(`${file.name} inflates far beyond what its zip header says (a possible zip bomb). Upload the files your system exported, unchanged.`, file.name);
const damagedEntry = (file: ZipFileEntry) => new ImportFileError(`${file.name} in the zip is damaged and cannot be unpacked. Export the files again and upload a new zip.`, file.name);

function quoteList(paths: string[]): string {
  const shown = paths.slice(0, 5).map((path) => `"${path}"`);
  return paths.length > 5 ? `${shown.join(", ")} and ${paths.length - 5} more` : shown.join(", ");
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024)).toLocaleString("en-US")} MB`;
}
