// Reads one row of a OneRoster CSV file into the values Rollcall stores, column by column,
// saying what is wrong with each bad value. Pure: references are checked by the caller.
import type { CsvColumns, CsvRow } from "@/lib/imports/csv";
import type { ImportIssue } from "@/lib/imports/types";
import type { Entity, Field } from "@/lib/imports/oneroster/entities";
import type { FileMode } from "@/lib/imports/oneroster/manifest";
import { readBoolean, readDate, readDateTime, readEmail, readEnum, readGrades, readList, readUserIds, readYear, type Read, type UserId } from "@/lib/imports/oneroster/values";

export type FieldValue = string | boolean | string[] | UserId[] | null;

export type ParsedRow = {
  line: number;
  sourcedId: string;
  /** status tobedeleted: the row retires its record, and its other columns are not read. */
  deleted: boolean;
  /** One value per column the file has, in the order of `RowReader.fields`. */
  values: FieldValue[];
};

export type RowReader = {
  columns: CsvColumns;
  /** The entity's columns the file has (set on the header); only these are compared and written. */
  fields: Field[];
  setHeader(columns: readonly string[]): void;
  /** The row's values, or null when a value is wrong (each problem is added to `issues`). */
  read(row: CsvRow, issues: ImportIssue[]): ParsedRow | null;
};

export function rowReader(entity: Entity, mode: FileMode): RowReader {
  const required = ["sourcedId", ...entity.fields.filter((field) => field.required).map((field) => field.name), ...(mode === "delta" ? ["status", "dateLastModified"] : [])];
  const known = ["sourcedId", "status", "dateLastModified", ...entity.fields.map((field) => field.name), ...(entity.unused ?? [])];
  let fields: Field[] = [...entity.fields];

  return {
    columns: { required, known },
    get fields() {
      return fields;
    },
    setHeader(columns) {
      fields = entity.fields.filter((field) => columns.includes(field.name));
    },
    read(row, issues) {
      const before = issues.length;
      const fail = (column: string, message: string) => issues.push({ kind: "error", file: entity.file, line: row.line, column, message });
      const { values } = row;
      const sourcedId = values.sourcedId ?? "";
      if (sourcedId === "") fail("sourcedId", `Every ${entity.noun} needs a sourcedId.`);

      const status = values.status ?? "";
      let deleted = false;
      if (status === "" && mode === "delta") fail("status", "A delta file needs a status on every row: active or tobedeleted.");
      else if (status !== "") {
        const read = readEnum(status, ["active", "tobedeleted"] as const, "a status");
        if (read.ok) deleted = read.value === "tobedeleted";
        else fail("status", read.message);
      }
      const modified = values.dateLastModified ?? "";
      if (modified === "" && mode === "delta") fail("dateLastModified", "A delta file needs a dateLastModified on every row.");
      else if (modified !== "") {
        const read = readDateTime(modified);
        if (!read.ok) fail("dateLastModified", read.message);
      }

      const parsed: FieldValue[] = [];
      if (!deleted) {
        for (const field of fields) {
          const written = values[field.name] ?? "";
          if (written === "") {
            if (field.required) fail(field.name, `A ${entity.noun} needs a ${field.name}.`);
            parsed.push(blankValue(field));
            continue;
          }
          const read = readValue(field, written);
          if (!read.ok) fail(field.name, read.message);
          else if (field.required && Array.isArray(read.value) && read.value.length === 0) fail(field.name, `A ${entity.noun} needs a ${field.name}.`);
          else parsed.push(read.value);
        }
      }
      return issues.length === before ? { line: row.line, sourcedId, deleted, values: parsed } : null;
    },
  };
}

export function blankValue(field: Field): FieldValue {
  if (field.blank !== undefined) return field.blank;
  return field.kind.type === "list" || field.kind.type === "grades" || field.kind.type === "userIds" ? [] : null;
}

function readValue(field: Field, written: string): Read<FieldValue> {
  const { kind } = field;
  switch (kind.type) {
    case "text":
      return { ok: true, value: written };
    case "email":
      return readEmail(written);
    case "year":
      return readYear(written);
    case "date":
      return readDate(written);
    case "boolean":
      return readBoolean(written);
    case "list":
      return { ok: true, value: readList(written) };
    case "grades":
      return readGrades(written);
    case "userIds":
      return readUserIds(written);
    case "enum":
      return readEnum(written, kind.values, kind.what);
  }
}
