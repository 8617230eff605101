// Uploaded zips: the files inside are listed and streamed, and zips that could hurt the server
// (paths out of the folder, bombs, encryption) are refused with the entries named.
import { describe, expect, it } from "vitest";
import { ImportFileError } from "@/lib/imports/types";
import { openZip, type ZipArchive } from "@/lib/imports/zip";
import { zipOf } from "@/test/oneroster-zip";

const LIMITS = { maxTotalBytes: 50 * 1024 * 1024, maxRatio: 200 };

/** Rewrites entry names in place (same length), for names no zip library will write. */
function renamed(zip: Buffer, from: string, to: string): Buffer {
  const copy = Buffer.from(zip);
  for (let at = copy.indexOf(from); at !== -1; at = copy.indexOf(from, at + 1)) copy.write(to, at);
  return copy;
}

/** Each central directory record of the zip, by its offset. */
function* centralRecords(zip: Buffer): Generator<number> {
  for (let at = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); at !== -1; at = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 4)) yield at;
}

async function readAll(archive: ZipArchive, name: string): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of archive.read(archive.files.find((file) => file.name === name)!)) chunks.push(chunk);
  return Buffer.concat(chunks).toString("utf8");
}

async function refusal(content: Buffer): Promise<string> {
  const error = await openZip(content, "people.zip", LIMITS).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ImportFileError);
  return (error as Error).message;
}

describe("openZip", () => {
  it("lists and streams the files, also when they sit in one folder, leaving out what the Finder adds", async () => {
    const archive = await openZip(
      await zipOf({ "export/manifest.csv": "propertyName,value\n", "export/users.csv": "sourcedId\nu-1\n", "__MACOSX/export/._users.csv": "junk", "export/.DS_Store": "junk" }),
      "people.zip",
      LIMITS,
    );
    expect(archive.files.map((file) => file.name)).toEqual(["manifest.csv", "users.csv"]);
    expect(await readAll(archive, "users.csv")).toBe("sourcedId\nu-1\n");
    // A file can be read again.
    expect(await readAll(archive, "users.csv")).toBe("sourcedId\nu-1\n");
    archive.close();
  });

  it("refuses what is not a zip, naming the upload", async () => {
    expect(await refusal(Buffer.from("sourcedId,givenName\nu-1,Jane\n"))).toBe("people.zip is not a zip file (or it is damaged). Upload the .zip your system exported, unchanged.");
  });

  it("refuses paths that climb out of the folder or are absolute, naming them", async () => {
    const zip = renamed(renamed(await zipOf({ "xx/evil.csv": "a", "ok.csv": "b", "tmp/abs.csv": "c" }), "xx/evil.csv", "../evil.csv"), "tmp/abs.csv", "/tm/abs.csv");
    expect(await refusal(zip)).toBe(
      'people.zip holds files with paths that point outside the zip ("../evil.csv", "/tm/abs.csv"). Zip the files themselves, without ".." or absolute paths.',
    );
    // Windows separators count as folders: a\..\b.csv climbs as far as a/../b.csv.
    const backslashes = renamed(await zipOf({ "a/xx/b.csv": "x" }), "a/xx/b.csv", "a\\..\\b.csv");
    expect(await refusal(backslashes)).toMatch(/paths that point outside the zip \("a\/\.\.\/b\.csv"\)/);
  });

  it("refuses files in several folders", async () => {
    expect(await refusal(await zipOf({ "one/users.csv": "a", "two/orgs.csv": "b" }))).toMatch(/has its files in several folders/);
    expect(await refusal(await zipOf({ "users.csv": "a", "deep/er/orgs.csv": "b" }))).toMatch(/has its files in several folders/);
  });

  it("refuses a zip bomb from its header, before inflating", async () => {
    const bomb = await zipOf({ "users.csv": Buffer.alloc(8 * 1024 * 1024, "a") });
    expect(bomb.length).toBeLessThan(64 * 1024);
    expect(await refusal(bomb)).toBe('people.zip looks like a zip bomb: "users.csv" would inflate more than 200 times. Upload the files your system exported, unchanged.');
  });

  it("stops a file that inflates beyond what its header says", async () => {
    const zip = await zipOf({ "users.csv": Buffer.alloc(8 * 1024 * 1024, "a") });
    // The central directory claims 20 KB: within every limit, so the entry is opened.
    for (const at of centralRecords(zip)) zip.writeUInt32LE(20 * 1024, at + 24);
    const archive = await openZip(zip, "people.zip", LIMITS);
    await expect(readAll(archive, "users.csv")).rejects.toThrow("users.csv inflates far beyond what its zip header says (a possible zip bomb).");
    archive.close();
  });

  it("refuses more data in all than an import may hold", async () => {
    const zip = await zipOf({ "users.csv": Buffer.alloc(3 * 1024 * 1024, "a"), "orgs.csv": "b" }, { compress: false });
    const error = await openZip(zip, "people.zip", { maxTotalBytes: 2 * 1024 * 1024, maxRatio: 200 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ImportFileError);
    expect((error as Error).message).toBe("people.zip would inflate to 3 MB, more than the 2 MB an import may hold. Split it into smaller files.");
  });

  it("refuses password-protected entries", async () => {
    const zip = await zipOf({ "users.csv": "sourcedId\nu-1\n" });
    for (const at of centralRecords(zip)) zip.writeUInt16LE(zip.readUInt16LE(at + 8) | 1, at + 8);
    expect(await refusal(zip)).toBe('people.zip is password-protected ("users.csv"). Zip the files again without a password.');
  });
});
