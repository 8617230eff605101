import { describe, expect, it } from "vitest";
import { FIELD_CATALOG, catalogField } from "@/lib/deliveries/custom-format/catalog";
import { customFormatSchema, defaultCustomFormat } from "@/lib/deliveries/custom-format/schema";
import { FORMAT_ENTITIES, type CustomFormat } from "@/lib/deliveries/types";

function problems(format: unknown): Record<string, string> {
  const result = customFormatSchema.safeParse(format);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join("."), issue.message]));
}

const users = (): CustomFormat => defaultCustomFormat("users");

describe("customFormatSchema", () => {
  it("accepts the default format of every entity", () => {
    for (const entity of FORMAT_ENTITIES) expect(problems(defaultCustomFormat(entity)), entity).toEqual({});
  });

  it("starts users with the usual columns, UTF-8, commas and ISO dates", () => {
    expect(users()).toMatchObject({
      columns: ["sourcedId", "givenName", "familyName", "email", "role", "school.name", "grades"].map((field) => ({ field })),
      encoding: "utf-8",
      delimiter: ",",
      quoting: "as_needed",
      dateFormat: "YYYY-MM-DD",
      lineEnding: "lf",
      fileName: "users-{date}.csv",
    });
  });

  it("refuses a field the entity does not have", () => {
    const format = users();
    format.columns.push({ field: "foo", header: "Foo" });
    format.columns.push({ field: "teacher.email", header: "Teacher" });
    expect(problems(format)).toEqual({
      "columns.7.field": "'foo' is not a field of users",
      "columns.8.field": "'teacher.email' is not a field of users",
    });
  });

  it("refuses a duplicate header, whatever its case, and an empty one", () => {
    const format = users();
    format.columns[1]!.header = "Name";
    format.columns[2]!.header = "name";
    format.columns[3]!.header = "  ";
    expect(problems(format)).toEqual({
      "columns.2.header": "The header 'name' is already used by another column",
      "columns.3.header": "Enter the column's header",
    });
  });

  it("refuses no columns and more than 100", () => {
    expect(problems({ ...users(), columns: [] })).toEqual({ columns: "Add at least one column" });
    const many = Array.from({ length: 101 }, (_, index) => ({ field: "sourcedId", header: `Column ${index}` }));
    expect(problems({ ...users(), columns: many })).toEqual({ columns: "A format can have at most 100 columns" });
  });

  it("refuses file names that leave the folder, do not end in .csv or are too long", () => {
    expect(problems({ ...users(), fileName: "../users.csv" })).toEqual({ fileName: "A file name can't contain /, \\ or .." });
    expect(problems({ ...users(), fileName: "out/users.csv" })).toEqual({ fileName: "A file name can't contain /, \\ or .." });
    expect(problems({ ...users(), fileName: "users.txt" })).toEqual({ fileName: "A file name ends in .csv" });
    expect(problems({ ...users(), fileName: `${"x".repeat(97)}.csv` })).toEqual({ fileName: "A file name can be at most 100 characters" });
    expect(problems({ ...users(), fileName: "" })).toEqual({ fileName: "Enter the file's name" });
  });

  it("refuses unknown roles and grades, and filters that do not apply to the entity", () => {
    expect(Object.keys(problems({ ...users(), filters: { ...users().filters, roles: ["wizard"] } }))).toEqual(["filters.roles.0"]);
    expect(Object.keys(problems({ ...users(), filters: { ...users().filters, grades: ["14"] } }))).toEqual(["filters.grades.0"]);
    const orgs = defaultCustomFormat("orgs");
    expect(problems({ ...orgs, filters: { ...orgs.filters, roles: ["student"] } })).toEqual({ "filters.roles": "Roles can't filter orgs (district and schools): clear this filter" });
  });

  it("accepts valid filters", () => {
    expect(problems({ ...users(), filters: { roles: ["student", "teacher"], statuses: ["active", "tobedeleted"], schoolNames: ["High"], grades: ["KG", "09"] } })).toEqual({});
  });
});

describe("the field catalog", () => {
  it("lists OneRoster fields and related ones, each once", () => {
    expect(catalogField("users", "school.name")).toMatchObject({ related: true, kind: "text" });
    expect(catalogField("users", "grades")).toMatchObject({ related: false, kind: "list" });
    expect(catalogField("classes", "teacher.email")).toMatchObject({ related: true });
    expect(catalogField("enrollments", "user.email")).toMatchObject({ related: true });
    expect(catalogField("demographics", "birthDate")).toMatchObject({ kind: "date" });
    expect(catalogField("orgs", "email")).toBeUndefined();
    for (const entity of FORMAT_ENTITIES) {
      const names = FIELD_CATALOG[entity].map((field) => field.field);
      expect(new Set(names).size, entity).toBe(names.length);
    }
  });
});
