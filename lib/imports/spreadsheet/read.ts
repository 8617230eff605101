// Reads a people spreadsheet (CSV or the first sheet of an .xlsx workbook) in the template's
// layout as a stream of rows: the header row first, then one person per row.
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { matchHeader, readCsvRows, type CsvHeader } from "@/lib/imports/csv";
import { defaultZipLimits, openZip, type ZipArchive } from "@/lib/imports/zip";
import { PERSON_COLUMNS, type PersonValues } from "@/lib/imports/people/columns";
import { ImportFileError } from "@/lib/imports/types";

// Only an identifier column is needed: a file that updates people may leave out what it does not change.
export const SPREADSHEET_COLUMNS = { required: [], oneOf: ["email", "netid", "netid2", "netid3"], known: PERSON_COLUMNS } as const;

export type SpreadsheetKind = "csv" | "xlsx";
export type SpreadsheetRow = { line: number; values: PersonValues };

export function spreadsheetKind(fileName: string): SpreadsheetKind | "xls" | null {
  const extension = fileName.toLowerCase().split(".").pop();
  return extension === "csv" || extension === "xlsx" || extension === "xls" ? extension : null;
}

/** The cell's value as text: exceljs gives numbers, dates, rich text, hyperlinks and formula results as objects. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("text" in value) return typeof value.text === "string" ? value.text : cellText(value.text as ExcelJS.CellValue);
  if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
  if ("error" in value) return "";
  return "";
}

/**
 * A workbook is a zip: its files are inflated once under the import's zip limits (which
 * refuse a bomb, whatever its headers claim) before the workbook reader inflates them again.
 */
async function checkWorkbookZip(content: Buffer, file: string): Promise<void> {
  let archive: ZipArchive;
  try {
    archive = await openZip(content, file, { ...defaultZipLimits(), nestedFolders: true });
  } catch (error) {
    if (error instanceof ImportFileError && /not a zip/i.test(error.message)) throw unreadableWorkbook(file);
    throw error;
  }
  try {
    for (const entry of archive.files) for await (const _chunk of archive.read(entry));
  } finally {
    archive.close();
  }
}

const unreadableWorkbook = (file: string) =>
  new ImportFileError(`${file} could not be read as an Excel workbook (.xlsx). Open it in Excel and save it again as .xlsx or CSV UTF-8.`, file);

async function* xlsxRows(content: Buffer, file: string, onHeader?: (header: CsvHeader) => void): AsyncGenerator<SpreadsheetRow> {
  await checkWorkbookZip(content, file);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([content]), { worksheets: "emit", sharedStrings: "cache", hyperlinks: "ignore", styles: "ignore" });
  let positions: (string | null)[] | null = null;
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        // row.values is 1-based: index 0 is always empty.
        const cells = (row.values as ExcelJS.CellValue[]).slice(1).map((value) => cellText(value).trim());
        if (cells.every((cell) => cell === "")) continue;
        if (positions === null) {
          const header = matchHeader(cells, file, SPREADSHEET_COLUMNS);
          positions = header.positions;
          onHeader?.(header.header);
          continue;
        }
        yield { line: row.number, values: valuesOf(cells, positions) };
      }
      break;
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw unreadableWorkbook(file);
  }
  if (positions === null) throw new ImportFileError(`${file} is empty. The first row must be the header row (see the template).`, file);
}

function valuesOf(cells: readonly string[], positions: readonly (string | null)[]): PersonValues {
  const values: Record<string, string> = {};
  positions.forEach((name, index) => {
    const cell = cells[index];
    if (name && cell) values[name] = cell;
  });
  return values as PersonValues;
}

/** The rows of a spreadsheet; blank cells are left out, so that they change nothing. */
export async function* readSpreadsheet(content: Buffer, file: string, onHeader?: (header: CsvHeader) => void): AsyncGenerator<SpreadsheetRow> {
  const kind = spreadsheetKind(file);
  if (kind === "xls") {
    throw new ImportFileError(`${file} is an Excel 97-2003 workbook (.xls), which Rollcall does not read. Open it in Excel and save it as .xlsx or CSV UTF-8.`, file);
  }
  if (kind === "xlsx") {
    yield* xlsxRows(content, file, onHeader);
    return;
  }
  for await (const row of readCsvRows(content, file, SPREADSHEET_COLUMNS, onHeader)) {
    const values: Record<string, string> = {};
    for (const [name, value] of Object.entries(row.values)) if (value) values[name] = value;
    yield { line: row.line, values: values as PersonValues };
  }
}
