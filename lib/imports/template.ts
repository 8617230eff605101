// The people template the Imports page offers: the header row (CSV), or a workbook with the
// header row on its first sheet and what each column takes, with the district's account
// types, on a second.
import ExcelJS from "exceljs";
import { COLUMN_HELP, PERSON_COLUMNS } from "@/lib/imports/people/columns";
import type { AccountType } from "@/lib/imports/people/account-types";

export const templateCsv = (): string => `${PERSON_COLUMNS.join(",")}\r\n`;

export async function templateWorkbook(accountTypes: readonly AccountType[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Rollcall";
  const people = workbook.addWorksheet("People");
  people.addRow([...PERSON_COLUMNS]).font = { bold: true };
  people.columns.forEach((column) => (column.width = 18));
  people.views = [{ state: "frozen", ySplit: 1 }];

  const help = workbook.addWorksheet("Help");
  help.addRow(["Column", "What it takes"]).font = { bold: true };
  for (const column of PERSON_COLUMNS) help.addRow([column, COLUMN_HELP[column]]);
  help.addRow([]);
  help.addRow(["Account type", "OneRoster role"]).font = { bold: true };
  for (const type of accountTypes) help.addRow([type.accountType, type.role]);
  help.addRow([]);
  help.addRow(["Matching", "A row matches a person by netid3, else netid2, else netid, else email. A blank cell changes nothing."]);
  help.getColumn(1).width = 18;
  help.getColumn(2).width = 100;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
