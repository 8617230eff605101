// The SFTP drop end to end on loopback: a district's system uploads a people spreadsheet,
// the inbox is processed through the job queue, the valid rows reach the roster, the file
// moves to archive/, and a file that is not data moves to rejected/ with the reason recorded.
import { readdirSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { queueInboxProcessing } from "@/lib/sftp/accounts";
import { folderPath, listInbox } from "@/lib/sftp/folders";
import { processInbox } from "@/lib/sftp/inbox";
import { startSftpServer, type RunningSftpServer } from "@/lib/sftp/server";
import { queueDueInboxes } from "@/lib/sftp/tasks";
import { connect, districtWithSftpKey, useTemporaryDataDir } from "@/lib/sftp/test-support";
import { startWebhookWorker } from "@/lib/webhooks/worker";

useTemporaryDataDir();

const PEOPLE_CSV = [
  "email,first_name,last_name,account_type,netid,netid2,netid3,grade,school,graduation_year",
  "ada.lovelace@students.example.org,Ada,Lovelace,Student,100234,,,7,,2031",
  "alan.turing@students.example.org,Alan,Turing,Student,100235,,,8,,2030",
  "grace.hopper@students.example.org,Grace,,Student,100236,,,7,,2031",
].join("\n");

let server: RunningSftpServer;
beforeAll(async () => {
  server = await startSftpServer({ port: 0, host: "127.0.0.1", maxUploadBytes: 1024 * 1024 });
});
afterAll(() => server.close());

async function waitFor<T>(read: () => Promise<T | null | undefined>, what: string): Promise<T> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const value = await read();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`Gave up waiting for ${what}`);
}

describe("processing the inbox", () => {
  it("imports an uploaded spreadsheet's valid rows, archives it, and rejects a file that is not data", async () => {
    const district = await districtWithSftpKey();
    const client = await connect(server.port, district.username, district.privateKey);
    await client.put(Buffer.from(PEOPLE_CSV), "inbox/people.csv");
    await client.put(Buffer.from("Call Sam about the new school year."), "inbox/notes.txt");
    await client.end();
    expect((await listInbox(district.districtId)).map((file) => file.name).sort()).toEqual(["notes.txt", "people.csv"]);

    const worker = await startWebhookWorker({ connectionString: process.env.DATABASE_URL!, concurrency: 2 });
    try {
      await queueInboxProcessing(district.districtId);
      const imported = await waitFor(
        () => db().rosterImport.findFirst({ where: { districtId: district.districtId, fileName: "people.csv", status: { in: ["completed", "failed"] } } }),
        "the spreadsheet to be applied",
      );
      expect(imported).toMatchObject({ channel: "sftp", status: "completed", createdById: null, validRowsOnly: true });
    } finally {
      await worker.stop();
    }

    const people = await db().rosterUser.findMany({ where: { districtId: district.districtId }, orderBy: { email: "asc" } });
    expect(people.map((person) => [person.email, person.givenName, person.familyName, person.netid, person.role])).toEqual([
      ["ada.lovelace@students.example.org", "Ada", "Lovelace", "100234", "student"],
      ["alan.turing@students.example.org", "Alan", "Turing", "100235", "student"],
    ]);
    const problems = await db().rosterImportIssue.findMany({ where: { import: { districtId: district.districtId, fileName: "people.csv" }, kind: "error" } });
    expect(problems.map((issue) => issue.line)).toEqual([4]);

    const rejected = await db().rosterImport.findFirstOrThrow({ where: { districtId: district.districtId, fileName: "notes.txt" } });
    expect(rejected).toMatchObject({ channel: "sftp", status: "rejected", message: expect.stringContaining("not a data file") });

    expect(await listInbox(district.districtId)).toEqual([]);
    expect(readdirSync(folderPath(district.districtId, "archive"))).toEqual([expect.stringMatching(/^\d{8}T\d{6}\.\d{3}Z_people\.csv$/)]);
    expect(readdirSync(folderPath(district.districtId, "rejected"))).toEqual([expect.stringMatching(/^\d{8}T\d{6}\.\d{3}Z_notes\.txt$/)]);
    const account = await db().sftpAccount.findUniqueOrThrow({ where: { districtId: district.districtId } });
    expect(account.lastProcessedAt).toBeInstanceOf(Date);

    // The same name dropped again is archived beside the first, not over it.
    const again = await connect(server.port, district.username, district.privateKey);
    await again.put(Buffer.from(PEOPLE_CSV), "inbox/people.csv");
    expect((await again.list("archive")).map((entry) => entry.name)).toHaveLength(1);
    await again.end();
    await processInbox(district.districtId);
    expect(readdirSync(folderPath(district.districtId, "archive"))).toHaveLength(2);
  });

  it("removes uploads cut off a day ago, keeps those in progress, and takes back files a dead run had claimed", async () => {
    const district = await districtWithSftpKey("Lakeview School District");
    const inbox = folderPath(district.districtId, "inbox");
    const dayAgo = new Date(Date.now() - 25 * 3_600_000);
    writeFileSync(path.join(inbox, ".upload-0123456789abcdef"), "email\n");
    utimesSync(path.join(inbox, ".upload-0123456789abcdef"), dayAgo, dayAgo);
    writeFileSync(path.join(inbox, ".upload-fedcba9876543210"), "email\n");
    writeFileSync(path.join(inbox, `.processing-${dayAgo.getTime()}-0a1b2c3d-staff.txt`), "not data");

    const processed = await processInbox(district.districtId);
    expect(processed).toEqual([expect.objectContaining({ fileName: "staff.txt", status: "rejected", movedTo: expect.stringMatching(/^rejected\/.*_staff\.txt$/) })]);
    expect(readdirSync(inbox)).toEqual([".upload-fedcba9876543210"]);
  });

  it("leaves an inbox alone until its daily time has come again", async () => {
    const district = await districtWithSftpKey("Riverside Unified");
    await db().importSettings.create({ data: { districtId: district.districtId, processAt: "02:00", timeZone: "America/New_York" } });
    // 02:00 in New York on 15 January is 07:00 UTC.
    expect(await queueDueInboxes(new Date("2026-01-15T07:04:00Z"))).toContain(district.districtId);
    await db().sftpAccount.update({ where: { districtId: district.districtId }, data: { lastProcessedAt: new Date("2026-01-15T07:05:00Z") } });
    expect(await queueDueInboxes(new Date("2026-01-15T12:00:00Z"))).not.toContain(district.districtId);
    expect(await queueDueInboxes(new Date("2026-01-16T07:01:00Z"))).toContain(district.districtId);
  });
});
