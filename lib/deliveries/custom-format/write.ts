// How a custom format writes its cells, lines and bytes: pure functions the export and the
// preview share, so the preview shows exactly the file a vendor will receive.
import type { CatalogField } from "@/lib/deliveries/custom-format/catalog";
import type { CustomFormat } from "@/lib/deliveries/types";
import { neutraliseFormula } from "@/lib/imports/error-report";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/** One value as text: dates in the chosen format, lists joined with commas, booleans true/false, nothing as "". */
export function formatCell(value: unknown, kind: CatalogField["kind"], format: Pick<CustomFormat, "dateFormat">): string {
  if (value === null || value === undefined) return "";
  switch (kind) {
    case "date":
      return formatDate(value, format.dateFormat);
    case "list":
      return Array.isArray(value) ? value.map((item) => (item === null || item === undefined ? "" : String(item))).join(",") : String(value);
    case "boolean":
      if (typeof value === "boolean") return value ? "true" : "false";
      return String(value);
    default:
      return value instanceof Date ? value.toISOString() : String(value);
  }
}

function formatDate(value: unknown, dateFormat: CustomFormat["dateFormat"]): string {
  const iso = value instanceof Date ? value.toISOString() : String(value);
  const match = ISO_DATE.exec(iso);
  if (!match) return iso;
  const [, year, month, day] = match as unknown as [string, string, string, string];
  switch (dateFormat) {
    case "YYYY-MM-DD":
      return `${year}-${month}-${day}`;
    case "MM/DD/YYYY":
      return `${month}/${day}/${year}`;
    case "DD/MM/YYYY":
      return `${day}/${month}/${year}`;
    case "YYYYMMDD":
      return `${year}${month}${day}`;
  }
}

const LINE_BREAK = { lf: "\n", crlf: "\r\n" } as const;
const EDGE_SPACE = /^[ \t]|[ \t]$/;

/**
 * One CSV line per record: delimiter, quoting (as needed: quote when the cell holds the
 * delimiter, a quote, CR or LF, or leading/trailing spaces; all: always), quotes doubled,
 * formula-leading cells (=, +, -, @, tab, CR) escaped with a leading ', line ending.
 */
export function csvLine(cells: readonly string[], format: Pick<CustomFormat, "delimiter" | "quoting" | "lineEnding">): string {
  const { delimiter, quoting } = format;
  let line = "";
  for (let index = 0; index < cells.length; index++) {
    const cell = neutraliseFormula(cells[index]!);
    const quote = quoting === "all" || cell.includes(delimiter) || cell.includes('"') || cell.includes("\n") || cell.includes("\r") || EDGE_SPACE.test(cell);
    if (index > 0) line += delimiter;
    line += quote ? `"${cell.replaceAll('"', '""')}"` : cell;
  }
  return line + LINE_BREAK[format.lineEnding];
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const UTF16LE_BOM = Buffer.from([0xff, 0xfe]);

/**
 * Text as the format's bytes. utf-8-bom (and utf-16le, which spreadsheet programs recognise
 * only by its BOM) puts the BOM before the first chunk; latin1 writes "?" for a character it
 * cannot hold.
 */
export function encodeText(text: string, encoding: CustomFormat["encoding"], first: boolean): Buffer {
  switch (encoding) {
    case "utf-8":
      return Buffer.from(text, "utf8");
    case "utf-8-bom":
      return first ? Buffer.concat([UTF8_BOM, Buffer.from(text, "utf8")]) : Buffer.from(text, "utf8");
    case "utf-16le":
      return first ? Buffer.concat([UTF16LE_BOM, Buffer.from(text, "utf16le")]) : Buffer.from(text, "utf16le");
    case "latin1":
      // Buffer's latin1 keeps only the low byte of each code unit: replace the rest first.
      return Buffer.from(/[^\u0000-\u00ff]/.test(text) ? text.replace(/[^\u0000-\u00ff]/gu, "?") : text, "latin1");
  }
}
