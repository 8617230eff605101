// Custom CSV formats against a small roster written by hand: the columns (related ones
// included), the filters, the file's bytes, and the preview from the sandbox district.
import { createHash, randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { defaultCustomFormat } from "@/lib/deliveries/custom-format/schema";
import { deliveryFileName, exportCustomCsv, previewCustomFormat } from "@/lib/deliveries/export";
import { FIELD_CATALOG } from "@/lib/deliveries/custom-format/catalog";
import { FORMAT_ENTITIES, type CustomFormat, type FormatEntity, type FormatFilters } from "@/lib/deliveries/types";

const dir = mkdtempSync(path.join(tmpdir(), "rollcall-custom-"));
let districtId: string;

beforeAll(async () => {
  districtId = (await db().district.create({ data: { name: "Custom District", state: "OR", districtGuid: randomUUID() } })).id;
  const data = { districtId };
  await db().org.createMany({
    data: [
      { ...data, sourcedId: "d1", type: "district", name: "Custom District" },
      { ...data, sourcedId: "s1", type: "school", name: "North High", identifier: "NH", parentSourcedId: "d1" },
      { ...data, sourcedId: "s2", type: "school", name: "South Elementary", identifier: "SE", parentSourcedId: "d1" },
    ],
  });
  await db().academicSession.create({ data: { ...data, sourcedId: "t1", title: "Fall 2026", type: "term", startDate: new Date("2026-08-17"), endDate: new Date("2026-12-18"), schoolYear: "2027" } });
  await db().course.create({ data: { ...data, sourcedId: "co1", title: "Biology", orgSourcedId: "s1", grades: ["09", "10"] } });
  await db().course.create({ data: { ...data, sourcedId: "co2", title: "Reading", orgSourcedId: "s2", grades: ["03"] } });
  await db().class.createMany({
    data: [
      { ...data, sourcedId: "c1", title: "Biology 1", classCode: "BIO-1", classType: "scheduled", courseSourcedId: "co1", schoolSourcedId: "s1", grades: ["09", "10"], termSourcedIds: ["t1"] },
      { ...data, sourcedId: "c2", title: "Reading 3", classCode: "RD-3", classType: "homeroom", courseSourcedId: "co2", schoolSourcedId: "s2", grades: ["03"], termSourcedIds: ["t1"] },
    ],
  });
  const user = (sourcedId: string, role: "student" | "teacher" | "guardian", givenName: string, orgSourcedIds: string[], grades: string[], extra: object = {}) => ({
    ...data, sourcedId, role, givenName, familyName: "Lee", username: sourcedId, email: `${sourcedId}@custom.example`, orgSourcedIds, grades, ...extra,
  });
  await db().rosterUser.createMany({
    data: [
      user("u1", "student", "Ana", ["s1"], ["09"]),
      user("u2", "student", "Ben", ["d1", "s2"], ["03"]),
      user("u3", "teacher", "Cruz", ["s1"], []),
      user("u4", "student", "Dee", ["s1"], ["10"], { status: "tobedeleted" }),
      user("u5", "guardian", "Eve", ["s1"], []),
      user("u6", "student", "=HYPERLINK(\"x\")", ["s1"], ["10"], { email: null }),
    ],
  });
  await db().demographic.create({ data: { ...data, sourcedId: "u1", birthDate: new Date("2011-03-04"), sex: "female", asian: true } });
  await db().enrollment.createMany({
    data: [
      { ...data, sourcedId: "e1", userSourcedId: "u1", classSourcedId: "c1", schoolSourcedId: "s1", role: "student", beginDate: new Date("2026-08-17") },
      { ...data, sourcedId: "e2", userSourcedId: "u3", classSourcedId: "c1", schoolSourcedId: "s1", role: "teacher", primary: true },
      { ...data, sourcedId: "e3", userSourcedId: "u2", classSourcedId: "c2", schoolSourcedId: "s2", role: "student" },
      { ...data, sourcedId: "e4", userSourcedId: "u6", classSourcedId: "c1", schoolSourcedId: "s1", role: "student" },
    ],
  });
});

const noFilters: FormatFilters = { roles: [], statuses: [], schoolNames: [], grades: [] };

function formatOf(entity: FormatEntity, fields: string[], changes: Partial<CustomFormat> = {}): CustomFormat {
  return { ...defaultCustomFormat(entity), columns: fields.map((field) => ({ field, header: field })), ...changes };
}

async function fileText(format: CustomFormat): Promise<string> {
  const filePath = path.join(dir, `${randomUUID()}.csv`);
  await exportCustomCsv(districtId, format, filePath);
  return readFileSync(filePath, "utf8");
}

describe("a users format", () => {
  const fields = ["sourcedId", "givenName", "role", "school.name", "grades"];

  it("writes the columns in order, the first school's name, and escapes formula-leading cells", async () => {
    expect(await fileText(formatOf("users", fields))).toBe(
      [
        "sourcedId,givenName,role,school.name,grades",
        "u1,Ana,student,North High,09",
        "u2,Ben,student,South Elementary,03",
        "u3,Cruz,teacher,North High,",
        "u5,Eve,guardian,North High,",
        `u6,"'=HYPERLINK(""x"")",student,North High,10`,
        "",
      ].join("\n"),
    );
  });

  it("keeps only the rows the filters name: role, status, school and grade", async () => {
    const ids = async (filters: Partial<FormatFilters>) =>
      (await fileText(formatOf("users", ["sourcedId"], { filters: { ...noFilters, ...filters } }))).trim().split("\n").slice(1);
    expect(await ids({ roles: ["student"] })).toEqual(["u1", "u2", "u6"]);
    expect(await ids({ roles: ["student"], schoolNames: ["high"] })).toEqual(["u1", "u6"]);
    expect(await ids({ roles: ["student"], schoolNames: ["North", "elementary"] })).toEqual(["u1", "u2", "u6"]);
    expect(await ids({ schoolNames: ["Middle"] })).toEqual([]);
    // A LIKE wildcard in a name is a plain character, not a pattern.
    expect(await ids({ schoolNames: ["%"] })).toEqual([]);
    expect(await ids({ grades: ["03", "09"] })).toEqual(["u1", "u2"]);
    expect(await ids({ statuses: ["tobedeleted"] })).toEqual(["u4"]);
    expect(await ids({ statuses: ["active", "tobedeleted"], grades: ["10"] })).toEqual(["u4", "u6"]);
  });

  it("uses the format's delimiter, quoting, line ending and date format", async () => {
    const format = formatOf("users", ["sourcedId", "givenName", "dateLastModified"], { delimiter: ";", quoting: "all", lineEnding: "crlf", dateFormat: "YYYYMMDD" });
    const [header, first] = (await fileText({ ...format, filters: { ...noFilters, roles: ["teacher"] } })).split("\r\n");
    expect(header).toBe('"sourcedId";"givenName";"dateLastModified"');
    expect(first).toMatch(/^"u3";"Cruz";"\d{8}"$/);
  });

  it("writes the encoding's bytes and reports the file's rows, size, SHA-256 and delivery name", async () => {
    const filePath = path.join(dir, "users-bom.csv");
    const format = formatOf("users", ["givenName"], { encoding: "utf-8-bom", fileName: "roster-{date}.csv" });
    const result = await exportCustomCsv(districtId, format, filePath);
    const bytes = readFileSync(filePath);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(result).toMatchObject({ rows: 5, bytes: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex"), path: filePath });
    expect(result.name).toBe(deliveryFileName(format, new Date()));
    expect(deliveryFileName(format, new Date("2026-09-01T12:00:00Z"))).toBe("roster-2026-09-01.csv");
  });
});

describe("enrollments and classes formats", () => {
  it("writes an enrollment's user email and class title, filtered by role and by its class's grade", async () => {
    const format = formatOf("enrollments", ["sourcedId", "user.email", "class.title", "role", "beginDate", "primary"], { dateFormat: "MM/DD/YYYY" });
    expect(await fileText(format)).toBe(
      [
        "sourcedId,user.email,class.title,role,beginDate,primary",
        "e1,u1@custom.example,Biology 1,student,08/17/2026,false",
        "e2,u3@custom.example,Biology 1,teacher,,true",
        "e3,u2@custom.example,Reading 3,student,,false",
        "e4,,Biology 1,student,,false",
        "",
      ].join("\n"),
    );
    const teachers = await fileText({ ...format, filters: { ...noFilters, roles: ["teacher"] } });
    expect(teachers.split("\n").slice(1, -1).map((line) => line.split(",")[0])).toEqual(["e2"]);
    const third = await fileText({ ...format, filters: { ...noFilters, grades: ["03"] } });
    expect(third.split("\n").slice(1, -1).map((line) => line.split(",")[0])).toEqual(["e3"]);
  });

  it("writes a class's primary teacher, course, school and term", async () => {
    const format = formatOf("classes", ["sourcedId", "course.title", "school.name", "teacher.email", "teacher.name", "term.title"]);
    expect(await fileText(format)).toBe(
      ["sourcedId,course.title,school.name,teacher.email,teacher.name,term.title", "c1,Biology,North High,u3@custom.example,Cruz Lee,Fall 2026", "c2,Reading,South Elementary,,,Fall 2026", ""].join("\n"),
    );
  });
});

describe("every field of the catalog", () => {
  it("exports for every entity, related fields included", async () => {
    for (const entity of FORMAT_ENTITIES) {
      const fields = FIELD_CATALOG[entity].map((field) => field.field);
      const [header, ...rows] = (await fileText(formatOf(entity, fields))).trim().split("\n");
      expect(header, entity).toBe(fields.join(","));
      expect(rows.length, entity).toBeGreaterThan(0);
    }
  });
});

describe("the preview", () => {
  it("shows the first rows of the sandbox district as cells and as the file's text, following the column order", async () => {
    const format = formatOf("users", ["sourcedId", "role", "school.name"], { filters: { ...noFilters, roles: ["student"] } });
    const preview = await previewCustomFormat(format, 5);
    expect(preview.header).toEqual(["sourcedId", "role", "school.name"]);
    expect(preview.rows).toHaveLength(5);
    expect(preview.rows.every(([, role, school]) => role === "student" && school!.startsWith("Sandbox"))).toBe(true);
    expect(preview.totalRows).toBeGreaterThanOrEqual(300);
    expect(preview.text).toBe([preview.header, ...preview.rows].map((cells) => `${cells.join(",")}\n`).join(""));

    const moved = await previewCustomFormat({ ...format, columns: [...format.columns].reverse() }, 5);
    expect(moved.header).toEqual(["school.name", "role", "sourcedId"]);
    expect(moved.rows).toEqual(preview.rows.map((cells) => [...cells].reverse()));
  });
});
