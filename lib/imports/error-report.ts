// The downloadable error report of an import: one CSV line per problem. Spreadsheet programs
// run a cell starting with =, +, -, @ (or a tab or carriage return) as a formula, and a
// report quotes what people typed, so such cells are prefixed with an apostrophe.
import { stringify } from "csv-stringify/sync";
import type { ImportIssueView } from "@/lib/imports/queries";

const FORMULA_START = /^[=+\-@\t\r]/;

export const neutraliseFormula = (cell: string): string => (FORMULA_START.test(cell) ? `'${cell}` : cell);

export const ERROR_REPORT_HEADER = ["kind", "file", "line", "column", "message"];

export function errorReportLines(issues: readonly ImportIssueView[], withHeader: boolean): string {
  const rows = issues.map((issue) => [issue.kind, issue.file ?? "", issue.line === null ? "" : String(issue.line), issue.column ?? "", issue.message].map(neutraliseFormula));
  return stringify(withHeader ? [ERROR_REPORT_HEADER, ...rows] : rows);
}
