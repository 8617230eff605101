// What a district admin sees when a OneRoster zip is wrong: the whole file refused with a
// sentence naming the file and what to do, or each bad row named by line and column and left
// out, while nothing of the bad input is stored.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { applyOneRosterZip, checkOneRosterZip } from "@/lib/imports/oneroster";
import { ImportFileError, type ApplyResult } from "@/lib/imports/types";
import { manifestCsv, zipOf } from "@/test/oneroster-zip";

const FILES = {
  "orgs.csv": ["sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId", "d-1,,,Maplewood,district,,", "s-1,,,Maplewood High,school,MHS,d-1"],
  "academicSessions.csv": ["sourcedId,status,dateLastModified,title,type,startDate,endDate,parentSourcedId,schoolYear", "y-27,,,2026-2027,schoolYear,2026-08-17,2027-06-11,,2027"],
  "courses.csv": ["sourcedId,status,dateLastModified,schoolYearSourcedId,title,courseCode,grades,orgSourcedId,subjects,subjectCodes", "c-1,,,y-27,Algebra I,ALG1,09,s-1,Math,"],
  "classes.csv": [
    "sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,location,schoolSourcedId,termSourcedIds,subjects,subjectCodes,periods",
    "k-1,,,Algebra I - Period 1,09,c-1,ALG1-P1,scheduled,Room 4,s-1,y-27,Math,,1",
  ],
  "users.csv": [
    "sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password",
    "u-1,,,true,s-1,student,jdoe,{SIS:1001},Jane,Doe,,1001,jdoe@maplewood.example,,,,09,",
    "u-2,,,true,s-1,teacher,msmith,,Mary,Smith,,,msmith@maplewood.example,,,,,",
  ],
  "enrollments.csv": ["sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate", "e-1,,,k-1,s-1,u-1,student,false,,", "e-2,,,k-1,s-1,u-2,teacher,true,,"],
};
type FileName = keyof typeof FILES;

/** The small roster above as a bulk zip, with some files' lines replaced or added to. */
function rosterZip(changes: Partial<Record<FileName, string[]>> = {}, extra: Record<string, string | Buffer> = {}) {
  const files: Record<string, string | Buffer> = { "manifest.csv": manifestCsv(Object.fromEntries(Object.keys(FILES).map((file) => [file.replace(".csv", ""), "bulk"]))) };
  for (const [name, lines] of Object.entries(FILES)) files[name] = [...(changes[name as FileName] ?? lines)].join("\n");
  return zipOf({ ...files, ...extra });
}

let districtId: string;

beforeEach(async () => {
  districtId = (await db().district.create({ data: { name: "Bad Input District", state: "OR", districtGuid: randomUUID() } })).id;
});

const stored = async () => ({
  users: await db().rosterUser.count({ where: { districtId } }),
  enrollments: await db().enrollment.count({ where: { districtId } }),
  orgs: await db().org.count({ where: { districtId } }),
});

async function expectRefused(content: Buffer, message: RegExp) {
  await expect(checkOneRosterZip(districtId, content)).rejects.toThrow(message);
  const error = await applyOneRosterZip(districtId, content).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(ImportFileError);
  expect((error as Error).message).toMatch(message);
  expect(await stored()).toEqual({ users: 0, enrollments: 0, orgs: 0 });
}

describe("whole files refused", () => {
  it("the small roster itself imports cleanly (so each refusal below is the change's doing)", async () => {
    const result = await applyOneRosterZip(districtId, await rosterZip());
    expect(result.counts).toMatchObject({ create: 9, error: 0 });
    expect(await stored()).toEqual({ users: 2, enrollments: 2, orgs: 2 });
  });

  it("not a zip", async () => {
    await expectRefused(Buffer.from("sourcedId,name\nu-1,Jane\n"), /The uploaded file is not a zip file/);
  });

  it("a zip with a path out of its folder, naming the entry", async () => {
    const zip = await rosterZip({}, { "xx/evil.csv": "sourcedId\n" });
    const at = zip.indexOf("xx/evil.csv");
    const slipped = Buffer.from(zip);
    for (let found = at; found !== -1; found = slipped.indexOf("xx/evil.csv", found + 1)) slipped.write("../evil.csv", found);
    await expectRefused(slipped, /paths that point outside the zip \("\.\.\/evil\.csv"\)/);
  });

  it("a zip bomb: a highly compressible users.csv", async () => {
    const header = `${FILES["users.csv"][0]}\n`;
    await expectRefused(await rosterZip({}, { "users.csv": Buffer.concat([Buffer.from(header), Buffer.alloc(16 * 1024 * 1024, " ")]) }), /looks like a zip bomb: "users\.csv"/);
  });

  it("a zip without manifest.csv", async () => {
    const files = Object.fromEntries(Object.entries(FILES).map(([name, lines]) => [name, lines.join("\n")]));
    await expectRefused(await zipOf(files), /has no manifest\.csv/);
  });

  it("a file the manifest lists that the zip lacks", async () => {
    const zip = await zipOf({ "manifest.csv": manifestCsv({ users: "bulk", orgs: "bulk" }), "orgs.csv": FILES["orgs.csv"].join("\n") });
    await expectRefused(zip, /manifest\.csv lists users\.csv as bulk, but the zip has no users\.csv/);
  });

  it("a users.csv without its givenName column", async () => {
    const users = FILES["users.csv"].map((line) => line.split(",").filter((_, index) => index !== 8).join(","));
    await expectRefused(await rosterZip({ "users.csv": users }), /users\.csv is missing the column "givenName"/);
  });

  it("a users.csv saved in Windows-1252", async () => {
    const users = Buffer.concat([Buffer.from(`${FILES["users.csv"].join("\n")}\nu-3,,,true,s-1,student,jrene,,Jos`), Buffer.from([0xe9]), Buffer.from(",Ren,,,,,,,,,\n")]);
    await expectRefused(await rosterZip({}, { "users.csv": users }), /users\.csv is not UTF-8: line 4 .*Windows-1252.*Save the file as UTF-8/);
  });

  it("a manifest of another OneRoster version", async () => {
    const zip = await rosterZip({}, { "manifest.csv": manifestCsv({ users: "bulk" }).replace("oneroster.version,1.1", "oneroster.version,1.2") });
    await expectRefused(zip, /manifest\.csv says oneroster\.version is '1\.2'.*OneRoster 1\.1/);
  });
});

describe("rows refused, the rest applied", () => {
  async function applyWith(changes: Partial<Record<FileName, string[]>>) {
    const content = await rosterZip(changes);
    const check = await checkOneRosterZip(districtId, content);
    const result = await applyOneRosterZip(districtId, content);
    expect(result.counts).toEqual(check.counts);
    return result;
  }
  const errors = (result: ApplyResult) => result.issues.filter((issue) => issue.kind === "error");

  it("a role OneRoster does not have", async () => {
    const result = await applyWith({ "users.csv": [...FILES["users.csv"], "u-3,,,true,s-1,pupil,kpupil,,Kim,Lee,,,,,,,,"] });
    expect(errors(result)).toEqual([
      { kind: "error", file: "users.csv", line: 4, column: "role", message: "'pupil' is not a OneRoster role: use one of administrator, aide, guardian, parent, proctor, relative, student, teacher." },
    ]);
    expect(result.countsByFile["users.csv"]).toMatchObject({ create: 2, error: 1 });
    expect(await db().rosterUser.findMany({ where: { districtId }, select: { sourcedId: true }, orderBy: { sourcedId: "asc" } })).toEqual([{ sourcedId: "u-1" }, { sourcedId: "u-2" }]);
  });

  it("an email address that is not one, and a date that is not a date", async () => {
    const result = await applyWith({
      "users.csv": [...FILES["users.csv"], "u-3,,,true,s-1,student,jsmith,,John,Smith,,,jsmith@,,,,,"],
      "enrollments.csv": [...FILES["enrollments.csv"], "e-3,,,k-1,s-1,u-2,teacher,false,2026-02-30,"],
    });
    expect(errors(result).map(({ file, line, column, message }) => ({ file, line, column, message }))).toEqual([
      { file: "users.csv", line: 4, column: "email", message: "'jsmith@' is not an email address." },
      { file: "enrollments.csv", line: 4, column: "beginDate", message: "'2026-02-30' is not a date in the form YYYY-MM-DD (such as 2026-08-17)." },
    ]);
    expect(await stored()).toEqual({ users: 2, enrollments: 2, orgs: 2 });
  });

  it("an enrollment in a class that is neither in classes.csv nor in the roster", async () => {
    const result = await applyWith({ "enrollments.csv": [...FILES["enrollments.csv"], "e-3,,,k-404,s-1,u-1,student,false,,"] });
    expect(errors(result)).toEqual([{ kind: "error", file: "enrollments.csv", line: 4, column: "classSourcedId", message: "No class 'k-404' in classes.csv or in the roster." }]);
    expect(await db().enrollment.count({ where: { districtId, sourcedId: "e-3" } })).toBe(0);
  });

  it("an enrollment of a user whose own row was refused", async () => {
    const result = await applyWith({
      "users.csv": [...FILES["users.csv"], "u-3,,,maybe,s-1,student,kim,,Kim,Lee,,,,,,,,"],
      "enrollments.csv": [...FILES["enrollments.csv"], "e-3,,,k-1,s-1,u-3,student,false,,"],
    });
    expect(errors(result).map((issue) => `${issue.file}: ${issue.message}`)).toEqual([
      "users.csv: 'maybe' is not true or false.",
      "enrollments.csv: No user 'u-3' in users.csv or in the roster.",
    ]);
  });

  it("a sourcedId that appears twice in one file", async () => {
    const result = await applyWith({ "users.csv": [...FILES["users.csv"], "u-1,,,true,s-1,student,jdoe2,,Jane,Doe,,,,,,,,"] });
    expect(errors(result)).toEqual([
      { kind: "error", file: "users.csv", line: 4, column: "sourcedId", message: "Repeats sourcedId 'u-1' from line 2; each user must appear once." },
    ]);
    expect(await db().rosterUser.findUniqueOrThrow({ where: { districtId_sourcedId: { districtId, sourcedId: "u-1" } } })).toMatchObject({ username: "jdoe" });
  });

  it("an unknown column is ignored with a warning, and a password is never stored", async () => {
    const users = FILES["users.csv"].map((line, index) => `${index === 0 ? line : line.replace(/,$/, ",secret")},${index === 0 ? "favouriteColour" : "blue"}`);
    const result = await applyWith({ "users.csv": users });
    expect(result.counts.error).toBe(0);
    expect(result.issues.filter((issue) => issue.file === "users.csv").map((issue) => issue.message)).toEqual([
      'Rollcall does not read the column "favouriteColour"; it was ignored.',
      "Rollcall does not keep passwords: the password column was ignored. Sign-in goes through the district's identity provider.",
    ]);
  });
});
