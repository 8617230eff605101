// OneRoster CSV lines as RFC 4180 has them (the same text csv-stringify writes by default: a
// cell is quoted only when it holds a comma, a quote or a line break, quotes doubled). Written
// by hand because csv-stringify's per-cell work was most of an export's time. No formula
// escaping here: OneRoster files are read by programs, and a phone number may start with +.
const NEEDS_QUOTES = /[",\r\n]/;

export function csvRecord(cells: readonly string[]): string {
  let line = "";
  for (let index = 0; index < cells.length; index++) {
    const cell = cells[index]!;
    if (index > 0) line += ",";
    line += NEEDS_QUOTES.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
  }
  return `${line}\n`;
}
