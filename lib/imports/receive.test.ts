// The import pipeline every way in shares, against the real database: recorded, validated
// (nothing written), confirmed or discarded, applied by the job, and kept in the history.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { errorReportLines, neutraliseFormula } from "@/lib/imports/error-report";
import { importPeopleItems } from "@/lib/imports/people/import-items";
import { importDetail } from "@/lib/imports/queries";
import { applyImport, confirmImport, createImport, discardImport, receiveImportFile, validateImport } from "@/lib/imports/receive";
import { createDistrictAdmin } from "@/test/factories";

const HEADER = "email,first_name,last_name,account_type,netid";
const file = (...lines: string[]) => Buffer.from([HEADER, ...lines].join("\n"));
const GOOD_AND_BAD = file("ada@school.test,Ada,Lovelace,Student,S-1", "jsmith@,Jo,Smith,Student,S-2");

async function upload(content: Buffer, fileName = "people.csv") {
  const admin = await createDistrictAdmin();
  const districtId = admin.districtId!;
  const created = await createImport({ districtId, channel: "upload", fileName, content, createdById: admin.id });
  return { admin, districtId, importId: created.importId, created };
}

const queuedJobs = (importId: string) => db().$queryRaw<{ task_identifier: string }[]>`SELECT task_identifier FROM graphile_worker.jobs WHERE key = ${`import:${importId}`}`;

describe("an uploaded file", () => {
  it("stops at the preview with counts and problems, and writes no person", async () => {
    const { districtId, importId } = await upload(GOOD_AND_BAD);
    expect(await validateImport(importId)).toMatchObject({ status: "previewed" });
    const detail = await importDetail(districtId, importId);
    expect(detail?.summary).toMatchObject({ status: "previewed", rowsTotal: 2, counts: expect.objectContaining({ create: 1, error: 1 }), issueCount: 1 });
    expect(detail?.issues[0]).toMatchObject({ line: 3, column: "email", message: "'jsmith@' is not an email address." });
    expect(await db().rosterUser.count({ where: { districtId } })).toBe(0);
  });

  it("cannot be confirmed whole while rows have problems; the valid rows can be imported", async () => {
    const { districtId, importId } = await upload(GOOD_AND_BAD);
    await validateImport(importId);
    await expect(confirmImport(districtId, importId, false)).rejects.toThrow(/1 row has problems/);
    await confirmImport(districtId, importId, true);
    expect(await queuedJobs(importId)).toEqual([{ task_identifier: "apply-import" }]);
    await expect(confirmImport(districtId, importId, true)).rejects.toThrow(/already applying/);

    expect(await applyImport(importId)).toMatchObject({ status: "completed" });
    const detail = await importDetail(districtId, importId);
    expect(detail?.summary).toMatchObject({ status: "completed", validRowsOnly: true, counts: expect.objectContaining({ create: 1, error: 1 }), createdBy: "District Admin" });
    expect(await db().rosterUser.findMany({ where: { districtId }, select: { email: true, source: true } })).toEqual([{ email: "ada@school.test", source: "spreadsheet" }]);
    expect(await db().rosterImportFile.count({ where: { importId } })).toBe(0);
  });

  it("is discarded without writing, and another district can neither see nor confirm it", async () => {
    const { districtId, importId } = await upload(file("ada@school.test,Ada,Lovelace,Student,S-1"));
    await validateImport(importId);
    const other = await createDistrictAdmin();
    expect(await importDetail(other.districtId!, importId)).toBeNull();
    await expect(confirmImport(other.districtId!, importId, true)).rejects.toThrow(/not found/);
    await expect(discardImport(other.districtId!, importId)).rejects.toThrow(/not found/);
    await discardImport(districtId, importId);
    expect((await importDetail(districtId, importId))?.summary.status).toBe("discarded");
    expect(await db().rosterUser.count({ where: { districtId } })).toBe(0);
  });

  it("that is not a data file is recorded as rejected, with the reason", async () => {
    const { districtId, created } = await upload(Buffer.from("MZ..."), "setup.exe");
    expect(created).toMatchObject({ status: "rejected", message: expect.stringContaining("setup.exe is not a data file") });
    expect((await importDetail(districtId, created.importId))?.summary.status).toBe("rejected");
  });

  it("that cannot be read is rejected at validation, with the file's problem in words", async () => {
    const { importId } = await upload(Buffer.from("first_name\nAda\n"));
    expect(await validateImport(importId)).toMatchObject({ status: "rejected", message: expect.stringContaining("none of the columns") });
  });
});

describe("an SFTP drop", () => {
  it("skips the preview: valid rows are queued for applying at once", async () => {
    const admin = await createDistrictAdmin();
    const received = await receiveImportFile({ districtId: admin.districtId!, channel: "sftp", fileName: "nightly.csv", content: GOOD_AND_BAD, createdById: null });
    expect(received.status).toBe("applying");
    await applyImport(received.importId);
    expect((await importDetail(admin.districtId!, received.importId))?.summary).toMatchObject({ status: "completed", channel: "sftp", createdBy: "SFTP drop" });
    expect(await db().rosterUser.count({ where: { districtId: admin.districtId! } })).toBe(1);
  });
});

describe("upsert API items", () => {
  it("answer per item, and repeating the request changes nothing", async () => {
    const admin = await createDistrictAdmin();
    const token = await db().districtApiToken.create({ data: { districtId: admin.districtId!, name: "SIS", prefix: "rc_dist_x", tokenHash: crypto.randomUUID() } });
    const items = [
      { email: "ada@school.test", first_name: "Ada", last_name: "Lovelace", account_type: "Student", netid: "S-1" },
      { email: "bad" },
      { netid: "S-1", grade: "7" },
    ];
    const first = await importPeopleItems(admin.districtId!, items, { tokenId: token.id });
    expect(first.results.map((result) => [result.outcome, result.matchedBy])).toEqual([["create", null], ["error", null], ["error", null]]);
    expect(first.results[2]!.issues[0]!.message).toContain("same person as item 0");

    const again = await importPeopleItems(admin.districtId!, [items[0]!], { tokenId: token.id });
    expect(again.results).toEqual([expect.objectContaining({ outcome: "unchanged", matchedBy: "netid", sourcedId: first.results[0]!.sourcedId })]);
    expect((await importDetail(admin.districtId!, again.importId))?.summary).toMatchObject({ channel: "api", status: "completed", createdBy: "API token" });
  });
});

describe("the error report", () => {
  it("neutralises cells a spreadsheet would run as formulas", () => {
    expect(["=HYPERLINK(1)", "+1", "-2", "@SUM(A1)", "\tx", "plain"].map(neutraliseFormula)).toEqual(["'=HYPERLINK(1)", "'+1", "'-2", "'@SUM(A1)", "'\tx", "plain"]);
    expect(errorReportLines([{ id: "1", kind: "error", file: "p.csv", line: 3, column: "email", message: "=cmd|' /C calc'!A0 is not an email address." }], true)).toBe(
      "kind,file,line,column,message\nerror,p.csv,3,email,'=cmd|' /C calc'!A0 is not an email address.\n",
    );
  });
});
