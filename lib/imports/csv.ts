// Reads one CSV file of an import as a stream of rows keyed by column name, with the line each
// row starts on. Whole-file problems (not UTF-8, a missing column, broken quoting) stop the
// file with an ImportFileError that names it; unknown columns are reported and ignored.
import { pipeline, Readable } from "node:stream";
import { parse, type CsvError } from "csv-parse";
import { ImportFileError } from "@/lib/imports/types";

export type CsvColumns = {
  /** Columns the file must have. */
  required: readonly string[];
  /** Every column the importer reads, required or not. Header names match without regard to case or surrounding spaces. */
  known: readonly string[];
  /** Columns of which the file must have at least one. */
  oneOf?: readonly string[];
};

export type CsvHeader = {
  /** The known columns present, by their canonical names. */
  columns: string[];
  /** Header names the importer does not read, as written in the file. */
  unknown: string[];
};

export type CsvRow = {
  /** The line the row starts on; the header is line 1. */
  line: number;
  /** Trimmed values by canonical column name; a column the file lacks is absent. */
  values: Record<string, string>;
};

const UTF16_BOMS = [Buffer.from([0xff, 0xfe]), Buffer.from([0xfe, 0xff])];

const toChunks = (source: Buffer | AsyncIterable<Buffer>): AsyncIterable<Buffer> => (Buffer.isBuffer(source) ? Readable.from([source]) : source);

/**
 * Checks that the bytes are UTF-8 as they stream by (a BOM is fine), so that a file saved in
 * Windows-1252 or UTF-16 is refused with advice instead of imported as mojibake.
 */
async function* utf8Checked(source: AsyncIterable<Buffer>, file: string): AsyncGenerator<Buffer> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let first = true;
  let line = 1;
  for await (const chunk of source) {
    if (first && UTF16_BOMS.some((bom) => chunk.subarray(0, 2).equals(bom))) {
      throw new ImportFileError(`${file} is saved as UTF-16. Save it as UTF-8 (in Excel: Save As → CSV UTF-8) and upload it again.`, file);
    }
    first = false;
    try {
      decoder.decode(chunk, { stream: true });
    } catch {
      const bad = firstInvalidByte(chunk);
      line += countNewlines(chunk.subarray(0, bad));
      throw new ImportFileError(
        `${file} is not UTF-8: line ${line} has a character in another encoding (probably Windows-1252 or Latin-1). Save the file as UTF-8 (in Excel: Save As → CSV UTF-8) and upload it again.`,
        file,
      );
    }
    line += countNewlines(chunk);
    yield chunk;
  }
  try {
    decoder.decode();
  } catch {
    throw new ImportFileError(`${file} is not UTF-8: it ends in the middle of a character. Save the file as UTF-8 and upload it again.`, file);
  }
}

function countNewlines(bytes: Buffer): number {
  let count = 0;
  for (let index = bytes.indexOf(10); index !== -1; index = bytes.indexOf(10, index + 1)) count++;
  return count;
}

function firstInvalidByte(chunk: Buffer): number {
  let low = 0;
  let high = chunk.length;
  // The longest valid prefix, found by halving (a chunk is at most a few hundred kilobytes).
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(chunk.subarray(0, middle), { stream: true });
      low = middle;
    } catch {
      high = middle - 1;
    }
  }
  return low;
}

/** Maps a header row to the canonical column names; refuses duplicated and missing columns. */
export function matchHeader(names: string[], file: string, columns: CsvColumns): { header: CsvHeader; positions: (string | null)[] } {
  const canonical = new Map(columns.known.map((name) => [name.toLowerCase(), name]));
  const seen = new Set<string>();
  const positions = names.map((raw) => {
    const name = canonical.get(raw.trim().toLowerCase()) ?? null;
    if (name && seen.has(name)) throw new ImportFileError(`${file}: the column "${name}" appears twice in the header. Remove one of them.`, file);
    if (name) seen.add(name);
    return name;
  });
  const missing = columns.required.filter((name) => !seen.has(name));
  if (missing.length > 0) {
    const list = missing.map((name) => `"${name}"`).join(", ");
    throw new ImportFileError(
      `${file} is missing the column${missing.length > 1 ? "s" : ""} ${list}. The first line must be the header row (see the template).`,
      file,
    );
  }
  if (columns.oneOf && !columns.oneOf.some((name) => seen.has(name))) {
    throw new ImportFileError(
      `${file} has none of the columns ${columns.oneOf.map((name) => `"${name}"`).join(", ")}, so no row could be matched to a person. The first line must be the header row (see the template).`,
      file,
    );
  }
  const unknown = names.filter((raw, index) => positions[index] === null && raw.trim() !== "");
  return { header: { columns: [...seen], unknown }, positions };
}

function describeCsvError(error: CsvError, file: string): string {
  const line = typeof error.lines === "number" ? `line ${error.lines}` : "a line";
  if (error.code === "CSV_QUOTE_NOT_CLOSED") return `${file}: a quoted value that starts on or before ${line} is never closed. Check for a stray double quote.`;
  if (error.code === "CSV_INVALID_CLOSING_QUOTE") return `${file}, ${line}: a double quote inside a value must be written twice ("") or the value quoted.`;
  return `${file}, ${line}: ${error.message}`;
}

/**
 * Streams the rows of a CSV file. `onHeader` receives the columns found before the first row;
 * blank lines are skipped; quoted commas and newlines are handled.
 */
export async function* readCsvRows(
  source: Buffer | AsyncIterable<Buffer>,
  file: string,
  columns: CsvColumns,
  onHeader?: (header: CsvHeader) => void,
): AsyncGenerator<CsvRow> {
  const parser = parse({ bom: true, info: true, relax_column_count: true, skip_empty_lines: false, trim: false });
  // pipeline passes an encoding error on to the parser, and stops reading when the caller stops.
  pipeline(Readable.from(utf8Checked(toChunks(source), file)), parser, () => {});
  let positions: (string | null)[] | null = null;
  let previousEnd = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const line = previousEnd + 1;
      previousEnd = info.lines;
      if (record.length === 1 && record[0]!.trim() === "") continue;
      if (positions === null) {
        const read = matchHeader(record, file, columns);
        positions = read.positions;
        onHeader?.(read.header);
        continue;
      }
      if (record.length > positions.length && record.slice(positions.length).some((value) => value.trim() !== "")) {
        throw new ImportFileError(`${file}, line ${line}: the row has ${record.length} values but the header has ${positions.length} columns. Quote values that contain commas.`, file);
      }
      const values: Record<string, string> = {};
      for (let index = 0; index < positions.length; index++) {
        const name = positions[index];
        if (name) values[name] = (record[index] ?? "").trim();
      }
      yield { line, values };
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    if (error instanceof Error && "code" in error && String(error.code).startsWith("CSV_")) throw new ImportFileError(describeCsvError(error as CsvError, file), file);
    throw error;
  }
  if (positions === null) throw new ImportFileError(`${file} is empty. The first line must be the header row (see the template).`, file);
}
