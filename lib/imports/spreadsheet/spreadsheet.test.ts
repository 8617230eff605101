// People spreadsheets end to end against the real database: the preview writes nothing, the
// apply writes what the preview said, partial updates, conflicts, and files that cannot be read.
import ExcelJS from "exceljs";
import yazl from "yazl";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { applySpreadsheet, checkSpreadsheet } from "@/lib/imports/spreadsheet";
import { ImportFileError } from "@/lib/imports/types";
import { createDistrictAdmin, createSchool } from "@/test/factories";

const HEADER = "email,first_name,last_name,account_type,netid,netid2,netid3,grade,school,graduation_year";
const csv = (...lines: string[]) => Buffer.from([HEADER, ...lines].join("\n") + "\n");

async function district() {
  const admin = await createDistrictAdmin();
  const school = await createSchool(admin.districtId!, "Lincoln Elementary");
  return { districtId: admin.districtId!, school };
}

/** A zip with a worksheet of zeros, the shape of an .xlsx bomb. */
async function workbookBomb(): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.alloc(5 * 1024 * 1024), "xl/worksheets/sheet1.xml");
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

const peopleOf = (districtId: string) => db().rosterUser.findMany({ where: { districtId }, orderBy: { email: "asc" } });

describe("a people spreadsheet", () => {
  it("previews without writing, then creates the people with their role, school and grade", async () => {
    const { districtId, school } = await district();
    const file = csv("ada@lincoln.test,Ada,Lovelace,Student,S-1,,,5,Lincoln Elementary,2033", "grace@lincoln.test,Grace,Hopper,teacher,T-1,,,,,");
    const check = await checkSpreadsheet(districtId, file, "people.csv");
    expect(check.counts).toMatchObject({ create: 2, error: 0 });
    expect(await peopleOf(districtId)).toEqual([]);

    const applied = await applySpreadsheet(districtId, file, "people.csv");
    expect(applied.counts).toMatchObject({ create: 2 });
    const [ada, grace] = await peopleOf(districtId);
    expect(ada).toMatchObject({ givenName: "Ada", role: "student", grades: ["05"], orgSourcedIds: [school.sourcedId], graduationYear: 2033, netid: "S-1", source: "spreadsheet", status: "active" });
    expect(grace).toMatchObject({ role: "teacher", netid: "T-1" });
  });

  it("changes nothing when the same file comes again", async () => {
    const { districtId } = await district();
    const file = csv("ada@lincoln.test,Ada,Lovelace,Student,S-1,,,,,");
    await applySpreadsheet(districtId, file, "people.csv");
    const before = await peopleOf(districtId);
    const again = await applySpreadsheet(districtId, file, "people.csv");
    expect(again.counts).toMatchObject({ create: 0, update: 0, unchanged: 1 });
    expect(await peopleOf(districtId)).toEqual(before);
  });

  it("updates only the cells that have data, matching by netid before email", async () => {
    const { districtId } = await district();
    await applySpreadsheet(districtId, csv("ada@lincoln.test,Ada,Lovelace,Student,S-1,,,5,,"), "people.csv");
    const update = Buffer.from("netid,last_name,grade\nS-1,King,6\n");
    const result = await applySpreadsheet(districtId, update, "update.csv");
    expect(result.counts).toMatchObject({ update: 1 });
    const [ada] = await peopleOf(districtId);
    expect(ada).toMatchObject({ email: "ada@lincoln.test", givenName: "Ada", familyName: "King", grades: ["06"], role: "student" });
  });

  it("reports a row whose identifiers point at two people as a conflict and applies the others", async () => {
    const { districtId } = await district();
    await applySpreadsheet(districtId, csv("ada@lincoln.test,Ada,Lovelace,Student,S-1,,,,,", "bob@lincoln.test,Bob,Ray,Student,S-2,,,,,"), "people.csv");
    const file = csv("bob@lincoln.test,,,,S-1,,,,,", "cy@lincoln.test,Cy,Young,Student,S-3,,,,,");
    const result = await applySpreadsheet(districtId, file, "people.csv");
    expect(result.counts).toMatchObject({ conflict: 1, create: 1 });
    expect(result.issues).toEqual([expect.objectContaining({ kind: "conflict", line: 2, column: "email" })]);
    expect((await peopleOf(districtId)).map((person) => person.email)).toEqual(["ada@lincoln.test", "bob@lincoln.test", "cy@lincoln.test"]);
  });

  it("says which line and column is wrong, in words", async () => {
    const { districtId } = await district();
    const check = await checkSpreadsheet(districtId, csv("jsmith@,Jo,Smith,Student,,,,,,", "ok@lincoln.test,Ok,Person,Wizard,,,,,,", "x@lincoln.test,X,Y,Student,,,,,Nowhere High,"), "people.csv");
    expect(check.counts.error).toBe(3);
    expect(check.issues).toEqual([
      expect.objectContaining({ line: 2, column: "email", message: "'jsmith@' is not an email address." }),
      expect.objectContaining({ line: 3, column: "account_type", message: expect.stringContaining("'Wizard' is not one of the district's account types") }),
      expect.objectContaining({ line: 4, column: "school", message: expect.stringContaining("'Nowhere High' is not one of the district's schools") }),
    ]);
  });

  it("warns about columns that are not in the template and ignores them", async () => {
    const { districtId } = await district();
    const check = await checkSpreadsheet(districtId, Buffer.from("email,first_name,last_name,account_type,shoe_size\na@b.test,A,B,Student,9\n"), "people.csv");
    expect(check.counts.create).toBe(1);
    expect(check.issues).toEqual([expect.objectContaining({ kind: "warning", column: "shoe_size" })]);
  });

  it("reads the first sheet of an Excel workbook, hyperlinked emails included", async () => {
    const { districtId } = await district();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("People");
    sheet.addRow(HEADER.split(","));
    sheet.addRow([{ text: "ada@lincoln.test", hyperlink: "mailto:ada@lincoln.test" }, "Ada", "Lovelace", "Student", "S-1", null, null, 5, null, 2033]);
    const content = Buffer.from(await workbook.xlsx.writeBuffer());
    const result = await applySpreadsheet(districtId, content, "people.xlsx");
    expect(result.counts.create).toBe(1);
    expect((await peopleOf(districtId))[0]).toMatchObject({ email: "ada@lincoln.test", grades: ["05"], graduationYear: 2033 });
  });

  it("refuses a workbook that would inflate like a zip bomb, before reading it", async () => {
    const { districtId } = await district();
    await expect(checkSpreadsheet(districtId, await workbookBomb(), "people.xlsx")).rejects.toThrow(/people\.xlsx looks like a zip bomb/);
  });

  it.each([
    ["a header without any identifier column, named", Buffer.from("first_name,last_name\nAda,Lovelace\n"), "people.csv", /none of the columns "email", "netid", "netid2", "netid3"/],
    ["a file without its header row", Buffer.from("ada@lincoln.test,Ada,Lovelace,Student\n"), "people.csv", /none of the columns "email"/],
    ["Windows-1252 text", Buffer.from([...Buffer.from(`${HEADER}\n`), ...Buffer.from("ren"), 0xe9, ...Buffer.from("@b.test,Ren,E,Student,,,,,,\n")]), "people.csv", /not UTF-8: line 2/],
    ["an .xls workbook", Buffer.from("not really"), "people.xls", /Excel 97-2003/],
    ["a file that is not a workbook", Buffer.from("plain text"), "people.xlsx", /could not be read as an Excel workbook/],
  ])("refuses %s and writes nothing", async (_name, content, fileName, message) => {
    const { districtId } = await district();
    await expect(applySpreadsheet(districtId, content, fileName)).rejects.toThrow(ImportFileError);
    await expect(checkSpreadsheet(districtId, content, fileName)).rejects.toThrow(message);
    expect(await peopleOf(districtId)).toEqual([]);
  });

  it("accepts a UTF-8 byte order mark and quoted commas and newlines", async () => {
    const { districtId } = await district();
    const content = Buffer.from(`\ufeff${HEADER}\n"zoe@lincoln.test","Zoë, Jr.","O'Neil\nSmith",Student,,,,,,\n`);
    const result = await applySpreadsheet(districtId, content, "people.csv");
    expect(result.counts.create).toBe(1);
    expect((await peopleOf(districtId))[0]).toMatchObject({ givenName: "Zoë, Jr.", familyName: "O'Neil\nSmith" });
  });
});
